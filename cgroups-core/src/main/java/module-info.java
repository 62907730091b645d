/**
 * cgroups-core: discover a host's cgroup layout (v1, hybrid, v2, containers), create and
 * delete groups all-or-nothing, move processes, write typed limits in one vocabulary for v1
 * and v2, and sample usage cheaply.
 *
 * <p>The API is the exported packages:
 * <ul>
 * <li>{@code io.github.jcg.core}: the host ({@code CgroupHost}, {@code HostLayout}), groups
 * ({@code Cgroup}, {@code CgroupPath}), controllers and the errors every call can throw;</li>
 * <li>{@code io.github.jcg.core.limit}: typed limits ({@code Resources}, {@code Limit} …),
 * the kernel's ranges for them, the checks of raw control-file values and the translation
 * between v1's and v2's file names ({@code Vocabulary});</li>
 * <li>{@code io.github.jcg.core.run}: a command started inside a group, run to its end under
 * CPU-time and wall-time limits and accounted for ({@code GroupProcess}, {@code RunResult});</li>
 * <li>{@code io.github.jcg.core.sample}: usage snapshots, rates and the subtree sampler;</li>
 * <li>{@code io.github.jcg.core.event}: group events (OOM kills, limit hits, populated and
 * empty, frozen, PSI triggers) pushed as they happen ({@code GroupWatcher}).</li>
 * </ul>
 * Everything under {@code io.github.jcg.core.internal} is how it is done, and may change in
 * any release.
 */
@SuppressWarnings("requires-automatic") // jnr-ffi names its module in its manifest only
module io.github.jcg.core {
    requires org.jnrproject.ffi;

    exports io.github.jcg.core;
    exports io.github.jcg.core.limit;
    exports io.github.jcg.core.run;
    exports io.github.jcg.core.sample;
    exports io.github.jcg.core.event;

    // jnr-ffi implements the libc binding with classes it generates at run time, outside this
    // module: they need the package at run time only (opens exports it then, not to javac)
    opens io.github.jcg.core.internal.posix;
}
