package io.github.jcg.demo;

import io.github.jcg.fibtest.LiveReport;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's numbers as the chart draws them: x in seconds since the baseline began,
 * throughput in millions of iterations per second, CPU in % of one CPU. Each per-second
 * value is placed at the middle of the second it covers. Shared by the PNG and the SVG.
 */
final class ChartData {
    /** A point; {@code y} NaN means a gap. */
    record Point(double x, double y) {
    }

    /** A phase's place on the x axis and the limit drawn over it. */
    record Band(String name, double start, double windowStart, double end, double limitPercent, double expectedMillions) {
    }

    final List<Point> throughput = new ArrayList<>();
    final List<Point> cpu = new ArrayList<>();
    final List<Band> bands = new ArrayList<>();
    final double end;
    final String title;
    final String subtitle;

    ChartData(DemoReport report) {
        long previous = report.originNanos();
        for (LiveReport r : report.reports()) {
            if (r.monotonicNanos() - report.originNanos() > 0) {
                long mid = previous + (r.monotonicNanos() - previous) / 2;
                throughput.add(new Point(report.secondsSinceOrigin(Math.max(mid, report.originNanos())), r.iterationsPerSecond() / 1e6));
            }
            previous = r.monotonicNanos();
        }
        for (CpuTick t : report.ticks()) {
            double x = report.secondsSinceOrigin(t.monotonicNanos()) - t.seconds() / 2;
            cpu.add(new Point(x, t.cpuPercent()));
        }
        double baseline = report.result(PhaseRole.BASELINE).map(PhaseResult::iterationsPerSecond).orElse(Double.NaN);
        for (int i = 0; i < report.spans().size(); i++) {
            PhaseSpan s = report.spans().get(i);
            PhaseResult r = report.results().get(i);
            CpuLimit limit = s.phase().limit();
            bands.add(new Band(s.phase().name() + (limit.isLimited() ? " " + limit.percentText() : ""),
                    report.secondsSinceOrigin(s.startNanos()), report.secondsSinceOrigin(s.windowStartNanos()),
                    report.secondsSinceOrigin(s.endNanos()), limit.isLimited() ? limit.percentOfCpu() : Double.NaN,
                    limit.isLimited() ? baseline * r.expectedPercentOfBaseline() / 100 / 1e6 : Double.NaN));
        }
        end = bands.isEmpty() ? 1 : bands.get(bands.size() - 1).end();
        DemoContext c = report.context();
        title = "fibtest in cgroup " + c.group() + ": CFS bandwidth throttling";
        subtitle = c.threads() + " fast thread" + (c.threads() == 1 ? "" : "s") + " on " + c.cpus() + " CPUs, cgroup "
                + c.cgroupVersion() + " (" + c.controllers() + ", " + c.hostMode() + " host); shaded: settle time, not measured";
    }

    double maxThroughput() {
        return throughput.stream().mapToDouble(Point::y).filter(y -> !Double.isNaN(y)).max().orElse(1);
    }

    double maxCpu() {
        double max = cpu.stream().mapToDouble(Point::y).filter(y -> !Double.isNaN(y)).max().orElse(100);
        for (Band b : bands) {
            if (!Double.isNaN(b.limitPercent())) {
                max = Math.max(max, b.limitPercent());
            }
        }
        return max;
    }
}
