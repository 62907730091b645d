package io.github.jcg.fibtest;

/**
 * What one fibtest run does.
 *
 * @param threads          all threads, fast and slow (never fewer than {@code fastThreads})
 * @param fastThreads      how many of them run flat out
 * @param seconds          length of the measured phase
 * @param verbose          print each thread's count and Fibonacci value before the total
 * @param warmupMillis     unmeasured warm-up before the measured phase, for the JIT
 * @param intervalMillis   how often the live throughput line is written
 * @param live             write the live lines (on stderr) at all
 * @param configuredCpus   CPUs the system is configured with: thread {@code n} is fast when
 *                         {@code n % configuredCpus < fastThreads}, as in the C original
 */
public record FibtestOptions(int threads, int fastThreads, int seconds, boolean verbose, long warmupMillis,
                             long intervalMillis, boolean live, int configuredCpus) {
    public static final int DEFAULT_FAST_THREADS = 1;
    public static final int DEFAULT_SECONDS = 5;
    public static final long DEFAULT_WARMUP_MILLIS = 1_000;
    public static final long DEFAULT_INTERVAL_MILLIS = 1_000;

    public FibtestOptions {
        if (fastThreads < 0 || threads < 0 || seconds < 0 || warmupMillis < 0) {
            throw new IllegalArgumentException("thread counts, seconds and warm-up must not be negative");
        }
        if (intervalMillis < 10) {
            throw new IllegalArgumentException("the live interval must be at least 10 ms");
        }
        if (configuredCpus < 1) {
            throw new IllegalArgumentException("configuredCpus must be at least 1");
        }
        // the C original raises the thread count to the number of fast threads
        threads = Math.max(threads, fastThreads);
    }

    /** The original's defaults: one thread per configured CPU, one of them fast, five seconds. */
    public static FibtestOptions defaults() {
        int cpus = ConfiguredCpus.count();
        return new FibtestOptions(cpus, DEFAULT_FAST_THREADS, DEFAULT_SECONDS, false, DEFAULT_WARMUP_MILLIS,
                DEFAULT_INTERVAL_MILLIS, true, cpus);
    }

    /** Whether thread {@code n} (from 0) is a fast one: the original balances fast threads across CPUs. */
    public boolean isFast(int n) {
        return n % configuredCpus < fastThreads;
    }

    public int countFast() {
        int fast = 0;
        for (int n = 0; n < threads; n++) {
            if (isFast(n)) {
                fast++;
            }
        }
        return fast;
    }
}
