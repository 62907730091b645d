package io.github.jcg.kube.eviction;

import io.github.jcg.kube.Pod;

import java.util.Objects;

/**
 * A running pod and its memory usage, as the kubelet's eviction manager sees it.
 *
 * @param pod             the pod
 * @param workingSetBytes its memory working set: the sum over its containers of usage less
 *                        inactive file pages, as the caller read it from live cgroups
 */
public record PodUsage(Pod pod, long workingSetBytes) {

    /**
     * Checks the arguments.
     *
     * @param pod             the pod
     * @param workingSetBytes its memory working set, at least 0
     * @throws IllegalArgumentException when the usage is negative; the message names the pod
     */
    public PodUsage {
        Objects.requireNonNull(pod, "pod");
        if (workingSetBytes < 0) {
            throw new IllegalArgumentException("workingSetBytes of pod " + pod.namespace() + "/" + pod.name()
                    + " must be at least 0 (got " + workingSetBytes + ")");
        }
    }
}
