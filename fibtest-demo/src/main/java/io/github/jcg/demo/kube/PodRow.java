package io.github.jcg.demo.kube;

import io.github.jcg.kube.ResourceList;

/**
 * One pod in one step: what it asked for, what the kubelet wrote for it, what the kernel
 * measured.
 *
 * @param step             the step
 * @param pod              the pod's name
 * @param requests         the container's requests
 * @param limits           the container's limits
 * @param qosClass         the pod's QoS class, in the API's spelling
 * @param planned          the container group's values as planned
 * @param cores            CPU used in the measurement window, in CPUs (1.0 = one CPU); NaN when
 *                         not measured
 * @param shareOfPods      this pod's part of what the step's pods used together, 0..1; NaN when
 *                         not measured
 * @param periods          CFS periods that elapsed in the window ({@code nr_periods})
 * @param throttledPeriods periods in which it was throttled ({@code nr_throttled})
 * @param oomKills         OOM kills the container group counted during the step; -1 when not read
 * @param alive            whether its process was still running at the end of the step
 * @param killSignal       the signal that ended its process, 0 when none did
 */
public record PodRow(KubeStep step, String pod, ResourceList requests, ResourceList limits, String qosClass,
                     PlannedValues planned, double cores, double shareOfPods, long periods, long throttledPeriods,
                     long oomKills, boolean alive, int killSignal) {

    /** SIGKILL, as the OOM killer sends it. */
    public static final int SIGKILL = 9;

    /** @return throttled periods / periods, 0..1; NaN when no period elapsed (no quota) */
    public double throttledRatio() {
        return periods == 0 ? Double.NaN : Math.min(1.0, (double) throttledPeriods / periods);
    }

    /** @return what happened to the pod's process, in words */
    public String outcome() {
        if (killSignal == SIGKILL && oomKills > 0) {
            return "OOM-killed (SIGKILL)";
        }
        if (killSignal != 0) {
            return "killed by signal " + killSignal;
        }
        if (!alive) {
            return "exited";
        }
        double ratio = throttledRatio();
        return !Double.isNaN(ratio) && ratio >= 0.5 ? "throttled, running" : "running";
    }
}
