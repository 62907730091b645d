package io.github.jcg.demo.kube;

import io.github.jcg.demo.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static io.github.jcg.demo.kube.SyntheticKubeReport.NONE;
import static io.github.jcg.demo.kube.SyntheticKubeReport.cpu;
import static io.github.jcg.demo.kube.SyntheticKubeReport.cpuRow;
import static org.assertj.core.api.Assertions.assertThat;

class KubeRulesTest {

    @Test
    void aGoodRunKeepsEveryRuleInOrder() {
        List<Check> checks = KubeRules.evaluate(SyntheticKubeReport.goodRun());

        assertThat(checks).extracting(Check::name).containsExactly("cpu-split", "cpu-limit-usage", "cpu-limit-throttled",
                "cpu-limit-freed", "memory-oom-kill");
        assertThat(checks).allMatch(Check::passed);
        assertThat(checks.get(0).detail())
                .startsWith("step 1b, both pods on one CPU: big/small CPU = 0.75 CPUs / 0.25 CPUs = 3, within 2.7 to 3.3");
    }

    @Test
    void stepOnesSplitAcrossCpusIsReportedInANoteNotJudged() {
        List<PodRow> rows = SyntheticKubeReport.goodRun(); // step 1: 0.42 / 1.58 = 3.76

        assertThat(KubeRules.evaluate(rows)).filteredOn(c -> c.name().equals("cpu-split")).singleElement()
                .satisfies(c -> assertThat(c.passed()).isTrue());
        assertThat(KubeRules.notes(rows)).singleElement().asString()
                .startsWith("step 1 (both pods on every CPU): big/small CPU = 1.58 CPUs / 0.42 CPUs = 3.76, outside 2.7 to 3.3;"
                        + " reported, not judged: ")
                .contains("helper threads", "step 1b");
    }

    @Test
    void aStepOneSplitWithinTheRuleIsSaidToBeWithin() {
        List<PodRow> rows = new ArrayList<>(SyntheticKubeReport.goodRun());
        rows.set(0, cpuRow(KubeStep.REQUESTS, DemoPods.SMALL, cpu("250m"), NONE, 0.5, 0, 0, true));
        rows.set(1, cpuRow(KubeStep.REQUESTS, DemoPods.BIG, cpu("750m"), NONE, 1.5, 0, 0, true));

        assertThat(KubeRules.notes(rows)).singleElement().asString().contains("= 3, within 2.7 to 3.3; reported, not judged");
    }

    @Test
    void withoutStepOneBTheSplitIsJudgedOnStepOneAndNothingIsNoted() {
        List<PodRow> rows = new ArrayList<>(SyntheticKubeReport.goodRun());
        rows.removeIf(r -> r.step() == KubeStep.ONE_CPU);

        List<Check> checks = KubeRules.evaluate(rows);

        assertThat(checks).extracting(Check::name).containsExactly("cpu-split", "cpu-limit-usage", "cpu-limit-throttled",
                "cpu-limit-freed", "memory-oom-kill");
        assertThat(checks.get(0).passed()).isFalse();
        assertThat(checks.get(0).detail()).startsWith("step 1, both pods on every CPU: big/small CPU = 1.58 CPUs / 0.42 CPUs = 3.76,"
                + " NOT within 2.7 to 3.3");
        assertThat(KubeRules.notes(rows)).isEmpty();
    }

    @Test
    void theFreedRuleComparesStepTwoWithStepOneNotWithTheOneCpuStep() {
        // step 1b's 0.25 / 0.75 on one CPU would make big give up nothing in step 2
        Check freed = KubeRules.evaluate(SyntheticKubeReport.goodRun()).stream().filter(c -> c.name().equals("cpu-limit-freed"))
                .findFirst().orElseThrow();

        assertThat(freed.detail()).contains("big gave up 0.83 CPUs and small took 0.83 CPUs", "0.42 CPUs → 1.25 CPUs");
    }

    @Test
    void withoutTheMemoryStepThereIsNoMemoryRule() {
        List<PodRow> rows = new ArrayList<>(SyntheticKubeReport.goodRun());
        rows.removeIf(r -> r.step() == KubeStep.MEMORY_LIMIT);

        assertThat(KubeRules.evaluate(rows)).extracting(Check::name).doesNotContain("memory-oom-kill").hasSize(4);
    }

