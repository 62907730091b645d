package io.github.jcg.kube.node;

import io.github.jcg.kube.ResourceList;

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
 *                            does not list {@code pods}
 * @param config              the kubelet configuration it came from
 */
public record Node(ResourceList capacity, ResourceList allocatable, ResourceList enforcedAllocatable,
                   KubeletConfig config) {
}
