package io.github.jcg.cli.top;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.limit.Limit;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One line of the view: what a group used in the last interval and the limits it runs
 * under. An empty value means the host cannot tell (no controller, no second sample yet, a
 * counter that went backwards): it is printed as {@code -}, never as a made-up number. A
 * limit is empty when unknown and {@link Limit#unlimited()} when none is set.
 *
 * @param tasks                   tasks or processes, per the counting mode
 * @param cpuPercent              CPU time over wall time in the interval; 100 is one CPU
 * @param cpuNanos                CPU time used since the group was made
 * @param memoryBytes             memory in use ({@code memory.current} / {@code memory.usage_in_bytes})
 * @param readBytesPerSecond      block IO read in the interval
 * @param writeBytesPerSecond     block IO written in the interval
 * @param cpuQuotaMicros          the CFS quota per period
 * @param cpuPeriodMicros         the CFS period
 * @param throttledPercent        throttled periods over elapsed periods in the interval, 0..100
 * @param throttledNanosPerSecond time throttled per second of wall time
 * @param memoryLimit             the memory limit ({@code memory.max} / {@code memory.limit_in_bytes})
 * @param oomKills                processes the OOM killer killed in the group so far ({@code memory.events}
 *                                / {@code memory.oom_control} oom_kill)
 * @param cpuPressure             share of the last 10 s some task waited for a CPU, percent
 *                                ({@code cpu.pressure} some avg10)
 * @param memoryPressure          the same for memory ({@code memory.pressure} some avg10)
 * @param ioPressure              the same for IO ({@code io.pressure} some avg10)
 */
public record GroupRow(
        CgroupPath path,
        OptionalLong tasks,
        OptionalDouble cpuPercent,
        OptionalLong cpuNanos,
        OptionalLong memoryBytes,
        OptionalDouble readBytesPerSecond,
        OptionalDouble writeBytesPerSecond,
        Optional<Limit> cpuQuotaMicros,
        OptionalLong cpuPeriodMicros,
        OptionalDouble throttledPercent,
        OptionalDouble throttledNanosPerSecond,
        Optional<Limit> memoryLimit,
        OptionalLong oomKills,
        OptionalDouble cpuPressure,
        OptionalDouble memoryPressure,
        OptionalDouble ioPressure) {

    /** A row with only a path, for tests and for groups with nothing read yet. */
    public static GroupRow empty(CgroupPath path) {
        return new GroupRow(path, OptionalLong.empty(), OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), OptionalLong.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), OptionalLong.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** The CPU limit in cores (quota / period), present only when a quota is set. */
    public OptionalDouble cpuLimitCores() {
        if (cpuQuotaMicros.isEmpty() || cpuQuotaMicros.get().isUnlimited() || cpuPeriodMicros.isEmpty()
                || cpuPeriodMicros.getAsLong() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) cpuQuotaMicros.get().value() / cpuPeriodMicros.getAsLong());
    }

    /** Memory in use as a share of the limit, 0..100+, present only when a limit is set. */
    public OptionalDouble memoryPercentOfLimit() {
        if (memoryBytes.isEmpty() || memoryLimit.isEmpty() || memoryLimit.get().isUnlimited() || memoryLimit.get().value() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(memoryBytes.getAsLong() * 100.0 / memoryLimit.get().value());
    }

    /** Read plus write, for ordering by IO. */
    public OptionalDouble ioBytesPerSecond() {
        if (readBytesPerSecond.isEmpty() && writeBytesPerSecond.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(readBytesPerSecond.orElse(0) + writeBytesPerSecond.orElse(0));
    }

    public GroupRow withTasks(OptionalLong value) {
        return new GroupRow(path, value, cpuPercent, cpuNanos, memoryBytes, readBytesPerSecond, writeBytesPerSecond,
                cpuQuotaMicros, cpuPeriodMicros, throttledPercent, throttledNanosPerSecond, memoryLimit, oomKills, cpuPressure,
                memoryPressure, ioPressure);
    }
}
