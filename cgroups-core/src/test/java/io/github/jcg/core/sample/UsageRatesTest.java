package io.github.jcg.core.sample;

import io.github.jcg.core.CgroupPath;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.jcg.core.sample.Metric.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UsageRatesTest {
    private static final CgroupPath WEB = CgroupPath.of("web");
    private static final long SECOND = 1_000_000_000L;

    /** A snapshot of {@code web} at {@code nanos} holding the given metric, value pairs. */
    static UsageSnapshot snapshot(CgroupPath path, long nanos, Object... metricValuePairs) {
        long[] values = new long[Metric.values().length];
        long present = 0;
        for (int i = 0; i < metricValuePairs.length; i += 2) {
            Metric m = (Metric) metricValuePairs[i];
            values[m.ordinal()] = ((Number) metricValuePairs[i + 1]).longValue();
            present |= UsageSnapshot.bit(m);
        }
        return new UsageSnapshot(path, nanos, values, present, 0);
    }

    private static UsageSnapshot web(long nanos, Object... metricValuePairs) {
        return snapshot(WEB, nanos, metricValuePairs);
    }

    @Test
    void cpuPercentIsUsageOverWallTimeWithOneCpuAsHundred() {
        UsageRates r = UsageRates.between(web(0, CPU_USAGE_NANOS, 1_000_000_000L), web(SECOND, CPU_USAGE_NANOS, 1_500_000_000L));

        assertThat(r.cpuPercent()).hasValueCloseTo(50.0, within(1e-9));
        assertThat(r.intervalSeconds()).isEqualTo(1.0);
        assertThat(r.path()).isEqualTo(WEB);
    }

    @Test
    void twoBusyCpusAreTwoHundredPercent() {
        UsageRates r = UsageRates.between(web(5 * SECOND, CPU_USAGE_NANOS, 0), web(7 * SECOND, CPU_USAGE_NANOS, 4 * SECOND));

        assertThat(r.cpuPercent()).hasValueCloseTo(200.0, within(1e-9));
    }

    @Test
    void userAndSystemArePartsOfTheSameScale() {
        UsageRates r = UsageRates.between(
                web(0, CPU_USER_NANOS, 0, CPU_SYSTEM_NANOS, 0),
                web(SECOND, CPU_USER_NANOS, 300_000_000L, CPU_SYSTEM_NANOS, 100_000_000L));

        assertThat(r.userPercent()).hasValueCloseTo(30.0, within(1e-9));
        assertThat(r.systemPercent()).hasValueCloseTo(10.0, within(1e-9));
        assertThat(r.cpuPercent()).isEmpty();
    }

    @Test
    void aCounterGoingBackwardsGivesNoRateRatherThanANegativeOne() {
        // the group was deleted and made again between the two samples
        UsageRates r = UsageRates.between(
                web(0, CPU_USAGE_NANOS, 9 * SECOND, IO_READ_BYTES, 4096, CPU_THROTTLED_NANOS, 500),
                web(SECOND, CPU_USAGE_NANOS, SECOND, IO_READ_BYTES, 0, CPU_THROTTLED_NANOS, 100));

        assertThat(r.cpuPercent()).isEmpty();
        assertThat(r.readBytesPerSecond()).isEmpty();
        assertThat(r.throttledNanosPerSecond()).isEmpty();
    }

    @Test
    void aCounterMissingFromEitherSampleGivesNoRate() {
        UsageRates r = UsageRates.between(web(0), web(SECOND, CPU_USAGE_NANOS, SECOND));

        assertThat(r.cpuPercent()).isEmpty();
        assertThat(r.throttledPeriodsRatio()).isEmpty();
        assertThat(r.cpuPressurePercent()).isEmpty();
    }

    @Test
    void noElapsedWallTimeGivesNoRate() {
        UsageRates r = UsageRates.between(web(SECOND, CPU_USAGE_NANOS, 0, IO_WRITE_BYTES, 0),
                web(SECOND, CPU_USAGE_NANOS, 5, IO_WRITE_BYTES, 5));

        assertThat(r.cpuPercent()).isEmpty();
        assertThat(r.writeBytesPerSecond()).isEmpty();
    }

    @Test
    void throttledRatioIsThrottledOverElapsedPeriods() {
        UsageRates r = UsageRates.between(web(0, CPU_PERIODS, 100, CPU_THROTTLED_PERIODS, 20),
                web(SECOND, CPU_PERIODS, 110, CPU_THROTTLED_PERIODS, 25));

        assertThat(r.throttledPeriodsRatio()).hasValueCloseTo(0.5, within(1e-12));
        assertThat(r.elapsedPeriods()).hasValue(10.0);
        assertThat(r.throttledPeriods()).hasValue(5.0);
    }

    @Test
    void throttledRatioStaysWithinZeroAndOne() {
        // counters read at slightly different moments can disagree; a ratio above 1 means nothing
        UsageRates over = UsageRates.between(web(0, CPU_PERIODS, 100, CPU_THROTTLED_PERIODS, 20),
                web(SECOND, CPU_PERIODS, 110, CPU_THROTTLED_PERIODS, 35));
        UsageRates idle = UsageRates.between(web(0, CPU_PERIODS, 100, CPU_THROTTLED_PERIODS, 20),
                web(SECOND, CPU_PERIODS, 100, CPU_THROTTLED_PERIODS, 20));
        UsageRates backwards = UsageRates.between(web(0, CPU_PERIODS, 100, CPU_THROTTLED_PERIODS, 20),
                web(SECOND, CPU_PERIODS, 110, CPU_THROTTLED_PERIODS, 0));

        assertThat(over.throttledPeriodsRatio()).hasValue(1.0);
        // no period elapsed (no quota, or nothing ran): no share to report, not a made-up 0
        assertThat(idle.throttledPeriodsRatio()).isEmpty();
        assertThat(backwards.throttledPeriodsRatio()).isEmpty();
    }

    @Test
    void throttledTimeAndIoArePerSecondOfWallTime() {
        UsageRates r = UsageRates.between(
                web(0, CPU_THROTTLED_NANOS, 0, IO_READ_BYTES, 0, IO_WRITE_BYTES, 0, IO_READ_OPS, 0, IO_WRITE_OPS, 0),
                web(2 * SECOND, CPU_THROTTLED_NANOS, 500_000_000L, IO_READ_BYTES, 2 << 20, IO_WRITE_BYTES, 4096,
                        IO_READ_OPS, 10, IO_WRITE_OPS, 1));

        assertThat(r.throttledNanosPerSecond()).hasValueCloseTo(250_000_000.0, within(1e-6));
        assertThat(r.readBytesPerSecond()).hasValueCloseTo(1_048_576.0, within(1e-9));
        assertThat(r.writeBytesPerSecond()).hasValueCloseTo(2048.0, within(1e-9));
        assertThat(r.readOpsPerSecond()).hasValueCloseTo(5.0, within(1e-9));
        assertThat(r.writeOpsPerSecond()).hasValueCloseTo(0.5, within(1e-9));
    }

    @Test
    void pressureTotalsInMicrosecondsBecomeAShareOfWallTime() {
        UsageRates r = UsageRates.between(
                web(0, PSI_CPU_SOME_MICROS, 39_029_536L, PSI_MEMORY_SOME_MICROS, 0, PSI_IO_SOME_MICROS, 1_471_498L),
                web(SECOND, PSI_CPU_SOME_MICROS, 39_279_536L, PSI_MEMORY_SOME_MICROS, 0, PSI_IO_SOME_MICROS, 1_481_498L));

        assertThat(r.cpuPressurePercent()).hasValueCloseTo(25.0, within(1e-9));
        assertThat(r.memoryPressurePercent()).hasValue(0.0);
        assertThat(r.ioPressurePercent()).hasValueCloseTo(1.0, within(1e-9));
    }

    @Test
    void samplerRatesPairGroupsPresentInBothSamples() {
        CgroupPath gone = CgroupPath.of("gone");
        CgroupPath fresh = CgroupPath.of("fresh");
        Map<CgroupPath, UsageSnapshot> first = new LinkedHashMap<>();
        first.put(WEB, web(0, CPU_USAGE_NANOS, 0));
        first.put(gone, snapshot(gone, 0, CPU_USAGE_NANOS, 0));
        Map<CgroupPath, UsageSnapshot> second = new LinkedHashMap<>();
        second.put(fresh, snapshot(fresh, SECOND, CPU_USAGE_NANOS, 0));
        second.put(WEB, web(SECOND, CPU_USAGE_NANOS, SECOND / 4));

        Map<CgroupPath, UsageRates> rates = SubtreeSampler.rates(new Sample(0, first), new Sample(SECOND, second));

        assertThat(rates).containsOnlyKeys(WEB);
        assertThat(rates.get(WEB).cpuPercent()).hasValueCloseTo(25.0, within(1e-9));
    }
}
