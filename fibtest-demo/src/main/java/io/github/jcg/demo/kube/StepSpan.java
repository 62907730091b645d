package io.github.jcg.demo.kube;

/**
 * When a CPU step ran, in seconds since step 1 began.
 *
 * @param step        the step
 * @param start       its first second
 * @param windowStart where its measurement window began (after the settle time)
 * @param end         its end
 */
public record StepSpan(KubeStep step, double start, double windowStart, double end) {
}
