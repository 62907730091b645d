package io.github.jcg.demo;

import io.github.jcg.core.sample.UsageRates;
import io.github.jcg.core.sample.UsageSnapshot;

/**
 * What the group's own accounting says about one stretch of time: CPU used (v1
 * {@code cpuacct.usage}, v2 {@code cpu.stat usage_usec}) and CFS throttling ({@code cpu.stat}).
 *
 * @param seconds          wall time between the two samples
 * @param cpuPercent       CPU time / wall time × 100; 100 is one CPU
 * @param periods          CFS periods that elapsed ({@code nr_periods})
 * @param throttledPeriods periods in which the group was throttled ({@code nr_throttled})
 * @param throttledSeconds time the group's runqueues spent throttled ({@code throttled_time})
 */
public record CpuWindow(double seconds, double cpuPercent, long periods, long throttledPeriods, double throttledSeconds) {

    /** The window between two samples of the group, through the core library's rates. */
    public static CpuWindow between(UsageSnapshot earlier, UsageSnapshot later) {
        UsageRates rates = UsageRates.between(earlier, later);
        double seconds = rates.intervalSeconds();
        return new CpuWindow(seconds,
                rates.cpuPercent().orElse(Double.NaN),
                Math.round(rates.elapsedPeriods().orElse(0)),
                Math.round(rates.throttledPeriods().orElse(0)),
                rates.throttledNanosPerSecond().orElse(0) * seconds / 1e9);
    }

    /** Throttled periods as a share of the periods that elapsed, 0..1 (0 when none elapsed). */
    public double throttledRatio() {
        return periods == 0 ? 0 : Math.min(1.0, (double) throttledPeriods / periods);
    }
}