    @ParameterizedTest(name = "small {0}, big {1}: {2}")
    @CsvSource({
            "0.25, 0.75, true",
            "0.25, 0.675, true",   // 2.7: the lower bound
            "0.25, 0.825, true",   // 3.3: the upper bound
            "0.25, 0.67, false",
            "0.25, 0.83, false",
            "0.5, 0.5, false",     // equal split: weights not applied
            "0.21, 0.79, false",   // 3.76, as both JVMs split two CPUs on the 6.18 host
    })
    void theSplitIsTheRequestsRatioWithinTenPercent(double small, double big, boolean passes) {
        Check check = KubeRules.split(cpuRow(KubeStep.ONE_CPU, "small", cpu("250m"), NONE, small, 0, 0, true),
                cpuRow(KubeStep.ONE_CPU, "big", cpu("750m"), NONE, big, 0, 0, true));

        assertThat(check.passed()).as(check.detail()).isEqualTo(passes);
    }

    @ParameterizedTest(name = "limit {0}, used {1}: {2}")
    @CsvSource({
            "750m, 0.75, true",
            "750m, 0.675, true",
            "750m, 0.825, true",
            "750m, 0.67, false",
            "750m, 0.83, false",
            "1250m, 1.2, true",
            "1250m, 1.5, false",
    })
    void usageIsTheLimitWithinTenPercent(String limit, double used, boolean passes) {
        Check check = KubeRules.limitUsage(cpuRow(KubeStep.CPU_LIMIT, "big", cpu(limit), cpu(limit), used, 80, 80, true));

        assertThat(check.passed()).as(check.detail()).isEqualTo(passes);
    }

    @ParameterizedTest(name = "throttled {1}/{0}, alive {2}: {3}")
    @CsvSource({
            "80, 80, true, true",
            "80, 64, true, true",
            "80, 63, true, false",
            "0, 0, true, false",     // no quota: no period elapsed
            "80, 80, false, false",  // throttled, but the process died: over a CPU limit it must live
    })
    void throttledInMostPeriodsAndAlive(long periods, long throttled, boolean alive, boolean passes) {
        Check check = KubeRules.throttled(cpuRow(KubeStep.CPU_LIMIT, "big", cpu("750m"), cpu("750m"), 0.75, periods, throttled, alive));

        assertThat(check.passed()).as(check.detail()).isEqualTo(passes);
    }

    @ParameterizedTest(name = "small {0} → {1}, big {2} → {3}: {4}")
    @CsvSource({
            "0.5, 1.25, 1.5, 0.75, true",
            "0.5, 0.875, 1.5, 0.75, true",  // exactly half of the 0.75 freed
            "0.5, 0.8, 1.5, 0.75, false",
            "0.5, 0.5, 1.5, 1.5, false",    // nothing freed
    })
    void smallTakesAtLeastHalfOfWhatBigGaveUp(double small1, double small2, double big1, double big2, boolean passes) {
        Check check = KubeRules.freed(cpuRow(KubeStep.REQUESTS, "small", cpu("250m"), NONE, small1, 0, 0, true),
                cpuRow(KubeStep.REQUESTS, "big", cpu("750m"), NONE, big1, 0, 0, true),
                cpuRow(KubeStep.CPU_LIMIT, "small", cpu("250m"), NONE, small2, 0, 0, true),
                cpuRow(KubeStep.CPU_LIMIT, "big", cpu("750m"), cpu("750m"), big2, 80, 80, true));

        assertThat(check.passed()).as(check.detail()).isEqualTo(passes);
    }

    @ParameterizedTest(name = "oom_kill {0}, alive {1}, signal {2}: {3}")
    @CsvSource({
            "1, false, 9, true, was killed by SIGKILL",
            "0, false, 9, false, was killed by SIGKILL",          // killed, but not by the OOM killer's count
            "1, true, 0, false, was NOT killed",
            "1, false, 15, false, NOT SIGKILL",
            "0, false, 0, false, exited by itself",
            "-1, false, 9, false, counted no OOM kills",
    })
    void hogIsKilledBySigkillAndCounted(long oomKills, boolean alive, int signal, boolean passes, String words) {
        Check check = KubeRules.oomKilled(SyntheticKubeReport.hog(oomKills, alive, signal));

        assertThat(check.passed()).as(check.detail()).isEqualTo(passes);
        assertThat(check.detail()).contains(words).contains("limited to 64Mi");
    }
}
