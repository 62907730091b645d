package io.github.jcg.core.sample;

/**
 * The numbers a usage snapshot can hold. Counters only grow (until a group is recreated);
 * gauges are current values; limits may be "no limit". Units are in the names.
 */
public enum Metric {
    CPU_USAGE_NANOS(Kind.COUNTER),
    CPU_USER_NANOS(Kind.COUNTER),
    CPU_SYSTEM_NANOS(Kind.COUNTER),
    CPU_PERIODS(Kind.COUNTER),
    CPU_THROTTLED_PERIODS(Kind.COUNTER),
    CPU_THROTTLED_NANOS(Kind.COUNTER),
    CPU_BURSTS(Kind.COUNTER),
    CPU_BURST_NANOS(Kind.COUNTER),
    /** CFS quota per period; "no limit" when unthrottled. */
    CPU_QUOTA_MICROS(Kind.LIMIT),
    CPU_PERIOD_MICROS(Kind.GAUGE),
    MEMORY_CURRENT_BYTES(Kind.GAUGE),
    MEMORY_PEAK_BYTES(Kind.GAUGE),
    MEMORY_LIMIT_BYTES(Kind.LIMIT),
    /** Usage minus inactive file cache, floored at 0 (what cAdvisor and the kubelet call working set). */
    MEMORY_WORKING_SET_BYTES(Kind.GAUGE),
    SWAP_CURRENT_BYTES(Kind.GAUGE),
    PIDS_CURRENT(Kind.GAUGE),
    PIDS_LIMIT(Kind.LIMIT),
    IO_READ_BYTES(Kind.COUNTER),
    IO_WRITE_BYTES(Kind.COUNTER),
    IO_READ_OPS(Kind.COUNTER),
    IO_WRITE_OPS(Kind.COUNTER),
    PSI_CPU_SOME_MICROS(Kind.COUNTER),
    PSI_CPU_FULL_MICROS(Kind.COUNTER),
    PSI_MEMORY_SOME_MICROS(Kind.COUNTER),
    PSI_MEMORY_FULL_MICROS(Kind.COUNTER),
    PSI_IO_SOME_MICROS(Kind.COUNTER),
    PSI_IO_FULL_MICROS(Kind.COUNTER),
    /** Processes (thread groups) in the group itself, counted from {@code cgroup.procs}. */
    PROCESSES(Kind.GAUGE),
    /** Threads in the group itself, counted from {@code tasks} / {@code cgroup.threads}. */
    THREADS(Kind.GAUGE);

    public enum Kind {
        /** Grows monotonically; rates are taken between two snapshots. */
        COUNTER,
        /** A current value. */
        GAUGE,
        /** A configured bound that may be "no limit". */
        LIMIT
    }

    private final Kind kind;

    Metric(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static final Metric[] ALL = values();
}
