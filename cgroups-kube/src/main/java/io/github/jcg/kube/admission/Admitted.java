package io.github.jcg.kube.admission;

import io.github.jcg.kube.Pod;

import java.util.List;

/**
 * A pod the API server would accept, as it would store it.
 *
 * @param pod                   the pod after LimitRange defaulting
 * @param limitRangerAnnotation the {@code kubernetes.io/limit-ranger} annotation LimitRanger
 *                              would set ({@code LimitRanger plugin set: cpu request for container
 *                              app; ...}), empty when it set nothing
 * @param quotas                for each ResourceQuota of the pod's namespace that tracks any pod
 *                              resource, in the order given, what its usage becomes
 */
public record Admitted(Pod pod, String limitRangerAnnotation, List<QuotaUsage> quotas) {

    /**
     * Copies the list.
     *
     * @param pod                   the pod after LimitRange defaulting
     * @param limitRangerAnnotation what LimitRanger set, empty when nothing
     * @param quotas                each tracking quota's usage after the pod
     */
    public Admitted {
        quotas = List.copyOf(quotas);
    }
}
