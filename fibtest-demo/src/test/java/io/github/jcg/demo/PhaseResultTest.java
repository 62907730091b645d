package io.github.jcg.demo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PhaseResultTest {
    private final List<Phase> phases = SyntheticReport.phases();

    @Test
    void expectedShareIsTheLimitOrTheDemandWhicheverIsLess() {
        PhaseResult choked = SyntheticReport.result(phases.get(1), 2.03, 80, 80, 5.4e7);
        PhaseResult baseline = SyntheticReport.result(phases.get(0), 99.9, 0, 0, 3e9);

        assertThat(choked.limitPercent()).isEqualTo(2.0);
        assertThat(choked.expectedPercent()).isEqualTo(2.0);
        assertThat(baseline.limitPercent()).isInfinite();
        assertThat(baseline.expectedPercent()).isEqualTo(100.0);
    }

    @Test
    void demandOfSeveralThreadsCapsTheExpectedShare() {
        Phase twoCpus = new Phase(PhaseRole.MIDDLE, CpuLimit.cores(1.5, 100_000), 6, 2);
        PhaseResult r = new PhaseResult(twoCpus, new CpuWindow(4, 149, 40, 40, 0.2), 3e9, 4e9, 2.0, List.of());

        assertThat(r.expectedPercent()).isEqualTo(150.0);
        assertThat(r.expectedPercentOfBaseline()).isEqualTo(75.0);
        Phase generous = new Phase(PhaseRole.MIDDLE, CpuLimit.cores(3, 100_000), 6, 2);
        assertThat(new PhaseResult(generous, new CpuWindow(4, 199, 40, 0, 0), 4e9, 4e9, 2.0, List.of()).expectedPercent())
                .isEqualTo(200.0);
    }

    @Test
    void shareErrorIsRelativeToTheExpectedShare() {
        assertThat(SyntheticReport.result(phases.get(1), 2.5, 80, 80, 5e7).shareError()).isCloseTo(0.25, within(1e-9));
        assertThat(SyntheticReport.result(phases.get(2), 45.0, 40, 40, 1.4e9).shareError()).isCloseTo(-0.10, within(1e-9));
    }

    @Test
    void throughputIsComparedWithTheBaselineAndWithQuotaOverPeriodTimesBaseline() {
        PhaseResult middle = SyntheticReport.result(phases.get(2), 50.1, 40, 40, 1.44e9);

        assertThat(middle.percentOfBaseline()).isCloseTo(48.0, within(1e-9));
        assertThat(middle.expectedPercentOfBaseline()).isCloseTo(50.0, within(1e-9));
        assertThat(SyntheticReport.result(phases.get(1), 2, 80, 80, 5.4e7).expectedPercentOfBaseline()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void throttledRatioIsThrottledOverElapsedPeriods() {
        assertThat(new CpuWindow(4, 2, 80, 72, 3.5).throttledRatio()).isEqualTo(0.9);
        assertThat(new CpuWindow(4, 100, 0, 0, 0).throttledRatio()).isZero();
        assertThat(new CpuWindow(4, 2, 80, 81, 3.5).throttledRatio()).isEqualTo(1.0);
    }
}
