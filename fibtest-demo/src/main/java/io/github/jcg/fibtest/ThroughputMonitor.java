package io.github.jcg.fibtest;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reports the workers' combined throughput once per interval. It sleeps between reports and
 * only reads the workers' published counters (one volatile load each), so it takes no CPU
 * from the workers and never makes them wait. Rates are taken over the time that really
 * passed between two readings, so a late wake-up (a throttled group) skews nothing, and
 * slots it slept through are skipped, not made up.
 */
final class ThroughputMonitor implements Runnable {
    private final List<FibWorker> workers;
    private final long[] baseline;
    private final RunClock clock;
    private final long startNanos;
    private final long intervalNanos;
    private final Consumer<LiveReport> sink;

    /**
     * @param baseline each worker's count at {@code startNanos}, subtracted from later readings
     */
    ThroughputMonitor(List<FibWorker> workers, long[] baseline, RunClock clock, long startNanos, long intervalNanos,
                      Consumer<LiveReport> sink) {
        this.workers = workers;
        this.baseline = baseline.clone();
        this.clock = clock;
        this.startNanos = startNanos;
        this.intervalNanos = intervalNanos;
        this.sink = sink;
    }

    @Override
    public void run() {
        long previousNanos = startNanos;
        long previousTotal = 0;
        for (long k = 1; ; k++) {
            long due = startNanos + k * intervalNanos;
            if (due - clock.endNanos() > 0 || !sleepUntil(due)) {
                return;
            }
            long now = System.nanoTime();
            long total = total();
            double seconds = (now - previousNanos) / 1e9;
            sink.accept(new LiveReport(now, now - startNanos, total, seconds > 0 ? (total - previousTotal) / seconds : 0));
            previousNanos = now;
            previousTotal = total;
            // woken late (a busy or throttled group): skip the missed slots rather than
            // firing them back to back, so there is still one report per interval
            k = Math.max(k, (now - startNanos) / intervalNanos);
        }
    }

    long total() {
        long sum = 0;
        for (int i = 0; i < workers.size(); i++) {
            sum += workers.get(i).iterations() - baseline[i];
        }
        return sum;
    }

    /** Sleeps until {@code due}, or until the run ends early; false when it has ended. */
    private boolean sleepUntil(long due) {
        try {
            while (true) {
                long left = due - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                if (clock.expired()) {
                    return false;
                }
                long millis = Math.min(left / 1_000_000 + 1, 100);
                Thread.sleep(millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
