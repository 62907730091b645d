package io.github.jcg.demo;

/**
 * When a phase ran, on the {@link System#nanoTime()} clock: from the moment its limit was
 * written, through the end of its settle time, to its end.
 */
public record PhaseSpan(Phase phase, long startNanos, long windowStartNanos, long endNanos) {
}
