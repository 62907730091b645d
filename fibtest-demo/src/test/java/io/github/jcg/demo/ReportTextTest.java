package io.github.jcg.demo;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTextTest {
    private final List<String> lines = ReportText.lines(SyntheticReport.report(), List.of(Path.of("/tmp/chart.png")));

    @Test
    void tableHasOneRowPerPhaseWithLimitExpectedMeasuredThroughputAndThrottling() {
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("phase").contains("limit (quota/period)")
                .contains("expected CPU").contains("measured CPU").contains("iterations/s").contains("% of baseline")
                .contains("throttled periods").contains("throttled time"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(
                " +choked +1000/50000 µs +2 % +2\\.0 % +2\\.03 % +54\\.0 M +1\\.8 % +80/80 \\(100 %\\) +3\\.84 s"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(
                " +baseline +none +- +100\\.0 % +99\\.90 % +3000\\.0 M +100\\.0 % +0/0 \\(0 %\\) +0\\.00 s"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" +middle +50000/100000 µs +50 % .*"));
    }

    @Test
    void columnsLineUp() {
        List<String> table = ReportText.table(SyntheticReport.report()).lines("");
        int width = table.get(0).length();
        assertThat(table).hasSize(5).allSatisfy(l -> assertThat(l.codePointCount(0, l.length())).isLessThanOrEqualTo(width));
        int measured = table.get(0).indexOf("measured CPU") + "measured CPU".length();
        assertThat(table).allSatisfy(l -> assertThat(l.charAt(measured - 1)).isNotEqualTo(' '));
    }

    @Test
    void sparklinesShowEachPhaseAgainstTheFastestSecond() {
        assertThat(lines).contains("  baseline  ███  100.0 % of baseline", "  choked    ▁▁▁  1.8 % of baseline",
                "  middle    ▄▄▄  48.0 % of baseline", "  restored  ███  97.0 % of baseline");
    }

    @Test
    void checksChartAndFinalLineFollow() {
        assertThat(lines).filteredOn(l -> l.startsWith("  ok  ")).hasSize(5);
        assertThat(lines).contains("Chart written to /tmp/chart.png", "The workload's last line: Iterations Completed(M): 44823",
                "Group /fibtest was removed.");
        DemoReport r = SyntheticReport.report();
        DemoReport kept = new DemoReport(r.context(), r.results(), r.spans(), r.ticks(), r.reports(), r.checks(), r.finalLine(), true);
        assertThat(ReportText.lines(kept, List.of())).contains("Kept group /fibtest for inspection (--keep); remove it with:"
                + " rmdir /sys/fs/cgroup/cpu/fibtest /sys/fs/cgroup/cpuacct/fibtest");
    }

    @Test
    void anUnlimitedPhaseThatGotLessThanItAskedForIsExplained() {
        DemoReport r = SyntheticReport.report();
        PhaseResult starved = SyntheticReport.result(r.results().get(0).phase(), 43.4, 0, 0, 1.1e9);
        DemoContext defaultWeight = new DemoContext("/fibtest", "cpu,cpuacct", "hybrid", "v1", List.of(), 1, 2, 0, 1);
        DemoReport busy = new DemoReport(defaultWeight, List.of(starved, r.results().get(1), r.results().get(2), r.results().get(3)),
                r.spans(), r.ticks(), r.reports(), r.checks(), r.finalLine(), false);

        assertThat(ReportText.contentionNotes(busy)).containsExactly("  note: in the baseline phase the workload got only"
                + " 43.4 % of the 100 % it asked for: other processes were using the CPUs (--weight auto"
                + " lets the demo's group go first)");
        assertThat(ReportText.contentionNotes(r)).isEmpty();
    }
}
