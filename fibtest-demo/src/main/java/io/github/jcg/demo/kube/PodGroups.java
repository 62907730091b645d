package io.github.jcg.demo.kube;

import io.github.jcg.kube.Pod;

/**
 * What act two needs of the kubelet's plan for one pod: where its pod group and its one
 * container's group are, the container group's values, and the plan itself, to apply and delete.
 *
 * @param pod            the pod
 * @param qosClass       its QoS class, in the API's spelling
 * @param podGroup       the pod group's path ({@code …/kubepods/burstable/pod<uid>})
 * @param containerGroup the container's group's path
 * @param planned        the container group's values as planned
 * @param plan           the cgroups-kube plan, for {@link KubeletGroups#apply} and {@link KubeletGroups#delete}
 */
record PodGroups(Pod pod, String qosClass, String podGroup, String containerGroup, PlannedValues planned, Object plan) {
}
