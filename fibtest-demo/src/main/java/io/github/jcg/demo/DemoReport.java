package io.github.jcg.demo;

import io.github.jcg.fibtest.LiveReport;

import java.util.List;
import java.util.Optional;

/**
 * What one run of the demo measured: each phase's result, the per-second timeline behind the
 * chart and sparklines, the rules checked, and what became of the group.
 *
 * @param context    where it ran
 * @param results    one per phase, in order
 * @param spans      when each phase ran
 * @param ticks      the agent's per-second samples of the group
 * @param reports    the workload's per-second throughput reports
 * @param checks     the CFS rules, judged
 * @param finalLine  the workload's last line ({@code Iterations Completed(M): N }), if it printed one
 * @param groupKept  whether the group was left in place ({@code --keep})
 */
public record DemoReport(DemoContext context, List<PhaseResult> results, List<PhaseSpan> spans, List<CpuTick> ticks,
                         List<LiveReport> reports, List<Check> checks, Optional<String> finalLine, boolean groupKept) {
    public DemoReport {
        results = List.copyOf(results);
        spans = List.copyOf(spans);
        ticks = List.copyOf(ticks);
        reports = List.copyOf(reports);
        checks = List.copyOf(checks);
    }

    /** The instant the baseline began: the zero of every time axis. */
    public long originNanos() {
        return spans.isEmpty() ? 0 : spans.get(0).startNanos();
    }

    /** Seconds from the baseline's start to {@code nanos}. */
    public double secondsSinceOrigin(long nanos) {
        return (nanos - originNanos()) / 1e9;
    }

    public Optional<PhaseResult> result(PhaseRole role) {
        return results.stream().filter(r -> r.phase().role() == role).findFirst();
    }
}
