package io.github.jcg.core.sample;

import io.github.jcg.core.CgroupPath;

import java.util.OptionalDouble;

/**
 * What a group did between two snapshots. Each rate is empty when either snapshot lacks the
 * counter or the counter went backwards (the group was recreated, or a counter was reset):
 * never a negative or absurd number.
 *
 * @param path                        the group's path, from the later snapshot
 * @param current                     the later snapshot, for the gauges and limits
 * @param intervalSeconds             wall time between the two snapshots, in seconds
 * @param cpuPercent                  CPU time / wall time × 100; 100 is one CPU fully busy
 * @param userPercent                 the user-mode part of {@code cpuPercent}
 * @param systemPercent               the kernel-mode part
 * @param throttledPeriodsRatio       throttled periods / elapsed periods, 0..1
 * @param elapsedPeriods              CFS periods that elapsed (periods with runnable tasks)
 * @param throttledPeriods            periods in which the group was throttled
 * @param throttledNanosPerSecond     time spent throttled per second of wall time, ns
 * @param readBytesPerSecond          block IO read, bytes per second
 * @param writeBytesPerSecond         block IO written, bytes per second
 * @param readOpsPerSecond            block IO read operations
 * @param writeOpsPerSecond           block IO write operations
 * @param cpuPressurePercent          share of wall time some task stalled on CPU (PSI some)
 * @param memoryPressurePercent       share of wall time some task stalled on memory (PSI some)
 * @param ioPressurePercent           share of wall time some task stalled on IO (PSI some)
 */
public record UsageRates(
        CgroupPath path,
        UsageSnapshot current,
        double intervalSeconds,
        OptionalDouble cpuPercent,
        OptionalDouble userPercent,
        OptionalDouble systemPercent,
        OptionalDouble throttledPeriodsRatio,
        OptionalDouble elapsedPeriods,
        OptionalDouble throttledPeriods,
        OptionalDouble throttledNanosPerSecond,
        OptionalDouble readBytesPerSecond,
        OptionalDouble writeBytesPerSecond,
        OptionalDouble readOpsPerSecond,
        OptionalDouble writeOpsPerSecond,
        OptionalDouble cpuPressurePercent,
        OptionalDouble memoryPressurePercent,
        OptionalDouble ioPressurePercent) {

    /**
     * The rates between two snapshots of the same group, {@code earlier} taken first.
     *
     * @param earlier the first snapshot
     * @param later   a later snapshot of the same group (the paths are not compared); when it is
     *                not later, every rate over time is empty
     * @return the rates, each present only where both snapshots hold its counter and it did not go
     *         backwards; {@link #throttledPeriodsRatio()} is also empty when no period elapsed
     */
    public static UsageRates between(UsageSnapshot earlier, UsageSnapshot later) {
        long wallNanos = later.monotonicNanos() - earlier.monotonicNanos();
        double seconds = wallNanos / 1e9;
        OptionalDouble periods = delta(earlier, later, Metric.CPU_PERIODS);
        OptionalDouble throttled = delta(earlier, later, Metric.CPU_THROTTLED_PERIODS);
        OptionalDouble ratio = OptionalDouble.empty();
        if (periods.isPresent() && throttled.isPresent()) {
            // no period elapsed: the group had no quota or nothing to run; there is no share to give
            ratio = periods.getAsDouble() == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(Math.min(1, throttled.getAsDouble() / periods.getAsDouble()));
        }
        return new UsageRates(later.path(), later, seconds,
                percentOfWall(earlier, later, Metric.CPU_USAGE_NANOS, wallNanos, 1),
                percentOfWall(earlier, later, Metric.CPU_USER_NANOS, wallNanos, 1),
                percentOfWall(earlier, later, Metric.CPU_SYSTEM_NANOS, wallNanos, 1),
                ratio, periods, throttled,
                perSecond(earlier, later, Metric.CPU_THROTTLED_NANOS, seconds),
                perSecond(earlier, later, Metric.IO_READ_BYTES, seconds),
                perSecond(earlier, later, Metric.IO_WRITE_BYTES, seconds),
                perSecond(earlier, later, Metric.IO_READ_OPS, seconds),
                perSecond(earlier, later, Metric.IO_WRITE_OPS, seconds),
                percentOfWall(earlier, later, Metric.PSI_CPU_SOME_MICROS, wallNanos, 1_000),
                percentOfWall(earlier, later, Metric.PSI_MEMORY_SOME_MICROS, wallNanos, 1_000),
                percentOfWall(earlier, later, Metric.PSI_IO_SOME_MICROS, wallNanos, 1_000));
    }

    private static OptionalDouble delta(UsageSnapshot a, UsageSnapshot b, Metric m) {
        if (!a.has(m) || !b.has(m)) {
            return OptionalDouble.empty();
        }
        long d = b.getAsLong(m) - a.getAsLong(m);
        return d < 0 ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    private static OptionalDouble perSecond(UsageSnapshot a, UsageSnapshot b, Metric m, double seconds) {
        OptionalDouble d = delta(a, b, m);
        return d.isEmpty() || seconds <= 0 ? OptionalDouble.empty() : OptionalDouble.of(d.getAsDouble() / seconds);
    }

    /** Δcounter (in units of {@code nanosPerUnit} ns) over Δwall, as a percentage. */
    private static OptionalDouble percentOfWall(UsageSnapshot a, UsageSnapshot b, Metric m, long wallNanos, long nanosPerUnit) {
        OptionalDouble d = delta(a, b, m);
        return d.isEmpty() || wallNanos <= 0 ? OptionalDouble.empty()
                : OptionalDouble.of(d.getAsDouble() * nanosPerUnit * 100.0 / wallNanos);
    }
}
