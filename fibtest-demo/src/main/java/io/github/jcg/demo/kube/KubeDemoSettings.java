package io.github.jcg.demo.kube;

/**
 * What act two is asked to do, as {@code jcg demo --kube}'s options give it.
 *
 * @param settleSeconds unmeasured seconds at the start of each CPU step
 * @param windowSeconds measured seconds of each CPU step
 * @param warmupSeconds each fibtest's unmeasured JIT warm-up before its pod's step
 * @param oomSeconds    how long hog may take to be OOM-killed before the step gives up on it
 * @param noOom         skip step 3, for hosts where processes may not leave their memory group
 * @param threads       fast fibtest threads per pod; 0 for as many as the machine has CPUs
 * @param nodeWeight    CPU weight (v2 scale, 1..10000; converted to cpu.shares on v1) of the
 *                      cgroupRoot, which stands for the whole node; 0 leaves the kernel's default
 */
public record KubeDemoSettings(int settleSeconds, int windowSeconds, double warmupSeconds, int oomSeconds, boolean noOom,
                               int threads, long nodeWeight) {
    /**
     * The default node weight while a step is measured: ten times the kernel's default (v1 cpu.shares
     * 17614 by the core's mapping), so that the host's other processes change the node's part of
     * the machine little; not the highest, which on a busy 2-CPU host starved the demo's own
     * sampling (seconds with no sample of a pod) and everything else outside the node.
     */
    public static final long DEFAULT_NODE_WEIGHT = 1_000;
    /** Default unmeasured seconds per CPU step. */
    public static final int DEFAULT_SETTLE_SECONDS = 2;
    /** Default measured seconds per CPU step. */
    public static final int DEFAULT_WINDOW_SECONDS = 8;
    /** Default warm-up of each workload. */
    public static final double DEFAULT_WARMUP_SECONDS = 1.0;
    /** Default time hog may take to reach its limit. */
    public static final int DEFAULT_OOM_SECONDS = 30;

    /**
     * Checks the numbers.
     *
     * @throws IllegalArgumentException naming the option when one leaves nothing to measure
     */
    public KubeDemoSettings {
        if (settleSeconds < 0) {
            throw new IllegalArgumentException("--kube-settle-seconds must not be negative (got " + settleSeconds + ")");
        }
        if (windowSeconds < 1) {
            throw new IllegalArgumentException("--kube-window-seconds must be at least 1 (got " + windowSeconds + ")");
        }
        if (warmupSeconds < 0 || Double.isNaN(warmupSeconds)) {
            throw new IllegalArgumentException("--warmup-seconds must not be negative (got " + warmupSeconds + ")");
        }
        if (oomSeconds < 1) {
            throw new IllegalArgumentException("--kube-oom-seconds must be at least 1 (got " + oomSeconds + ")");
        }
        if (nodeWeight < 0 || nodeWeight > 10_000) {
            throw new IllegalArgumentException("--kube-node-weight is from 1 to 10000, or 0 for the kernel's default (got "
                    + nodeWeight + ")");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must not be negative (got " + threads + ")");
        }
    }

    /** @return the defaults: about 45 s on 2 CPUs, step 3 included */
    public static KubeDemoSettings defaults() {
        return new KubeDemoSettings(DEFAULT_SETTLE_SECONDS, DEFAULT_WINDOW_SECONDS, DEFAULT_WARMUP_SECONDS,
                DEFAULT_OOM_SECONDS, false, 0, DEFAULT_NODE_WEIGHT);
    }

    /**
     * @param cpus the machine's CPUs
     * @return fast threads per pod: {@link #threads()}, or {@code cpus} when that is 0
     */
    public int threadsOn(int cpus) {
        return threads == 0 ? cpus : threads;
    }

    /** @return seconds one CPU step takes, settle time included */
    public int stepSeconds() {
        return settleSeconds + windowSeconds;
    }
}
