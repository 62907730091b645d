package io.github.jcg.demo.kube;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KubeReportTextTest {

    @Test
    void theTableHasARowPerStepAndPodWithTheHostsFileNamesAsHeaders() {
        KubeReport report = SyntheticKubeReport.report(SyntheticKubeReport.goodRun(), List.of());

        List<String> table = KubeReportText.table(report).lines("");

        assertThat(table).hasSize(8);
        assertThat(table.get(0)).startsWith("step").contains("cpu.shares", "cpu.cfs_quota_us", "memory.limit_in_bytes", "OOM kills");
        assertThat(table.get(1)).matches("1 requests\\s+small\\s+cpu=250m\\s+-\\s+Burstable\\s+256\\s+-1\\s+-\\s+0\\.42\\s+-\\s+-\\s+-\\s+running");
        assertThat(table.get(3)).matches("1b one-cpu\\s+small\\s+cpu=250m\\s.*\\s0\\.25\\s.*running");
        assertThat(table.get(4)).matches("1b one-cpu\\s+big\\s+cpu=750m\\s.*\\s0\\.75\\s.*running");
        assertThat(table.get(6)).contains("2 cpu-limit").contains("cpu=750m").contains("78/80 (98 %)").endsWith("throttled, running");
        assertThat(table.get(7)).contains("3 memory-limit", "hog", "memory=64Mi", "67108864").endsWith("OOM-killed (SIGKILL)");
    }

    @Test
    void theReportSaysEachRuleWithOkOrFailedAndEveryNote() {
        List<PodRow> rows = new ArrayList<>(SyntheticKubeReport.goodRun());
        rows.set(2, SyntheticKubeReport.cpuRow(KubeStep.ONE_CPU, DemoPods.SMALL, SyntheticKubeReport.cpu("250m"),
                SyntheticKubeReport.NONE, 0.5, 0, 0, true));
        KubeReport report = SyntheticKubeReport.report(rows, List.of("step 3 skipped (--no-oom)"));

        List<String> lines = KubeReportText.lines(report, List.of(Path.of("/tmp/k.png")));

        assertThat(lines.get(0)).contains("cgroup v1", "hybrid host", "2 CPUs", "/jcg-demo-kube-0123abcd", "8 s after 2 s");
        assertThat(lines).anyMatch(l -> l.startsWith("  FAILED  step 1b, both pods on one CPU: big/small CPU"));
        assertThat(lines).anyMatch(l -> l.startsWith("  note: step 1 (both pods on every CPU): big/small CPU = 1.58 CPUs / 0.42 CPUs"
                + " = 3.76, outside 2.7 to 3.3; reported, not judged"));
        assertThat(lines).anyMatch(l -> l.startsWith("  ok      step 2: big used 0.75 CPUs"));
        assertThat(lines).contains("  note: step 3 skipped (--no-oom)", "Chart written to /tmp/k.png",
                "Removed /jcg-demo-kube-0123abcd and everything under it.");
        assertThat(report.passed()).isFalse();
    }
}
