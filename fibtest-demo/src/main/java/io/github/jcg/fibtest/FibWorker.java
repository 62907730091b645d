package io.github.jcg.fibtest;

/**
 * One fibtest thread. A fast worker runs the Fibonacci recurrence ({@code c = a + b; a = b;
 * b = c}) in chunks of a million steps and looks at the clock between chunks, as the C
 * original does; a slow worker runs 100 steps and sleeps 10 ms.
 *
 * <p>Keeping the numbers honest: the recurrence lives in {@link #runChunk(int)}, a small
 * method called over and over, so the JIT compiles it fully during the warm-up instead of
 * leaving the measured phase to an on-stack replacement of one long loop. Its state is kept in
 * fields and its result is printed ({@code -v}), so the loop cannot be optimised away; the
 * count is published once per chunk, never per step.
 */
final class FibWorker implements Runnable {
    /** Steps between two looks at the clock (the C original's 1,000,000). */
    static final int FAST_CHUNK = 1_000_000;
    /** Steps a slow worker runs before it sleeps. */
    static final int SLOW_CHUNK = 100;
    static final long SLOW_SLEEP_MILLIS = 10;

    private final boolean fast;
    private final RunClock clock;
    private final IterationCounter counter = new IterationCounter();
    private long a = 0;
    private long b = 1;
    private long done;

    FibWorker(boolean fast, RunClock clock) {
        this.fast = fast;
        this.clock = clock;
    }

    boolean isFast() {
        return fast;
    }

    /** Iterations completed so far (published after each chunk). */
    long iterations() {
        return counter.get();
    }

    /**
     * The Fibonacci value reached (modulo 2^64, as the C original's unsigned long). Read it
     * after the worker's thread has been joined, which makes its last write visible.
     */
    long fibResult() {
        return a;
    }

    @Override
    public void run() {
        while (!clock.expired()) {
            runChunk(fast ? FAST_CHUNK : SLOW_CHUNK);
            if (!fast && !sleepQuietly()) {
                return;
            }
        }
    }

    /** {@code steps} steps of the recurrence, then one publication of the count. */
    void runChunk(int steps) {
        long x = a;
        long y = b;
        for (int j = 0; j < steps; j++) {
            long z = x + y;
            x = y;
            y = z;
        }
        a = x;
        b = y;
        done += steps;
        counter.set(done);
    }

    private static boolean sleepQuietly() {
        try {
            Thread.sleep(SLOW_SLEEP_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
