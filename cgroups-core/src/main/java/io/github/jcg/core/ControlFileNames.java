package io.github.jcg.core;

import io.github.jcg.core.internal.controller.Controllers;

import java.util.Optional;
import java.util.Set;

/**
 * The names of the kernel's cgroup interface files, v1 and v2 together: the core's here, each
 * controller's in its module ({@code ControllerModule#fileNames}). A group may not take such
 * a name (its directory would collide with the file), and nothing else is reserved: {@code cpu.batch} or {@code memory.x} are group names like any
 * other, which the kernel and libcgroup's cgcreate accept.
 *
 * <p>Built from the kernel's documentation: {@code Documentation/admin-guide/cgroup-v2.rst}
 * (core and controller interface files), the cgroup-v1 documents ({@code cgroups.rst},
 * {@code cpusets.rst}, {@code memory.rst}, {@code cpuacct.rst}, {@code blkio-controller.rst},
 * {@code devices.rst}, {@code freezer-subsystem.rst}, {@code hugetlb.rst}, {@code net_cls.rst},
 * {@code net_prio.rst}, {@code pids.rst}, {@code rdma.rst}, {@code misc.rst}), the scheduler's
 * ({@code sched-bwc.rst}, {@code sched-rt-group.rst}) and BFQ's ({@code bfq-iosched.rst}), and
 * checked against the files a v1 group of each controller has on Linux 6.18.
 */
public final class ControlFileNames {
    /** v1's files without a prefix. */
    private static final Set<String> UNPREFIXED = Set.of("tasks", "notify_on_release", "release_agent");

    /** The core's namespace on both versions: every {@code cgroup.*} name is the kernel's. */
    private static final String CORE_PREFIX = "cgroup";

    /** The core's pressure file that carries no {@code cgroup.} prefix (cgroup-v2.rst, PSI). */
    private static final Set<String> CORE_PREFIXED_FILES = Set.of("irq.pressure");

    private ControlFileNames() {
    }

    /**
     * Whether the kernel has (or may have, on some version or configuration) a cgroup interface
     * file of this name.
     *
     * @param name a file or group name, without a directory
     * @return true for {@code cgroup.procs}, {@code tasks}, {@code cpu.max}, {@code hugetlb.2MB.max} …
     */
    public static boolean isControlFile(String name) {
        return reason(name).isPresent();
    }

    /**
     * Why a group may not be called {@code name}, in words ending in the fix, or empty when it
     * may: names that are the kernel's interface files, in its core namespace ({@code cgroup.*},
     * v1's {@code tasks} …) or a controller's ({@code cpu.shares}, {@code memory.max} …).
     *
     * @param name a group name, one path component
     * @return the reason in one line, or empty when the kernel and libcgroup accept the name
     */
    public static Optional<String> reason(String name) {
        if (UNPREFIXED.contains(name)) {
            return Optional.of("'" + name + "' is the name of a cgroup control file; choose another group name");
        }
        int dot = name.indexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        String prefix = name.substring(0, dot);
        if (prefix.equals(CORE_PREFIX)) {
            return Optional.of("'" + name + "' starts with 'cgroup.', which the kernel reserves for control files;"
                    + " choose another group name");
        }
        String owner;
        if (CORE_PREFIXED_FILES.contains(name)) {
            owner = "the cgroup core's";
        } else if (Controllers.all().stream().anyMatch(m -> m.isFileName(name))) {
            owner = "the " + prefix + " controller's";
        } else {
            return Optional.empty();
        }
        return Optional.of("'" + name + "' is the name of a cgroup control file (" + owner
                + "); choose another group name");
    }
}
