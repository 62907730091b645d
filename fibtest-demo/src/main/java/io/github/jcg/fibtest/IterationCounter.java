package io.github.jcg.fibtest;

/**
 * One worker's running count of completed iterations, written by that worker only and read
 * by the monitor. Padded on both sides (a superclass's fields are laid out before a
 * subclass's) so two workers' counters never share a cache line: neither the monitor's reads
 * nor another worker's writes slow a worker down.
 */
final class IterationCounter extends PaddedValue {
    @SuppressWarnings("unused")
    private long q0, q1, q2, q3, q4, q5, q6, q7;

    /** The count so far; a volatile read, as cheap as a plain load on x86. */
    long get() {
        return value;
    }

    /** Publishes a new count; called once per chunk of iterations, not per iteration. */
    void set(long count) {
        value = count;
    }
}

/** Cache-line padding before the value. */
abstract class LeftPadding {
    @SuppressWarnings("unused")
    private long p0, p1, p2, p3, p4, p5, p6, p7;
}

/** The padded value itself. */
abstract class PaddedValue extends LeftPadding {
    volatile long value;
}
