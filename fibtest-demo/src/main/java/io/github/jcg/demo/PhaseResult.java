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

    /**
     * What one CFS period cost the group beyond the work it did, in µs of CPU: the CPU it used
     * per period less the CPU its iterations per period took in {@code baseline}, at the
     * baseline's iterations per CPU-second (the group's own CPU, the workload's other threads
     * included). Small on hardware (the switch in and out, the JVM's own threads); on an
     * emulated CPU most of a 1 ms quota. NaN without a limit or without the numbers.
     */
    public double periodCostMicros(PhaseResult baseline) {
        double baselinePerCpuSecond = baseline.iterationsPerSecond / (baseline.measuredPercent() / 100);
        if (!phase.limit().isLimited() || !(baselinePerCpuSecond > 0)) {
            return Double.NaN;
        }
        double periodSeconds = phase.limit().periodMicros() / 1e6;
        double cpuPerPeriodMicros = measuredPercent() / 100 * phase.limit().periodMicros();
        double workPerPeriodMicros = iterationsPerSecond * periodSeconds / baselinePerCpuSecond * 1e6;
        return cpuPerPeriodMicros - workPerPeriodMicros;
    }
}
