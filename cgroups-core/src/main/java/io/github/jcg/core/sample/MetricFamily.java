package io.github.jcg.core.sample;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Families of metrics to read. Each metric costs a file read per group unless it shares the
 * file with another, so a consumer names only what it shows: {@code jcg top}'s default
 * columns need {@link #CPU_USAGE}, {@link #MEMORY_USAGE}, {@link #PIDS_CURRENT} and
 * {@link #IO_BYTES} (one file each), not the detailed families, and its optional columns
 * {@link #OOM_KILLS} and {@link #PSI_SOME_AVG10}. Families may overlap.
 */
public enum MetricFamily {
    /** Total CPU time only. */
    CPU_USAGE(Metric.CPU_USAGE_NANOS),
    /** Total, user and system CPU time. */
    CPU(Metric.CPU_USAGE_NANOS, Metric.CPU_USER_NANOS, Metric.CPU_SYSTEM_NANOS),
    /** CFS periods, throttled periods and time, bursts. */
    THROTTLING(Metric.CPU_PERIODS, Metric.CPU_THROTTLED_PERIODS, Metric.CPU_THROTTLED_NANOS,
            Metric.CPU_BURSTS, Metric.CPU_BURST_NANOS),
    /** The CFS quota and period in force. */
    CPU_LIMIT(Metric.CPU_QUOTA_MICROS, Metric.CPU_PERIOD_MICROS),
    /** Current memory use only. */
    MEMORY_USAGE(Metric.MEMORY_CURRENT_BYTES),
    /** Current, peak, working set and swap. */
    MEMORY(Metric.MEMORY_CURRENT_BYTES, Metric.MEMORY_PEAK_BYTES, Metric.MEMORY_WORKING_SET_BYTES, Metric.SWAP_CURRENT_BYTES),
    /** The hard memory limit in force. */
    MEMORY_LIMIT(Metric.MEMORY_LIMIT_BYTES),
    /** Tasks counted by the pids controller only. */
    PIDS_CURRENT(Metric.PIDS_CURRENT),
    /** Tasks counted by the pids controller, and its limit. */
    PIDS(Metric.PIDS_CURRENT, Metric.PIDS_LIMIT),
    /** Bytes read and written only. */
    IO_BYTES(Metric.IO_READ_BYTES, Metric.IO_WRITE_BYTES),
    /** Bytes and operations read and written. */
    IO(Metric.IO_READ_BYTES, Metric.IO_WRITE_BYTES, Metric.IO_READ_OPS, Metric.IO_WRITE_OPS),
    /** Pressure stall totals (v2, and the v2 mount of hybrid hosts). */
    PSI(Metric.PSI_CPU_SOME_MICROS, Metric.PSI_CPU_FULL_MICROS, Metric.PSI_MEMORY_SOME_MICROS,
            Metric.PSI_MEMORY_FULL_MICROS, Metric.PSI_IO_SOME_MICROS, Metric.PSI_IO_FULL_MICROS),
    /**
     * What the memory controller counted happening: v2 {@code memory.events} (low, high, max,
     * oom, oom_kill, oom_group_kill); v1 {@code memory.oom_control} (oom_kill, under_oom) and
     * {@code memory.failcnt}.
     */
    MEMORY_EVENTS(Metric.MEMORY_EVENTS_LOW, Metric.MEMORY_EVENTS_HIGH, Metric.MEMORY_EVENTS_MAX, Metric.MEMORY_EVENTS_OOM,
            Metric.MEMORY_EVENTS_OOM_KILL, Metric.MEMORY_EVENTS_OOM_GROUP_KILL, Metric.MEMORY_FAILCNT, Metric.MEMORY_UNDER_OOM),
    /**
     * OOM kills only ({@code memory.events} on v2, {@code memory.oom_control} on v1): one file
     * per group, where {@link #MEMORY_EVENTS} reads v1's {@code memory.failcnt} too.
     */
    OOM_KILLS(Metric.MEMORY_EVENTS_OOM_KILL),
    /** The high-water marks the kernel keeps: memory, swap and tasks. */
    PEAKS(Metric.MEMORY_PEAK_BYTES, Metric.SWAP_PEAK_BYTES, Metric.PIDS_PEAK),
    /** Forks refused at {@code pids.max} ({@code pids.events}). */
    PIDS_EVENTS(Metric.PIDS_EVENTS_MAX),
    /** Whether the group is populated and whether it is frozen ({@code cgroup.events}). */
    GROUP_EVENTS(Metric.POPULATED, Metric.FROZEN),
    /** Pressure stall averages over 10, 60 and 300 s (v2, and the v2 mount of hybrid hosts). */
    PSI_AVERAGES(Metric.PSI_CPU_SOME_AVG10, Metric.PSI_CPU_SOME_AVG60, Metric.PSI_CPU_SOME_AVG300,
            Metric.PSI_CPU_FULL_AVG10, Metric.PSI_CPU_FULL_AVG60, Metric.PSI_CPU_FULL_AVG300,
            Metric.PSI_MEMORY_SOME_AVG10, Metric.PSI_MEMORY_SOME_AVG60, Metric.PSI_MEMORY_SOME_AVG300,
            Metric.PSI_MEMORY_FULL_AVG10, Metric.PSI_MEMORY_FULL_AVG60, Metric.PSI_MEMORY_FULL_AVG300,
            Metric.PSI_IO_SOME_AVG10, Metric.PSI_IO_SOME_AVG60, Metric.PSI_IO_SOME_AVG300,
            Metric.PSI_IO_FULL_AVG10, Metric.PSI_IO_FULL_AVG60, Metric.PSI_IO_FULL_AVG300),
    /**
     * The some line's 10 s average of each pressure file only: the three files of
     * {@link #PSI_AVERAGES}, with one value scanned from each.
     */
    PSI_SOME_AVG10(Metric.PSI_CPU_SOME_AVG10, Metric.PSI_MEMORY_SOME_AVG10, Metric.PSI_IO_SOME_AVG10),
    /** Processes in the group (a count of {@code cgroup.procs}). */
    PROCESSES(Metric.PROCESSES),
    /** Threads in the group (a count of {@code tasks} / {@code cgroup.threads}). */
    THREADS(Metric.THREADS);

    private final Set<Metric> metrics;

    MetricFamily(Metric first, Metric... rest) {
        this.metrics = Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    /**
     * The metrics this family reads.
     *
     * @return an unmodifiable set, never empty
     */
    public Set<Metric> metrics() {
        return metrics;
    }

    /**
     * Every family: every metric, at the most file reads per group.
     *
     * @return a new, modifiable set
     */
    public static Set<MetricFamily> all() {
        return EnumSet.allOf(MetricFamily.class);
    }

    /**
     * Every metric of the given families.
     *
     * @param groups the families
     * @return a new set holding each of their metrics once; empty for no family
     */
    public static Set<Metric> metricsOf(Set<MetricFamily> groups) {
        EnumSet<Metric> out = EnumSet.noneOf(Metric.class);
        groups.forEach(g -> out.addAll(g.metrics));
        return out;
    }
}
