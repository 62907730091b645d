package io.github.jcg.kube.cgroups;

import io.github.jcg.kube.Pod;
import io.github.jcg.kube.QosClass;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The cgroups for one pod: the node's kubepods and QoS groups as they stand with the pod
 * admitted, its pod group, and one group per container (init containers and sidecars included),
 * parents before children.
 *
 * @param pod      the pod
 * @param qosClass its QoS class, which decides where its group goes
 * @param groups   kubepods, burstable, besteffort, the pod group, then its containers; copied
 */
public record PodPlan(Pod pod, QosClass qosClass, List<PlannedGroup> groups) {

    /**
     * Copies the groups.
     *
     * @param pod      the pod
     * @param qosClass its QoS class, which decides where its group goes
     * @param groups   kubepods, burstable, besteffort, the pod group, then its containers; copied
     */
    public PodPlan {
        groups = List.copyOf(groups);
    }

    /**
     * @return the pod's own group ({@code pod<uid>})
     * @throws IllegalStateException when the plan has none (it always has one when made by
     *                               {@link KubeletCgroups#plan})
     */
    public PlannedGroup podGroup() {
        return groups.stream().filter(g -> g.role() == GroupRole.POD).findFirst()
                .orElseThrow(() -> new IllegalStateException("the plan of pod " + pod.name() + " has no pod group"));
    }

    /**
     * @param name a container's name (init containers and sidecars included)
     * @return its group
     * @throws IllegalArgumentException when the pod has no container of that name; the message
     *                                  lists the names it has
     */
    public PlannedGroup container(String name) {
        return containers().stream().filter(g -> g.container().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("pod " + pod.name() + " has no container '" + name
                        + "'; its containers are " + containers().stream().map(PlannedGroup::container)
                        .collect(Collectors.joining(", "))));
    }

    /** @return the container groups, init containers first, in the manifest's order */
    public List<PlannedGroup> containers() {
        return groups.stream().filter(g -> g.role() == GroupRole.CONTAINER).toList();
    }

    /** @return the kubepods and QoS groups (what {@link KubeletCgroups#planNode} returns) */
    public List<PlannedGroup> nodeGroups() {
        return groups.stream().filter(g -> g.role() == GroupRole.KUBEPODS || g.role() == GroupRole.QOS).toList();
    }
}
