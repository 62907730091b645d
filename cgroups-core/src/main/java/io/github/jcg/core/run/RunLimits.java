package io.github.jcg.core.run;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits a run enforces itself, by killing the whole group: CPU time (summed over every process
 * of the group, as the kernel accounts it) and wall time. Memory, pids and CPU bandwidth are
 * the kernel's to enforce: set them on the group ({@link io.github.jcg.core.Cgroup#apply}).
 *
 * @param cpuTime        the most CPU time the group may use, or empty for none
 * @param wallTime       the most time the run may take from its start, or empty for none
 * @param sampleInterval how often the group is sampled for the CPU-time limit and for peaks the
 *                       kernel does not keep; the CPU-time limit may be overshot by up to this
 *                       interval times the CPUs the group can use
 */
public record RunLimits(Optional<Duration> cpuTime, Optional<Duration> wallTime, Duration sampleInterval) {
    private static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    /**
     * Checks the limits.
     *
     * @param cpuTime        the most CPU time the group may use, or empty for none
     * @param wallTime       the most time the run may take from its start, or empty for none
     * @param sampleInterval how often the group is sampled
     * @throws IllegalArgumentException when a limit or the interval is zero or negative
     */
    public RunLimits {
        Objects.requireNonNull(cpuTime, "cpuTime");
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(sampleInterval, "sampleInterval");
        cpuTime.ifPresent(d -> requirePositive("CPU-time limit", d));
        wallTime.ifPresent(d -> requirePositive("wall-time limit", d));
        requirePositive("sample interval", sampleInterval);
    }

    /**
     * No limit, sampling every 100 ms.
     *
     * @return limits that let the command run until it ends
     */
    public static RunLimits none() {
        return new RunLimits(Optional.empty(), Optional.empty(), DEFAULT_INTERVAL);
    }

    /**
     * These limits with a CPU-time limit.
     *
     * @param limit the most CPU time the whole group may use
     * @return a new value
     * @throws IllegalArgumentException when {@code limit} is zero or negative
     */
    public RunLimits withCpuTime(Duration limit) {
        return new RunLimits(Optional.of(limit), wallTime, sampleInterval);
    }

    /**
     * These limits with a wall-time limit.
     *
     * @param limit the most time the run may take
     * @return a new value
     * @throws IllegalArgumentException when {@code limit} is zero or negative
     */
    public RunLimits withWallTime(Duration limit) {
        return new RunLimits(cpuTime, Optional.of(limit), sampleInterval);
    }

    /**
     * These limits sampled at another interval.
     *
     * @param interval how often the group is sampled
     * @return a new value
     * @throws IllegalArgumentException when {@code interval} is zero or negative
     */
    public RunLimits withSampleInterval(Duration interval) {
        return new RunLimits(cpuTime, wallTime, interval);
    }

    private static void requirePositive(String what, Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("the " + what + " must be positive, not " + d);
        }
    }
}
