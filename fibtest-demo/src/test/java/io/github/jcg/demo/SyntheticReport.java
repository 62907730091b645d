package io.github.jcg.demo;

import io.github.jcg.fibtest.LiveReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A demo run made up in numbers a real one on a 2-CPU machine produces: baseline at one CPU
 * and 3 G iterations/s, choked to 2 %, middle at 50 %, restored.
 */
final class SyntheticReport {
    static final long ORIGIN = 1_000_000_000_000L;
    static final double BASELINE_IPS = 3.0e9;

    private SyntheticReport() {
    }

    static PhaseResult result(Phase phase, double cpuPercent, long periods, long throttled, double ips) {
        CpuWindow window = new CpuWindow(phase.windowSeconds(), cpuPercent, periods, throttled, throttled * 0.048);
        return new PhaseResult(phase, window, ips, BASELINE_IPS, 1.0, List.of(ips, ips, ips));
    }

    static List<Phase> phases() {
        return DemoSettings.defaults().withSeconds(6, 6, 2).phases();
    }

    static DemoReport report() {
        List<Phase> phases = phases();
        List<PhaseResult> results = List.of(
                result(phases.get(0), 99.9, 0, 0, BASELINE_IPS),
                result(phases.get(1), 2.03, 80, 80, 0.018 * BASELINE_IPS),
                result(phases.get(2), 50.1, 40, 40, 0.48 * BASELINE_IPS),
                result(phases.get(3), 99.6, 0, 0, 0.97 * BASELINE_IPS));
        List<PhaseSpan> spans = new ArrayList<>();
        List<CpuTick> ticks = new ArrayList<>();
        List<LiveReport> reports = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < phases.size(); i++) {
            long start = ORIGIN + i * 6_000_000_000L;
            spans.add(new PhaseSpan(phases.get(i), start, start + 2_000_000_000L, start + 6_000_000_000L));
            for (int s = 1; s <= 6; s++) {
                long t = start + s * 1_000_000_000L;
                PhaseResult r = results.get(i);
                ticks.add(new CpuTick(t, 1.0, r.measuredPercent(), r.cpu().periods() / 4, r.cpu().throttledPeriods() / 4,
                        phases.get(i).role()));
                total += (long) r.iterationsPerSecond();
                reports.add(new LiveReport(t + 1_000_000, t - ORIGIN, total, r.iterationsPerSecond()));
            }
        }
        DemoContext context = new DemoContext("/fibtest", "cpu,cpuacct", "hybrid", "v1",
                List.of("/sys/fs/cgroup/cpu/fibtest", "/sys/fs/cgroup/cpuacct/fibtest"), 1, 2, 10_000, 4242);
        return new DemoReport(context, results, spans, ticks, reports, Checks.evaluate(results),
                Optional.of("Iterations Completed(M): 44823 "), false);
    }
}
