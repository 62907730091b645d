package io.github.jcg.core.limit;

import io.github.jcg.core.internal.controller.RawValues;

/**
 * The ranges the kernel accepts for the limits jcg writes (kernel/sched/core.c,
 * mm/memcontrol.c, kernel/cgroup/pids.c). Values outside them are refused before the write,
 * with the range in the message.
 */
public final class KernelRanges {
    /** Smallest CFS quota and period: 1 ms. */
    public static final long MIN_CFS_MICROS = 1_000;
    /** Largest CFS period: 1 s. */
    public static final long MAX_CFS_PERIOD_MICROS = 1_000_000;
    /** Largest CFS quota and burst: the kernel's max_cfs_runtime, (2^44 − 1) µs. */
    public static final long MAX_CFS_QUOTA_MICROS = (1L << 44) - 1;
    /** The CFS period a new group has (and {@code cpu.max} keeps when only a quota is given): 100 ms. */
    public static final long DEFAULT_CFS_PERIOD_MICROS = 100_000;

    /** Smallest v1 {@code cpu.shares} the kernel keeps (it raises a smaller value to this). */
    public static final long MIN_SHARES = 2;
    /** Largest v1 {@code cpu.shares}: 2^18. */
    public static final long MAX_SHARES = 262_144;
    /** A new v1 group's {@code cpu.shares}, the same CPU weight as v2's {@link #DEFAULT_WEIGHT}. */
    public static final long DEFAULT_SHARES = 1_024;
    /** Smallest v2 {@code cpu.weight}. */
    public static final long MIN_WEIGHT = 1;
    /** Largest v2 {@code cpu.weight}. */
    public static final long MAX_WEIGHT = 10_000;
    /** A new v2 group's {@code cpu.weight}. */
    public static final long DEFAULT_WEIGHT = 100;

    /** PID_MAX_LIMIT: pids.max accepts 0 up to this. */
    public static final long MAX_PIDS = 4_194_304;

    /**
     * What v1 {@code memory.limit_in_bytes} reads back when there is no limit
     * (PAGE_COUNTER_MAX pages of 4 KiB). Anything at or above it means "no limit".
     */
    public static final long V1_MEMORY_UNLIMITED = 9_223_372_036_854_771_712L;

    /**
     * The largest number the kernel's memory limit files read: 2^64 − 1, as an unsigned
     * decimal. They round a value down to whole pages and clamp it at PAGE_COUNTER_MAX pages
     * (no limit), so anything above 2^63 − 1 means no limit; see {@link ByteQuantity}.
     */
    public static final String MAX_MEMORY_BYTES = "18446744073709551615";

    private KernelRanges() {
    }

    static void checkRange(String setting, long value, long min, long max, String unit) {
        RawValues.range(setting, value, min, max, unit);
    }

    static void checkQuota(String setting, Limit quota) {
        if (!quota.isUnlimited()) {
            checkRange(setting, quota.value(), MIN_CFS_MICROS, MAX_CFS_QUOTA_MICROS, " µs, or no limit");
        }
    }

    static void checkPeriod(String setting, long period) {
        RawValues.period(setting, period);
    }
}
