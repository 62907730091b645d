package io.github.jcg.demo.kube;

import io.github.jcg.kube.Pod;

import java.util.List;

/**
 * The kubelet's cgroups for the demo's pods, with the kubelet's exact values, under a cgroupRoot
 * the demo owns. {@link KubeletWiring} is the one implementation over cgroups-kube; this
 * interface keeps the act's steps apart from that API.
 */
interface KubeletGroups {
    /**
     * @param pod        the pod
     * @param podsOnNode every pod on the node once it runs, itself included (the QoS groups'
     *                   values are sums over them)
     * @return the plan
     */
    PodGroups plan(Pod pod, List<Pod> podsOnNode);

    /** Creates the plan's groups and writes their values, all or nothing. */
    void apply(PodGroups groups);

    /** Removes the pod's groups (its processes must be gone). */
    void delete(PodGroups groups);

    /** @return the node's cgroupRoot, as a path ({@code /jcg-demo-kube-0123abcd}) */
    String cgroupRoot();
}
