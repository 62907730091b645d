package io.github.jcg.core.sample;

/**
 * The numbers a usage snapshot can hold. Counters only grow (until a group is recreated);
 * gauges are current values; limits may be "no limit". Units are in the names.
 */
public enum Metric {
    /**
     * CPU time used by the group and its descendants, ns: v2 {@code cpu.stat} {@code usage_usec},
     * v1 {@code cpuacct.usage}.
     */
    CPU_USAGE_NANOS(Kind.COUNTER),
    /**
     * The user-mode part of {@link #CPU_USAGE_NANOS}, ns (v1 {@code cpuacct.stat} counts it in
     * USER_HZ ticks).
     */
    CPU_USER_NANOS(Kind.COUNTER),
    /**
     * The kernel-mode part of {@link #CPU_USAGE_NANOS}, ns (v1 {@code cpuacct.stat} counts it in
     * USER_HZ ticks).
     */
    CPU_SYSTEM_NANOS(Kind.COUNTER),
    /** CFS bandwidth periods that have elapsed with runnable tasks ({@code cpu.stat} {@code nr_periods}). */
    CPU_PERIODS(Kind.COUNTER),
    /** Periods in which the group ran out of quota ({@code cpu.stat} {@code nr_throttled}). */
    CPU_THROTTLED_PERIODS(Kind.COUNTER),
    /** Time the group spent throttled, ns ({@code throttled_usec} on v2, {@code throttled_time} on v1). */
    CPU_THROTTLED_NANOS(Kind.COUNTER),
    /** Periods in which the group used burst beyond its quota ({@code cpu.stat} {@code nr_bursts}). */
    CPU_BURSTS(Kind.COUNTER),
    /** CPU time used as burst beyond the quota, ns ({@code burst_usec} on v2, {@code burst_time} on v1). */
    CPU_BURST_NANOS(Kind.COUNTER),
    /**
     * CFS quota per period, µs: v2 {@code cpu.max}, v1 {@code cpu.cfs_quota_us}; "no limit" when
     * unthrottled.
     */
    CPU_QUOTA_MICROS(Kind.LIMIT),
    /** CFS period, µs: the second field of v2 {@code cpu.max}, v1 {@code cpu.cfs_period_us}. */
    CPU_PERIOD_MICROS(Kind.GAUGE),
    /**
     * Memory charged to the group and its descendants, page cache included: v2
     * {@code memory.current}, v1 {@code memory.usage_in_bytes}.
     */
    MEMORY_CURRENT_BYTES(Kind.GAUGE),
    /**
     * The highest {@link #MEMORY_CURRENT_BYTES} recorded: v2 {@code memory.peak}, v1
     * {@code memory.max_usage_in_bytes}.
     */
    MEMORY_PEAK_BYTES(Kind.GAUGE),
    /**
     * The hard memory limit: v2 {@code memory.max}, v1 {@code memory.limit_in_bytes}; "no limit"
     * for {@code max} or v1's page-rounded ceiling.
     */
    MEMORY_LIMIT_BYTES(Kind.LIMIT),
    /** Usage minus inactive file cache, floored at 0 (what cAdvisor and the kubelet call working set). */
    MEMORY_WORKING_SET_BYTES(Kind.GAUGE),
    /** Swap used by the group: v2 {@code memory.swap.current}, v1 {@code memory.stat} {@code total_swap}. */
    SWAP_CURRENT_BYTES(Kind.GAUGE),
    /**
     * Tasks (threads) in the group and its descendants, as the pids controller counts them
     * ({@code pids.current}).
     */
    PIDS_CURRENT(Kind.GAUGE),
    /** The most tasks the group may hold ({@code pids.max}); "no limit" for {@code max}. */
    PIDS_LIMIT(Kind.LIMIT),
    /**
     * Bytes read from block devices, all devices summed: v2 {@code io.stat} {@code rbytes}, v1
     * {@code blkio.throttle.io_service_bytes_recursive}.
     */
    IO_READ_BYTES(Kind.COUNTER),
    /**
     * Bytes written to block devices, all devices summed: v2 {@code io.stat} {@code wbytes}, v1
     * {@code blkio.throttle.io_service_bytes_recursive}.
     */
    IO_WRITE_BYTES(Kind.COUNTER),
    /**
     * Block device read operations, all devices summed: v2 {@code io.stat} {@code rios}, v1
     * {@code blkio.throttle.io_serviced_recursive}.
     */
    IO_READ_OPS(Kind.COUNTER),
    /**
     * Block device write operations, all devices summed: v2 {@code io.stat} {@code wios}, v1
     * {@code blkio.throttle.io_serviced_recursive}.
     */
    IO_WRITE_OPS(Kind.COUNTER),
    /**
     * Time in which some task of the group waited for a CPU, µs ({@code cpu.pressure}
     * {@code some total=}; v2 mount only).
     */
    PSI_CPU_SOME_MICROS(Kind.COUNTER),
    /**
     * Time in which all non-idle tasks of the group waited for a CPU at once, µs
     * ({@code cpu.pressure} {@code full total=}).
     */
    PSI_CPU_FULL_MICROS(Kind.COUNTER),
    /**
     * Time in which some task of the group stalled on memory, µs ({@code memory.pressure}
     * {@code some total=}; v2 mount only).
     */
    PSI_MEMORY_SOME_MICROS(Kind.COUNTER),
    /**
     * Time in which all non-idle tasks of the group stalled on memory at once, µs
     * ({@code memory.pressure} {@code full total=}).
     */
    PSI_MEMORY_FULL_MICROS(Kind.COUNTER),
    /**
     * Time in which some task of the group stalled on IO, µs ({@code io.pressure}
     * {@code some total=}; v2 mount only).
     */
    PSI_IO_SOME_MICROS(Kind.COUNTER),
    /**
     * Time in which all non-idle tasks of the group stalled on IO at once, µs ({@code io.pressure}
     * {@code full total=}).
     */
    PSI_IO_FULL_MICROS(Kind.COUNTER),
    /**
     * Times the group's usage went below its {@code memory.low} protection and was reclaimed
     * anyway ({@code memory.events} {@code low}; v2 only).
     */
    MEMORY_EVENTS_LOW(Kind.COUNTER),
    /** Times the group was throttled and reclaimed over {@code memory.high} ({@code memory.events} {@code high}; v2 only). */
    MEMORY_EVENTS_HIGH(Kind.COUNTER),
    /**
     * Times the group's usage was about to go over its hard limit ({@code memory.events}
     * {@code max}; v2 only: on v1 see {@link #MEMORY_FAILCNT}).
     */
    MEMORY_EVENTS_MAX(Kind.COUNTER),
    /** Times the group hit its hard limit and reclaim could not help: the OOM killer was invoked ({@code memory.events} {@code oom}; v2 only). */
    MEMORY_EVENTS_OOM(Kind.COUNTER),
    /**
     * Processes in the group killed by the OOM killer: v2 {@code memory.events} {@code oom_kill}
     * (descendants included), v1 {@code memory.oom_control} {@code oom_kill} (Linux 4.13 and
     * later; v1 counts the group's own kills only).
     */
    MEMORY_EVENTS_OOM_KILL(Kind.COUNTER),
    /** Times the whole group was OOM-killed at once ({@code memory.events} {@code oom_group_kill}; v2, Linux 5.17 and later). */
    MEMORY_EVENTS_OOM_GROUP_KILL(Kind.COUNTER),
    /** Times usage hit the v1 hard limit ({@code memory.failcnt}; v1 only). */
    MEMORY_FAILCNT(Kind.COUNTER),
    /** 1 while the v1 group is under OOM, its tasks stopped because the OOM killer is disabled ({@code memory.oom_control} {@code under_oom}). */
    MEMORY_UNDER_OOM(Kind.GAUGE),
    /** The highest swap use recorded ({@code memory.swap.peak}; v2, Linux 6.5 and later). */
    SWAP_PEAK_BYTES(Kind.GAUGE),
    /** The most tasks the group held at once ({@code pids.peak}; v1 and v2, Linux 6.13 and later). */
    PIDS_PEAK(Kind.GAUGE),
    /**
     * Times a fork or clone in the group failed at a {@code pids.max} limit ({@code pids.events}
     * {@code max}, v1 and v2; not the {@code max.imposed} key of newer kernels). Which groups count
     * a refusal caused by an ancestor's limit has changed between kernels (6.13 made v2's
     * hierarchical).
     */
    PIDS_EVENTS_MAX(Kind.COUNTER),
    /** 1 while any process lives in the group or below it, 0 when empty ({@code cgroup.events} {@code populated}; v2 mount only). */
    POPULATED(Kind.GAUGE),
    /**
     * 1 while the group is frozen, 0 otherwise (a freeze under way included): v1
     * {@code freezer.state} {@code FROZEN} where the group is in a v1 freezer hierarchy, else
     * {@code cgroup.events} {@code frozen} (v2 mount, Linux 5.2 and later).
     */
    FROZEN(Kind.GAUGE),
    /**
     * Share of the last 10 s in which some task of the group stalled on a CPU, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code cpu.pressure} {@code some avg10=}.
     */
    PSI_CPU_SOME_AVG10(Kind.GAUGE),
    /**
     * Share of the last 60 s in which some task of the group stalled on a CPU, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code cpu.pressure} {@code some avg60=}.
     */
    PSI_CPU_SOME_AVG60(Kind.GAUGE),
    /**
     * Share of the last 300 s in which some task of the group stalled on a CPU, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code cpu.pressure} {@code some avg300=}.
     */
    PSI_CPU_SOME_AVG300(Kind.GAUGE),
    /**
     * Share of the last 10 s in which all non-idle tasks at once of the group stalled on a CPU, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code cpu.pressure} {@code full avg10=}.
     */
    PSI_CPU_FULL_AVG10(Kind.GAUGE),
    /**
     * Share of the last 60 s in which all non-idle tasks at once of the group stalled on a CPU, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code cpu.pressure} {@code full avg60=}.
     */
    PSI_CPU_FULL_AVG60(Kind.GAUGE),
    /**
     * Share of the last 300 s in which all non-idle tasks at once of the group stalled on a CPU, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code cpu.pressure} {@code full avg300=}.
     */
    PSI_CPU_FULL_AVG300(Kind.GAUGE),
    /**
     * Share of the last 10 s in which some task of the group stalled on memory, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code memory.pressure} {@code some avg10=}.
     */
    PSI_MEMORY_SOME_AVG10(Kind.GAUGE),
    /**
     * Share of the last 60 s in which some task of the group stalled on memory, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code memory.pressure} {@code some avg60=}.
     */
    PSI_MEMORY_SOME_AVG60(Kind.GAUGE),
    /**
     * Share of the last 300 s in which some task of the group stalled on memory, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code memory.pressure} {@code some avg300=}.
     */
    PSI_MEMORY_SOME_AVG300(Kind.GAUGE),
    /**
     * Share of the last 10 s in which all non-idle tasks at once of the group stalled on memory, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code memory.pressure} {@code full avg10=}.
     */
    PSI_MEMORY_FULL_AVG10(Kind.GAUGE),
    /**
     * Share of the last 60 s in which all non-idle tasks at once of the group stalled on memory, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code memory.pressure} {@code full avg60=}.
     */
    PSI_MEMORY_FULL_AVG60(Kind.GAUGE),
    /**
     * Share of the last 300 s in which all non-idle tasks at once of the group stalled on memory, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code memory.pressure} {@code full avg300=}.
     */
    PSI_MEMORY_FULL_AVG300(Kind.GAUGE),
    /**
     * Share of the last 10 s in which some task of the group stalled on io, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code io.pressure} {@code some avg10=}.
     */
    PSI_IO_SOME_AVG10(Kind.GAUGE),
    /**
     * Share of the last 60 s in which some task of the group stalled on io, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code io.pressure} {@code some avg60=}.
     */
    PSI_IO_SOME_AVG60(Kind.GAUGE),
    /**
     * Share of the last 300 s in which some task of the group stalled on io, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code io.pressure} {@code some avg300=}.
     */
    PSI_IO_SOME_AVG300(Kind.GAUGE),
    /**
     * Share of the last 10 s in which all non-idle tasks at once of the group stalled on io, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code io.pressure} {@code full avg10=}.
     */
    PSI_IO_FULL_AVG10(Kind.GAUGE),
    /**
     * Share of the last 60 s in which all non-idle tasks at once of the group stalled on io, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code io.pressure} {@code full avg60=}.
     */
    PSI_IO_FULL_AVG60(Kind.GAUGE),
    /**
     * Share of the last 300 s in which all non-idle tasks at once of the group stalled on io, in hundredths of
     * a percent (the kernel's two decimals: 12.34 % is 1234): {@code io.pressure} {@code full avg300=}.
     */
    PSI_IO_FULL_AVG300(Kind.GAUGE),
    /** Processes (thread groups) in the group itself, counted from {@code cgroup.procs}. */
    PROCESSES(Kind.GAUGE),
    /** Threads in the group itself, counted from {@code tasks} / {@code cgroup.threads}. */
    THREADS(Kind.GAUGE);

    /** How a metric's value behaves over time. */
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

    /**
     * Whether the metric is a counter, a gauge or a limit.
     *
     * @return the kind; only {@link Kind#LIMIT} metrics can be "no limit"
     */
    public Kind kind() {
        return kind;
    }

    static final Metric[] ALL = values();
}
