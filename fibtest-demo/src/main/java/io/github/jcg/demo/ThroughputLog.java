package io.github.jcg.demo;

import io.github.jcg.fibtest.LiveReport;

import java.util.ArrayList;
import java.util.List;

/**
 * The workload's own per-second reports, as they arrive from its stderr. Appended by the
 * reader thread, read by the agent.
 */
public final class ThroughputLog {
    private final List<LiveReport> reports = new ArrayList<>();

    /** An empty log. */
    public ThroughputLog() {
    }

    public synchronized void add(LiveReport report) {
        reports.add(report);
    }

    public synchronized List<LiveReport> all() {
        return List.copyOf(reports);
    }

    /** The newest report, or null before the first. */
    public synchronized LiveReport latest() {
        return reports.isEmpty() ? null : reports.get(reports.size() - 1);
    }

    /** Reports taken within {@code [fromNanos, toNanos]}. */
    public synchronized List<LiveReport> between(long fromNanos, long toNanos) {
        List<LiveReport> out = new ArrayList<>();
        for (LiveReport r : reports) {
            if (r.monotonicNanos() - fromNanos >= 0 && toNanos - r.monotonicNanos() >= 0) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Iterations per second within a window: the iterations between the first and the last
     * report taken inside it, over the time between them. Only readings from inside the window
     * count, so the limit in force before or after it cannot leak in. NaN with fewer than two.
     */
    public double rateBetween(long fromNanos, long toNanos) {
        return rate(between(fromNanos, toNanos));
    }

    static double rate(List<LiveReport> inside) {
        if (inside.size() < 2) {
            return Double.NaN;
        }
        LiveReport first = inside.get(0);
        LiveReport last = inside.get(inside.size() - 1);
        double seconds = (last.monotonicNanos() - first.monotonicNanos()) / 1e9;
        return seconds <= 0 ? Double.NaN : (last.totalIterations() - first.totalIterations()) / seconds;
    }
}
