package io.github.jcg.demo;

import java.util.List;

/**
 * Everything the demo agent is asked to do, as {@link DemoCommand}'s options give it.
 *
 * @param group            the group to create (its parent must exist); it must not exist yet
 * @param threads          fast fibtest threads: the workload wants this many CPUs
 * @param baselineSeconds  length of the baseline phase, settle time included
 * @param phaseSeconds     length of each later phase, settle time included
 * @param settleSeconds    unmeasured seconds at the start of each phase
 * @param warmupSeconds    the workload's unmeasured JIT warm-up before the baseline
 * @param chokeQuotaMicros the choked phase's quota (the article: 1000)
 * @param chokePeriodMicros the choked phase's period (the article: 50000)
 * @param middleCores      the middle phase's limit in CPUs
 * @param middlePeriodMicros the middle phase's period
 * @param weight           the group's CPU weight (v2 scale, 1..10000; v1 shares are converted),
 *                         0 to leave the kernel's default, or {@link #AUTO_WEIGHT}
 */
public record DemoSettings(String group, int threads, int baselineSeconds, int phaseSeconds, int settleSeconds,
                           double warmupSeconds, long chokeQuotaMicros, long chokePeriodMicros, double middleCores,
                           long middlePeriodMicros, long weight) {
    public static final String DEFAULT_GROUP = "fibtest";
    public static final int DEFAULT_THREADS = 1;
    public static final int DEFAULT_PHASE_SECONDS = 14;
    public static final int DEFAULT_SETTLE_SECONDS = 2;
    public static final double DEFAULT_WARMUP_SECONDS = 1.0;
    public static final long DEFAULT_CHOKE_QUOTA = 1_000;
    public static final long DEFAULT_CHOKE_PERIOD = 50_000;
    public static final double DEFAULT_MIDDLE_CORES = 0.5;
    /** The highest weight: see {@link DemoCommand}'s {@code --weight} for why. */
    public static final long HIGH_WEIGHT = 10_000;
    /** {@link #HIGH_WEIGHT} while the workload leaves a CPU free, else the kernel's default. */
    public static final long AUTO_WEIGHT = -1;
    public static final long DEFAULT_WEIGHT = AUTO_WEIGHT;

    public static DemoSettings defaults() {
        return new DemoSettings(DEFAULT_GROUP, DEFAULT_THREADS, DEFAULT_PHASE_SECONDS, DEFAULT_PHASE_SECONDS,
                DEFAULT_SETTLE_SECONDS, DEFAULT_WARMUP_SECONDS, DEFAULT_CHOKE_QUOTA, DEFAULT_CHOKE_PERIOD,
                DEFAULT_MIDDLE_CORES, CpuLimit.DEFAULT_PERIOD_MICROS, DEFAULT_WEIGHT);
    }

    public DemoSettings withSeconds(int baseline, int phase, int settle) {
        return new DemoSettings(group, threads, baseline, phase, settle, warmupSeconds,
                chokeQuotaMicros, chokePeriodMicros, middleCores, middlePeriodMicros, weight);
    }

    public DemoSettings withWeight(long newWeight) {
        return new DemoSettings(group, threads, baselineSeconds, phaseSeconds, settleSeconds, warmupSeconds,
                chokeQuotaMicros, chokePeriodMicros, middleCores, middlePeriodMicros, newWeight);
    }

    /**
     * The four phases: baseline (no limit), choked, middle, restored (no limit). Throws
     * {@link IllegalArgumentException} for lengths that leave nothing to measure, and the core
     * library's {@code InvalidValueException} for a limit the kernel would refuse.
     */
    public List<Phase> phases() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1 (got " + threads + ")");
        }
        List<Phase> phases = List.of(
                new Phase(PhaseRole.BASELINE, CpuLimit.none(), baselineSeconds, settleSeconds),
                new Phase(PhaseRole.CHOKED, CpuLimit.of(chokeQuotaMicros, chokePeriodMicros), phaseSeconds, settleSeconds),
                new Phase(PhaseRole.MIDDLE, CpuLimit.cores(middleCores, middlePeriodMicros), phaseSeconds, settleSeconds),
                new Phase(PhaseRole.RESTORED, CpuLimit.none(), phaseSeconds, settleSeconds));
        phases.forEach(p -> p.limit().resources());
        return phases;
    }

    /**
     * The weight to give the group on a machine with {@code cpus} CPUs. The high weight lets
     * the workload have all its quota allows when the machine is busy; but a workload that
     * wants every CPU would then starve everything else, the agent measuring it included, so
     * {@link #AUTO_WEIGHT} gives it only while the workload leaves at least one CPU free.
     * 0 means the kernel's default (nothing is written).
     */
    public long effectiveWeight(int cpus) {
        if (weight != AUTO_WEIGHT) {
            return weight;
        }
        return threads < cpus ? HIGH_WEIGHT : 0;
    }

    /** Seconds the phases take together. */
    public int totalSeconds() {
        return baselineSeconds + 3 * phaseSeconds;
    }
}
