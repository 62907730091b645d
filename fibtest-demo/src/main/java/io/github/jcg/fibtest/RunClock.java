package io.github.jcg.fibtest;

/**
 * When the run ends, on the {@link System#nanoTime()} clock. The planned end can be brought
 * forward ({@link #endNow()}: stdin closed, the demo agent stopping the workload), and once
 * it has been, planning a later end changes nothing.
 */
final class RunClock {
    private volatile long endNanos;
    private boolean stopped;

    /** A clock whose end is about a century away until {@link #plan} sets it. */
    RunClock() {
        this.endNanos = System.nanoTime() + 100L * 365 * 24 * 3600 * 1_000_000_000L;
    }

    /** Workers ask once per chunk: one clock read per ~million iterations. */
    boolean expired() {
        return System.nanoTime() - endNanos >= 0;
    }

    long endNanos() {
        return endNanos;
    }

    synchronized void plan(long end) {
        if (!stopped) {
            endNanos = end;
        }
    }

    synchronized void endNow() {
        long now = System.nanoTime();
        stopped = true;
        if (now - endNanos < 0) {
            endNanos = now;
        }
    }
}
