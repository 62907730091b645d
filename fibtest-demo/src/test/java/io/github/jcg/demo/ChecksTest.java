package io.github.jcg.demo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksTest {
    private final List<Phase> phases = SyntheticReport.phases();

    private List<Check> checks(double chokedCpu, long periods, long throttled, double chokedIps, double middleCpu,
                               double restoredIps) {
        return Checks.evaluate(List.of(
                SyntheticReport.result(phases.get(0), 100, 0, 0, 3e9),
                SyntheticReport.result(phases.get(1), chokedCpu, periods, throttled, chokedIps),
                SyntheticReport.result(phases.get(2), middleCpu, 40, 40, 1.5e9),
                SyntheticReport.result(phases.get(3), 100, 0, 0, restoredIps)));
    }

    private List<Check> emulated(double chokedIps) {
        return Checks.evaluate(List.of(
                SyntheticReport.result(phases.get(0), 100, 0, 0, 3e9),
                SyntheticReport.result(phases.get(1), 2, 160, 160, chokedIps),
                SyntheticReport.result(phases.get(2), 50, 40, 40, 1.5e9),
                SyntheticReport.result(phases.get(3), 100, 0, 0, 3e9)), java.util.Optional.of("QEMU Virtual CPU version 2.5+"));
    }

    private static Check named(List<Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRunThatKeepsEveryRulePassesAllFive() {
        List<Check> checks = checks(2.03, 80, 80, 5.4e7, 50.2, 2.9e9);

        assertThat(checks).extracting(Check::name).containsExactly(
                "choked-share", "choked-throttled", "choked-throughput", "middle-share", "restored-throughput");
        assertThat(checks).allMatch(Check::passed);
        assertThat(named(checks, "choked-share").detail())
                .isEqualTo("choked: CPU share 2.03 % is within ±25 % of the limit 2 % (+1.5 %)");
    }

    @Test
    void chokedShareMayBeAQuarterOffEitherWay() {
        assertThat(named(checks(2.5, 80, 80, 6e7, 50, 3e9), "choked-share").passed()).isTrue();
        assertThat(named(checks(1.5, 80, 80, 6e7, 50, 3e9), "choked-share").passed()).isTrue();
        assertThat(named(checks(2.6, 80, 80, 6e7, 50, 3e9), "choked-share").passed()).isFalse();
        assertThat(named(checks(1.4, 80, 80, 6e7, 50, 3e9), "choked-share").detail()).contains("is not within");
    }

    @Test
    void throttlingMustCoverEightyPercentOfThePeriods() {
        assertThat(named(checks(2, 100, 80, 6e7, 50, 3e9), "choked-throttled").passed()).isTrue();
        assertThat(named(checks(2, 100, 79, 6e7, 50, 3e9), "choked-throttled").passed()).isFalse();
        assertThat(named(checks(2, 0, 0, 6e7, 50, 3e9), "choked-throttled").passed()).isFalse();
    }

    @Test
    void chokedThroughputMustBeWithinAFactorOfTwoOfQuotaOverPeriodTimesBaseline() {
        // 2 % of 3e9 is 6e7: anything from 3e7 to 1.2e8 keeps the rule
        assertThat(named(checks(2, 80, 80, 3.0e7, 50, 3e9), "choked-throughput").passed()).isTrue();
        assertThat(named(checks(2, 80, 80, 1.2e8, 50, 3e9), "choked-throughput").passed()).isTrue();
        assertThat(named(checks(2, 80, 80, 2.9e7, 50, 3e9), "choked-throughput").passed()).isFalse();
        assertThat(named(checks(2, 80, 80, 1.3e8, 50, 3e9), "choked-throughput").passed()).isFalse();
        assertThat(named(checks(2, 80, 80, Double.NaN, 50, 3e9), "choked-throughput").passed()).isFalse();
    }

    @Test
    void aPeriodsCostIsTheCpuItUsedBeyondTheWorkItDidAtTheBaselinesRate() {
        // 2 % of a CPU is 1000 µs per 50 ms period; 9e6 iterations/s is 450,000 a period, which
        // took 150 µs at the baseline's 3e9 iterations per CPU-second: 850 µs bought nothing
        List<PhaseResult> results = List.of(SyntheticReport.result(phases.get(0), 100, 0, 0, 3e9),
                SyntheticReport.result(phases.get(1), 2, 160, 160, 9e6));

        assertThat(results.get(1).periodCostMicros(results.get(0))).isCloseTo(850, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(results.get(0).periodCostMicros(results.get(0))).as("no limit, no period").isNaN();
    }

    @Test
    void onARealCpuTheCostOfAPeriodDoesNotExcuseAThinThroughput() {
        Check c = named(checks(2, 160, 160, 9e6, 50, 3e9), "choked-throughput");

        assertThat(c.passed()).isFalse();
        assertThat(c.tolerance()).isEqualTo(Check.AS_STATED);
        assertThat(c.detail()).contains("is not within a factor of 2", "a period cost the group 850 µs of CPU beyond the work it did");
    }

    @Test
    void onAnEmulatedCpuTheChokeMustStillBiteAndEveryPeriodStillWork() {
        Check thin = named(emulated(9e6), "choked-throughput");
        assertThat(thin.passed()).as(thin.detail()).isTrue();
        assertThat(thin.tolerance()).isEqualTo(Check.EMULATED_CPU);
        assertThat(thin.detail()).contains("is at most 2 ×", "850 µs", "less than its quota of 1000 µs",
                "The CPU is emulated (QEMU Virtual CPU version 2.5+)", "no lower bound");

        assertThat(named(emulated(1.5e8), "choked-throughput").passed()).as("2.5 × quota/period × baseline: no choke").isFalse();
        Check idle = named(emulated(0), "choked-throughput");
        assertThat(idle.passed()).as("periods that do no work").isFalse();
        assertThat(idle.detail()).contains("not less than its quota");
        Check unreported = named(emulated(Double.NaN), "choked-throughput");
        assertThat(unreported.passed()).as("the workload could not report: not measured").isTrue();
        assertThat(unreported.tolerance()).isEqualTo(Check.EMULATED_CPU);
        assertThat(unreported.detail()).contains("throughput not measured", "reported fewer than twice", "The CPU is emulated");
        assertThat(named(checks(2, 80, 80, Double.NaN, 50, 3e9), "choked-throughput").passed())
                .as("on a real CPU a workload that cannot report is a missed rule").isFalse();
        assertThat(named(emulated(9e6), "choked-share").tolerance()).as("the kernel's rules are as stated everywhere")
                .isEqualTo(Check.AS_STATED);
    }

    @Test
    void middleShareMayBeATenthOff() {
        assertThat(named(checks(2, 80, 80, 6e7, 55, 3e9), "middle-share").passed()).isTrue();
        assertThat(named(checks(2, 80, 80, 6e7, 45, 3e9), "middle-share").passed()).isTrue();
        assertThat(named(checks(2, 80, 80, 6e7, 44.9, 3e9), "middle-share").passed()).isFalse();
        assertThat(named(checks(2, 80, 80, 6e7, 55.1, 3e9), "middle-share").passed()).isFalse();
    }

    @Test
    void restoredThroughputMustReachEightyPercentOfBaseline() {
        assertThat(named(checks(2, 80, 80, 6e7, 50, 2.4e9), "restored-throughput").passed()).isTrue();
        assertThat(named(checks(2, 80, 80, 6e7, 50, 2.39e9), "restored-throughput").passed()).isFalse();
    }
}
