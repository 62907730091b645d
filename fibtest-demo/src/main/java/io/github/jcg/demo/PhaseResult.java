package io.github.jcg.demo;

import java.util.List;

/**
 * One phase's numbers, measured over its window (settle time excluded), and what the
 * kernel's CFS rules say they should be.
 *
 * @param phase                    the phase
 * @param cpu                      the group's own accounting over the window
 * @param iterationsPerSecond      the workload's throughput over the window (NaN if unknown)
 * @param baselineIterationsPerSecond the baseline phase's throughput
 * @param demandCores              CPUs the workload would use unlimited (its fast threads,
 *                                 at most the machine's CPUs)
 * @param perSecond                the workload's per-second throughput during the whole phase
 */
public record PhaseResult(Phase phase, CpuWindow cpu, double iterationsPerSecond, double baselineIterationsPerSecond,
                          double demandCores, List<Double> perSecond) {
    public PhaseResult {
        perSecond = List.copyOf(perSecond);
    }

    /** The limit as a percentage of one CPU; infinite without one. */
    public double limitPercent() {
        return phase.limit().percentOfCpu();
    }

    /** What the group should get: its limit, or what it asks for when that is less. */
    public double expectedPercent() {
        return Math.min(limitPercent(), demandCores * 100);
    }

    /** What the group got, by its own accounting. */
    public double measuredPercent() {
        return cpu.cpuPercent();
    }

    /** Measured over expected, less one: {@code 0.02} is 2 % over. */
    public double shareError() {
        return measuredPercent() / expectedPercent() - 1;
    }

    public double percentOfBaseline() {
        return 100 * iterationsPerSecond / baselineIterationsPerSecond;
    }

    /**
     * The kernel's rule for throughput: a workload that wants {@code demand} CPUs and is
     * allowed {@code quota/period} of them runs at {@code (quota/period) / demand} of its
     * unlimited speed; with one fast thread, {@code (quota/period) × baseline}.
     */
    public double expectedPercentOfBaseline() {
        return 100 * Math.min(phase.limit().cores(), demandCores) / demandCores;
    }

    public double throttledRatio() {
        return cpu.throttledRatio();
    }
}
