package io.github.jcg.core.sample;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which families of metrics to read. Each costs one or more file reads per group, so the
 * sampler reads only what its consumer shows ({@code jcg top} does not need PSI).
 */
public enum MetricGroup {
    /** Total, user and system CPU time. */
    CPU,
    /** CFS periods, throttled periods and time, bursts. */
    THROTTLING,
    /** The CFS quota and period in force. */
    CPU_LIMIT,
    /** Current, peak, working set and swap. */
    MEMORY,
    MEMORY_LIMIT,
    PIDS,
    IO,
    /** Pressure stall totals (v2, and the v2 mount of hybrid hosts). */
    PSI,
    /** Processes in the group (a count of {@code cgroup.procs}). */
    PROCESSES,
    /** Threads in the group (a count of {@code tasks} / {@code cgroup.threads}). */
    THREADS;

    public static Set<MetricGroup> all() {
        return EnumSet.allOf(MetricGroup.class);
    }
}
