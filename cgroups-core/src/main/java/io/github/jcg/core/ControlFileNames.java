package io.github.jcg.core;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the kernel's cgroup interface files, v1 and v2 together: the one list of them
 * in jcg. A group may not take such a name (its directory would collide with the file), and
 * nothing else is reserved: {@code cpu.batch} or {@code memory.x} are group names like any
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

    /** hugetlb's files carry the page size: {@code hugetlb.2MB.max}, {@code hugetlb.1GB.limit_in_bytes}. */
    private static final Pattern HUGETLB = Pattern.compile("hugetlb\\.\\d+[KMGT]B\\.(.+)");
    private static final Set<String> HUGETLB_FILES = Set.of(
            // v1
            "limit_in_bytes", "max_usage_in_bytes", "usage_in_bytes", "failcnt",
            "rsvd.limit_in_bytes", "rsvd.max_usage_in_bytes", "rsvd.usage_in_bytes", "rsvd.failcnt",
            // v2
            "max", "current", "events", "events.local", "rsvd.max", "rsvd.current",
            // both
            "numa_stat");

    /** Each prefix's files, without the prefix. The prefix is a controller's name, or irq (a PSI file of the core). */
    private static final Map<String, Set<String>> FILES = Map.ofEntries(
            Map.entry("cpu", Set.of(
                    // v1 (sched-bwc.rst, sched-rt-group.rst)
                    "shares", "cfs_quota_us", "cfs_period_us", "cfs_burst_us", "rt_runtime_us", "rt_period_us",
                    // v2
                    "weight", "weight.nice", "max", "max.burst", "pressure",
                    // both
                    "stat", "stat.local", "idle", "uclamp.min", "uclamp.max")),
            Map.entry("cpuacct", Set.of("usage", "usage_user", "usage_sys", "usage_all", "usage_percpu",
                    "usage_percpu_user", "usage_percpu_sys", "stat")),
            Map.entry("cpuset", Set.of(
                    // v1
                    "cpu_exclusive", "mem_exclusive", "mem_hardwall", "memory_migrate", "memory_pressure",
                    "memory_pressure_enabled", "memory_spread_page", "memory_spread_slab", "sched_load_balance",
                    "sched_relax_domain_level", "effective_cpus", "effective_mems",
                    // v2
                    "cpus.effective", "mems.effective", "cpus.exclusive", "cpus.exclusive.effective", "cpus.isolated",
                    "cpus.partition",
                    // both
                    "cpus", "mems")),
            Map.entry("memory", Set.of(
                    // v1
                    "usage_in_bytes", "limit_in_bytes", "soft_limit_in_bytes", "max_usage_in_bytes", "failcnt",
                    "memsw.usage_in_bytes", "memsw.limit_in_bytes", "memsw.max_usage_in_bytes", "memsw.failcnt",
                    "kmem.usage_in_bytes", "kmem.limit_in_bytes", "kmem.max_usage_in_bytes", "kmem.failcnt",
                    "kmem.slabinfo", "kmem.tcp.usage_in_bytes", "kmem.tcp.limit_in_bytes", "kmem.tcp.max_usage_in_bytes",
                    "kmem.tcp.failcnt", "use_hierarchy", "force_empty", "pressure_level", "swappiness",
                    "move_charge_at_immigrate", "oom_control",
                    // v2
                    "current", "min", "low", "high", "max", "max.effective", "reclaim", "peak", "oom.group", "events",
                    "events.local", "swap.current", "swap.high", "swap.peak", "swap.max", "swap.max.effective",
                    "swap.events", "zswap.current", "zswap.max", "zswap.max.effective", "zswap.writeback", "pressure",
                    // both
                    "stat", "numa_stat")),
            Map.entry("devices", Set.of("allow", "deny", "list")),
            Map.entry("freezer", Set.of("state", "self_freezing", "parent_freezing")),
            Map.entry("net_cls", Set.of("classid")),
            Map.entry("net_prio", Set.of("prioidx", "ifpriomap")),
            Map.entry("blkio", blkioFiles()),
            Map.entry("io", Set.of("stat", "weight", "max", "pressure", "latency", "prio.class", "cost.qos",
                    "cost.model", "bfq.weight")),
            Map.entry("pids", Set.of("max", "current", "peak", "events", "events.local")),
            Map.entry("rdma", Set.of("max", "current")),
            Map.entry("misc", Set.of("capacity", "current", "peak", "max", "events", "events.local")),
            Map.entry("dmem", Set.of("capacity", "current", "min", "low", "max")),
            Map.entry("irq", Set.of("pressure")));

    private ControlFileNames() {
    }

    /** Whether the kernel has (or may have, on some version or configuration) a cgroup interface file of this name. */
    public static boolean isControlFile(String name) {
        return reason(name).isPresent();
    }

    /**
     * Why a group may not be called {@code name}, in words ending in the fix, or empty when it
     * may: names that are the kernel's interface files, in its core namespace ({@code cgroup.*},
     * v1's {@code tasks} …) or a controller's ({@code cpu.shares}, {@code memory.max} …).
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
        String file = name.substring(dot + 1);
        boolean known = prefix.equals("hugetlb")
                ? isHugetlbFile(name)
                : FILES.getOrDefault(prefix, Set.of()).contains(file);
        if (!known) {
            return Optional.empty();
        }
        String owner = prefix.equals("irq") ? "the cgroup core's" : "the " + prefix + " controller's";
        return Optional.of("'" + name + "' is the name of a cgroup control file (" + owner
                + "); choose another group name");
    }

    private static boolean isHugetlbFile(String name) {
        Matcher m = HUGETLB.matcher(name);
        return m.matches() && HUGETLB_FILES.contains(m.group(1));
    }

    /** blkio's statistics, each also as {@code _recursive}, for the old CFQ names and BFQ's, and its settings. */
    private static Set<String> blkioFiles() {
        String[] stats = {"time", "sectors", "io_service_bytes", "io_serviced", "io_service_time", "io_wait_time",
                "io_merged", "io_queued"};
        String[] bfqOnly = {"avg_queue_size", "group_wait_time", "idle_time", "empty_time", "dequeue"};
        Set<String> out = new HashSet<>(Set.of("weight", "weight_device", "leaf_weight",
                "leaf_weight_device", "reset_stats", "bfq.weight", "bfq.weight_device",
                "throttle.read_bps_device", "throttle.write_bps_device", "throttle.read_iops_device",
                "throttle.write_iops_device", "throttle.io_service_bytes", "throttle.io_serviced",
                "throttle.io_service_bytes_recursive", "throttle.io_serviced_recursive"));
        for (String s : stats) {
            for (String prefix : new String[] {"", "bfq."}) {
                out.add(prefix + s);
                out.add(prefix + s + "_recursive");
            }
        }
        for (String s : bfqOnly) {
            out.add(s);
            out.add("bfq." + s);
        }
        return Set.copyOf(out);
    }
}
