package io.github.jcg.core;

import java.util.Locale;
import java.util.Optional;

/**
 * The kernel's cgroup controllers (subsystems). {@link #kernelName()} is the name used in
 * mount options, {@code /proc/cgroups}, {@code cgroup.controllers} and as the prefix of
 * the controller's files.
 */
public enum Controller {
    /**
     * CPU time: v1's {@code cpu.shares} and {@code cpu.cfs_quota_us}, v2's {@code cpu.weight} and
     * {@code cpu.max}.
     */
    CPU("cpu"),
    /** v1 only: CPU usage accounting ({@code cpuacct.usage}); v2 reports usage in {@code cpu.stat}. */
    CPUACCT("cpuacct"),
    /** The CPUs and memory nodes a group's tasks may run on ({@code cpuset.cpus}, {@code cpuset.mems}). */
    CPUSET("cpuset"),
    /** Memory use and limits ({@code memory.limit_in_bytes} on v1, {@code memory.max} on v2). */
    MEMORY("memory"),
    /** v1 only: which device nodes tasks may open; v2 does this with BPF programs, not files. */
    DEVICES("devices"),
    /**
     * v1: stops and resumes a group's tasks ({@code freezer.state}); v2 has {@code cgroup.freeze}
     * instead.
     */
    FREEZER("freezer"),
    /**
     * v1 only: tags a group's network packets with a class id for traffic control
     * ({@code net_cls.classid}).
     */
    NET_CLS("net_cls"),
    /** v1 only: network priority per interface ({@code net_prio.ifpriomap}). */
    NET_PRIO("net_prio"),
    /**
     * v1's block IO controller: weights and throttling ({@code blkio.throttle.*}); v2 calls it
     * {@link #IO}.
     */
    BLKIO("blkio"),
    /** Lets {@code perf} monitor a group's tasks together; it has no limits. */
    PERF_EVENT("perf_event"),
    /** Huge page use and limits, per page size ({@code hugetlb.2MB.*}). */
    HUGETLB("hugetlb"),
    /** The number of tasks a group may hold ({@code pids.max}). */
    PIDS("pids"),
    /** RDMA and InfiniBand resources ({@code rdma.max}). */
    RDMA("rdma"),
    /** Scalar resources that fit no other controller, such as AMD SEV ids ({@code misc.max}). */
    MISC("misc"),
    /** v2's block IO controller (v1 calls it {@link #BLKIO}). */
    IO("io");

    private final String kernelName;

    Controller(String kernelName) {
        this.kernelName = kernelName;
    }

    /**
     * The kernel's name for the controller.
     *
     * @return the lower-case name, e.g. {@code net_cls} for {@link #NET_CLS}
     */
    public String kernelName() {
        return kernelName;
    }

    /**
     * The controller with this kernel name, if it is one we know.
     *
     * @param name a kernel name such as {@code memory}; case does not matter
     * @return the controller; empty for a name jcg has no constant for, or a {@code name=} hierarchy
     */
    public static Optional<Controller> byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Controller c : values()) {
            if (c.kernelName.equals(lower)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The controller that owns a control file, judged by the file's prefix
     * ({@code cpu.cfs_quota_us} → {@link #CPU}); empty for core files such as
     * {@code cgroup.procs}, {@code tasks} or {@code notify_on_release}.
     *
     * @param fileName a control file's name, without directory
     * @return the controller its prefix names; empty without a known prefix
     */
    public static Optional<Controller> owningFile(String fileName) {
        int dot = fileName.indexOf('.');
        return dot <= 0 ? Optional.empty() : byName(fileName.substring(0, dot));
    }

    @Override
    public String toString() {
        return kernelName;
    }
}
