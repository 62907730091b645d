package io.github.jcg.demo.kube;

/**
 * One second of one pod's CPU, for the chart.
 *
 * @param seconds seconds since step 1 began, at the end of this second
 * @param step    the step it belongs to
 * @param pod     the pod's name
 * @param cores   CPU used in that second, in CPUs
 */
public record PodTick(double seconds, KubeStep step, String pod, double cores) {
}
