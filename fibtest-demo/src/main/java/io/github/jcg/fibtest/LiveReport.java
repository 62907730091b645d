package io.github.jcg.fibtest;

import java.util.Locale;
import java.util.Optional;

/**
 * One per-second line of the workload's own throughput, from the measured phase's start.
 *
 * <p>People get {@link #humanLine()}; the demo agent gets {@link #agentLine()}, which carries
 * the {@link System#nanoTime()} of the reading. On Linux that clock is CLOCK_MONOTONIC, the
 * same in every process of the machine, so the agent can line these readings up with its own
 * cgroup samples.
 *
 * @param monotonicNanos      when the counters were read
 * @param elapsedNanos        since the measured phase began
 * @param totalIterations     completed since the measured phase began, all threads
 * @param iterationsPerSecond over the interval since the previous report
 */
public record LiveReport(long monotonicNanos, long elapsedNanos, long totalIterations, double iterationsPerSecond) {
    /** Prefix of the agent's form of the line. */
    public static final String AGENT_PREFIX = "@live ";

    public String humanLine() {
        return String.format(Locale.ROOT, "fibtest: %6.1f s %10.2f M iterations/s  (total %d M)",
                elapsedNanos / 1e9, iterationsPerSecond / 1e6, totalIterations / 1_000_000);
    }

    /** {@code @live <monotonicNanos> <elapsedNanos> <totalIterations> <iterationsPerSecond>} */
    public String agentLine() {
        return AGENT_PREFIX + monotonicNanos + " " + elapsedNanos + " " + totalIterations + " "
                + String.format(Locale.ROOT, "%.1f", iterationsPerSecond);
    }

    /** Reads an {@link #agentLine()}; empty for any other line. */
    public static Optional<LiveReport> parseAgentLine(String line) {
        if (!line.startsWith(AGENT_PREFIX)) {
            return Optional.empty();
        }
        String[] f = line.substring(AGENT_PREFIX.length()).strip().split(" ");
        if (f.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LiveReport(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Double.parseDouble(f[3])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
