package io.github.jcg.fibtest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One run of the workload: start the threads, let the JIT warm up (unmeasured), then measure
 * for the requested seconds while a monitor reports throughput, then join and count.
 *
 * <p>Differences from the C original, on purpose: threads are not pinned to CPUs (Java cannot
 * set a thread's affinity without native code; with no more fast threads than CPUs the
 * scheduler spreads them the same way), and the count covers the measured phase only, after a
 * warm-up the original does not need because it is compiled ahead of time.
 */
public final class FibtestRun {
    private final FibtestOptions options;
    private final RunClock clock = new RunClock();
    private final List<FibWorker> workers = new ArrayList<>();

    public FibtestRun(FibtestOptions options) {
        this.options = options;
    }

    /** Ends the run now (the measured phase is cut short); safe from any thread. */
    public void stopNow() {
        clock.endNow();
    }

    /**
     * Runs to the end and returns what was completed.
     *
     * @param measuring called with the {@link System#nanoTime()} at which the measured phase begins
     * @param live      receives the monitor's reports (from the monitor's thread)
     */
    public FibtestResult run(LongConsumer measuring, Consumer<LiveReport> live) throws InterruptedException {
        long start = System.nanoTime();
        long measureStart = start + options.warmupMillis() * 1_000_000;
        clock.plan(measureStart + options.seconds() * 1_000_000_000L);
        List<Thread> threads = startWorkers();
        sleepUntil(measureStart);
        long[] base = new long[workers.size()];
        for (int i = 0; i < base.length; i++) {
            base[i] = workers.get(i).iterations();
        }
        measuring.accept(System.nanoTime());
        Thread monitor = null;
        if (live != null) {
            monitor = new Thread(new ThroughputMonitor(workers, base, clock, measureStart,
                    options.intervalMillis() * 1_000_000, live), "fibtest-monitor");
            monitor.setDaemon(true);
            monitor.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (monitor != null) {
            // it ends by itself after its last report, which falls due at the run's end
            monitor.join(2 * options.intervalMillis() + 1_000);
        }
        List<FibtestResult.ThreadResult> results = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            FibWorker w = workers.get(i);
            results.add(new FibtestResult.ThreadResult(w.isFast(), w.iterations() - base[i], w.fibResult()));
        }
        return new FibtestResult(results);
    }

    private List<Thread> startWorkers() {
        List<Thread> threads = new ArrayList<>();
        for (int n = 0; n < options.threads(); n++) {
            boolean fast = options.isFast(n);
            FibWorker worker = new FibWorker(fast, clock);
            workers.add(worker);
            Thread t = new Thread(worker, "fibtest-" + (fast ? "fast-" : "slow-") + n);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        return threads;
    }

    /** Sleeps until {@code due}, or until the run is stopped early. */
    private void sleepUntil(long due) throws InterruptedException {
        long left;
        while ((left = due - System.nanoTime()) > 0 && !clock.expired()) {
            Thread.sleep(Math.min(left / 1_000_000 + 1, 100));
        }
    }
}
