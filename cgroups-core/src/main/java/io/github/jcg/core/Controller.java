package io.github.jcg.core;

import java.util.Locale;
import java.util.Optional;

/**
 * The kernel's cgroup controllers (subsystems). {@link #kernelName()} is the name used in
 * mount options, {@code /proc/cgroups}, {@code cgroup.controllers} and as the prefix of
 * the controller's files.
 */
public enum Controller {
    CPU("cpu"),
    CPUACCT("cpuacct"),
    CPUSET("cpuset"),
    MEMORY("memory"),
    DEVICES("devices"),
    FREEZER("freezer"),
    NET_CLS("net_cls"),
    NET_PRIO("net_prio"),
    BLKIO("blkio"),
    PERF_EVENT("perf_event"),
    HUGETLB("hugetlb"),
    PIDS("pids"),
    RDMA("rdma"),
    MISC("misc"),
    /** v2's block IO controller (v1 calls it {@link #BLKIO}). */
    IO("io");

    private final String kernelName;

    Controller(String kernelName) {
        this.kernelName = kernelName;
    }

    public String kernelName() {
        return kernelName;
    }

    /** The controller with this kernel name, if it is one we know. */
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
