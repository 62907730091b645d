package io.github.jcg.cli.top;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.limit.Limit;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Rows built by hand, for tests that need no kernel. */
final class Fixtures {
    private Fixtures() {
    }

    static GroupRow row(String path, Long tasks, Double cpu, Long memory, Double in, Double out) {
        return new GroupRow(CgroupPath.of(path), opt(tasks), opt(cpu), OptionalLong.empty(), opt(memory), opt(in), opt(out),
                Optional.empty(), OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(),
                OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    static GroupRow limited(String path, double cpu, long memory, long quota, long period, double throttled,
                            double throttledNanos, Limit memoryLimit) {
        return new GroupRow(CgroupPath.of(path), OptionalLong.of(1), OptionalDouble.of(cpu), OptionalLong.of(3_000_000_000L),
                OptionalLong.of(memory), OptionalDouble.of(0), OptionalDouble.of(0),
                Optional.of(quota < 0 ? Limit.unlimited() : Limit.of(quota)), OptionalLong.of(period),
                OptionalDouble.of(throttled), OptionalDouble.of(throttledNanos), Optional.of(memoryLimit),
                OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** A row with OOM kills and the some avg10 of cpu, memory and io pressure (percent); null for unknown. */
    static GroupRow withEvents(GroupRow r, Long oomKills, Double cpu, Double memory, Double io) {
        return new GroupRow(r.path(), r.tasks(), r.cpuPercent(), r.cpuNanos(), r.memoryBytes(), r.readBytesPerSecond(),
                r.writeBytesPerSecond(), r.cpuQuotaMicros(), r.cpuPeriodMicros(), r.throttledPercent(),
                r.throttledNanosPerSecond(), r.memoryLimit(), opt(oomKills), opt(cpu), opt(memory), opt(io));
    }

    static OptionalLong opt(Long v) {
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    static OptionalDouble opt(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
