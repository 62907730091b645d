package io.github.jcg.kube.node;

import io.github.jcg.kube.ManifestException;
import io.github.jcg.kube.ResourceList;
import java.util.OptionalLong;

/**
 * A node's resources, as the kubelet computes them.
 *
 * @param capacity            what the host has: {@code cpu}, {@code memory},
 *                            {@code hugepages-<size>}, {@code pods}
 * @param allocatable         what pods may be scheduled against ({@code status.allocatable}):
 *                            capacity less systemReserved, kubeReserved and the hard eviction
 *                            threshold, never below zero
 * @param enforcedAllocatable what the {@code kubepods} group is limited to: capacity less the
 *                            reservations but <em>not</em> the eviction threshold (the kubelet's
 *                            {@code GetNodeAllocatableAbsolute}), so that the kubelet evicts before
 *                            the kernel kills; capacity itself when {@code enforceNodeAllocatable}
 *                            does not list {@code pods} or {@code cgroupsPerQOS} is off. It has no
 *                            {@code pods} entry (no cgroup limits the pod count) and, when the
 *                            task limit is known, a {@code pid} entry: the kubelet's internal
 *                            capacity for {@code kubepods}' {@code pids.max}. Huge pages are not
 *                            taken from its memory (kubernetes/kubernetes#84426)
 * @param config              the kubelet configuration it came from
 */
public record Node(ResourceList capacity, ResourceList allocatable, ResourceList enforcedAllocatable,
                   KubeletConfig config) {

    /**
     * A node from its capacity, without a task limit (no {@code pid} in
     * {@link #enforcedAllocatable()}).
     *
     * @param capacity {@code cpu}, {@code memory}, {@code hugepages-<size>}, {@code pods}, as
     *                 {@link NodeCapacity} gives them
     * @param config   the kubelet configuration
     * @return the node, with Allocatable as the kubelet computes it (reservations beyond
     *         capacity clamp to zero; see {@link #validateReservations()})
     */
    public static Node of(ResourceList capacity, KubeletConfig config) {
        return NodeAllocatable.of(capacity, OptionalLong.empty(), config);
    }

    /**
     * A node from its capacity and the host's task limit.
     *
     * @param capacity {@code cpu}, {@code memory}, {@code hugepages-<size>}, {@code pods}
     * @param maxPids  the kubelet's internal {@code pid} capacity
     *                 ({@link NodeCapacity#maxPidsOfHost()})
     * @param config   the kubelet configuration
     * @return the node; {@link #enforcedAllocatable()} has {@code pid}: maxPids less the
     *         {@code pid} reservations
     */
    public static Node of(ResourceList capacity, long maxPids, KubeletConfig config) {
        return NodeAllocatable.of(capacity, OptionalLong.of(maxPids), config);
    }

    /**
     * This host as a node: {@link NodeCapacity#ofHost(KubeletConfig)} and
     * {@link NodeCapacity#maxPidsOfHost()}.
     *
     * @param config the kubelet configuration
     * @return the node the kubelet would report on this host
     */
    public static Node ofHost(KubeletConfig config) {
        return NodeAllocatable.of(NodeCapacity.ofHost(config), NodeCapacity.maxPidsOfHost(), config);
    }

    /**
     * @return what the kubelet keeps from scheduling, per resource: systemReserved +
     *         kubeReserved + the hard eviction threshold ({@code GetNodeAllocatableReservation})
     */
    public ResourceList reservation() {
        return NodeAllocatable.reservation(capacity, config);
    }

    /**
     * The kubelet's start-up check ({@code validateNodeAllocatable}): it refuses to run when a
     * reservation exceeds the capacity, where Allocatable would clamp to zero.
     *
     * @throws ManifestException with the kubelet's message, naming each such resource
     */
    public void validateReservations() {
        NodeAllocatable.validate(capacity, config);
    }
}
