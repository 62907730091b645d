package io.github.jcg.demo;

/**
 * One per-second sample of the group, as the agent took it.
 *
 * @param monotonicNanos   when the sample was taken ({@link System#nanoTime()})
 * @param seconds          length of the interval it closes
 * @param cpuPercent       the group's CPU use over that interval; 100 is one CPU
 * @param periods          CFS periods that elapsed in it
 * @param throttledPeriods periods throttled in it
 * @param role             the phase it belongs to
 */
public record CpuTick(long monotonicNanos, double seconds, double cpuPercent, long periods, long throttledPeriods,
                      PhaseRole role) {
}
