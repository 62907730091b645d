package io.github.jcg.demo;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportJsonTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(DemoReport report, List<Path> charts) throws Exception {
        StringWriter out = new StringWriter();
        ReportJson.write(report, charts, out);
        assertThat(out.toString()).endsWith(System.lineSeparator()).doesNotContain("NaN");
        assertThat(out.toString().strip()).doesNotContain("\n");
        return (Map<String, Object>) MiniJson.parse(out.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneDocumentWithContextPhasesChecksAndTimeline() throws Exception {
        Map<String, Object> doc = json(SyntheticReport.report(), List.of(Path.of("/tmp/x.png")));

        assertThat(doc).containsKeys("group", "controllers", "hostMode", "cgroupVersion", "directories", "threads", "cpus",
                "cpuWeight", "workloadPid", "phases", "checks", "cpuSamples", "throughputSamples", "workloadFinalLine",
                "charts", "groupKept");
        assertThat(doc.get("group")).isEqualTo("/fibtest");
        assertThat(doc.get("cgroupVersion")).isEqualTo("v1");
        assertThat(doc.get("charts")).isEqualTo(List.of("/tmp/x.png"));
        assertThat(doc.get("workloadFinalLine")).isEqualTo("Iterations Completed(M): 44823");
        assertThat(doc.get("groupKept")).isEqualTo(false);

        List<Map<String, Object>> phases = (List<Map<String, Object>>) doc.get("phases");
        assertThat(phases).extracting(p -> p.get("name")).containsExactly("baseline", "choked", "middle", "restored");
        Map<String, Object> choked = phases.get(1);
        assertThat(choked).containsEntry("quotaMicros", 1000L).containsEntry("periodMicros", 50000L)
                .containsEntry("limitCpuPercent", 2.0).containsEntry("expectedCpuPercent", 2.0)
                .containsEntry("measuredCpuPercent", 2.03).containsEntry("periods", 80L)
                .containsEntry("throttledPeriods", 80L).containsEntry("throttledRatio", 1.0)
                .containsEntry("startSeconds", 6.0).containsEntry("windowStartSeconds", 8.0).containsEntry("endSeconds", 12.0);
        assertThat((double) choked.get("percentOfBaseline")).isEqualTo(1.8);
        // no limit is null, never -1 or "max"
        assertThat(phases.get(0)).containsEntry("quotaMicros", null).containsEntry("limitCpuPercent", null)
                .containsEntry("periodMicros", 100000L);

        List<Map<String, Object>> checks = (List<Map<String, Object>>) doc.get("checks");
        assertThat(checks).hasSize(5).allMatch(c -> c.get("passed").equals(true) && c.get("detail") instanceof String
                && Check.AS_STATED.equals(c.get("tolerance")));
        // 2.03 % of 50 ms is 1015 µs; 5.4e7 iterations/s at the baseline's 3e9 per 0.999 CPU-s took 899 µs of each period
        assertThat((double) choked.get("periodCostMicros")).isBetween(115.0, 117.0);
        assertThat(phases.get(0)).containsEntry("periodCostMicros", null);
        List<Map<String, Object>> cpu = (List<Map<String, Object>>) doc.get("cpuSamples");
        assertThat(cpu).hasSize(24);
        assertThat(cpu.get(0)).containsKeys("t", "phase", "cpuPercent", "periods", "throttledPeriods");
        List<Map<String, Object>> ips = (List<Map<String, Object>>) doc.get("throughputSamples");
        assertThat(ips).hasSize(24);
        assertThat(ips.get(0)).containsKeys("t", "iterationsPerSecond", "totalIterations");
    }

    @Test
    void unknownNumbersAreNull() throws Exception {
        DemoReport r = SyntheticReport.report();
        PhaseResult unknown = new PhaseResult(r.results().get(1).phase(), r.results().get(1).cpu(), Double.NaN,
                SyntheticReport.BASELINE_IPS, 1, List.of());
        DemoReport withGap = new DemoReport(r.context(), List.of(r.results().get(0), unknown, r.results().get(2), r.results().get(3)),
                r.spans(), r.ticks(), r.reports(), r.checks(), java.util.Optional.empty(), true);

        Map<String, Object> doc = json(withGap, List.of());

        @SuppressWarnings("unchecked")
        Map<String, Object> choked = ((List<Map<String, Object>>) doc.get("phases")).get(1);
        assertThat(choked).containsEntry("iterationsPerSecond", null).containsEntry("percentOfBaseline", null);
        assertThat(doc).containsEntry("workloadFinalLine", null).containsEntry("groupKept", true);
    }
}
