package io.github.jcg.kube.node;

import io.github.jcg.kube.ManifestException;
import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The kubelet's arithmetic from Capacity to Allocatable, in the order it does it:
 * {@code GetNodeAllocatableReservation}, {@code getNodeAllocatableAbsoluteImpl} and
 * {@code validateNodeAllocatable} of {@code pkg/kubelet/cm/node_container_manager_linux.go},
 * {@code hardEvictionReservation} of {@code pkg/kubelet/cm/helpers.go}, and the Allocatable
 * part of the {@code MachineInfo} setter in {@code pkg/kubelet/nodestatus/setters.go}.
 */
final class NodeAllocatable {

    /** The kubelet's internal resource for the number of tasks ({@code pidlimit.PIDs}). */
    static final String PID = "pid";

    private NodeAllocatable() {
    }

    static Node of(ResourceList capacity, OptionalLong maxPids, KubeletConfig config) {
        if (capacity.has(PID)) {
            throw new IllegalArgumentException("capacity lists pid, which the kubelet keeps out of the node's "
                    + "status; give the task limit as maxPids instead");
        }
        return new Node(capacity, allocatable(capacity, config), enforced(capacity, maxPids, config), config);
    }

    /**
     * What the kubelet keeps from scheduling: per resource of the container manager's capacity
     * (Capacity without {@code pods}), systemReserved + kubeReserved + the hard eviction
     * threshold, the zero sums left out.
     */
    static ResourceList reservation(ResourceList capacity, KubeletConfig config) {
        Quantity memoryCapacity = capacity.memory();
        Quantity eviction = config.evictionThreshold().reservation(memoryCapacity);
        Map<String, Quantity> result = new TreeMap<>();
        for (String name : capacity.entries().keySet()) {
            if (name.equals(NodeCapacity.PODS)) {
                continue;
            }
            Quantity sum = Quantity.ZERO
                    .add(amount(config.systemReserved(), name))
                    .add(amount(config.kubeReserved(), name));
            if (name.equals(ResourceList.MEMORY)) {
                sum = sum.add(eviction);
            }
            if (!sum.isZero()) {
                result.put(name, sum);
            }
        }
        return new ResourceList(result);
    }

    /**
     * {@code status.allocatable}: Capacity less the reservation, never below zero; then the
     * memory less every huge page size's capacity, never below zero.
     */
    static ResourceList allocatable(ResourceList capacity, KubeletConfig config) {
        ResourceList reservation = reservation(capacity, config);
        Map<String, Quantity> result = new TreeMap<>();
        capacity.entries().forEach((name, value) ->
                result.put(name, atLeastZero(value.subtract(amount(reservation, name)))));
        for (Map.Entry<String, Quantity> e : capacity.entries().entrySet()) {
            if (e.getKey().startsWith(NodeCapacity.HUGEPAGES_PREFIX)) {
                Quantity memory = result.getOrDefault(ResourceList.MEMORY, Quantity.ZERO);
                result.put(ResourceList.MEMORY, atLeastZero(memory.subtract(e.getValue())));
            }
        }
        return new ResourceList(result);
    }

    /**
     * What {@code kubepods} is configured with: the internal capacity (Capacity without
     * {@code pods}, with {@code pid} when known) less systemReserved and kubeReserved, never
     * below zero, when QoS groups are on and {@code pods} is enforced; the internal capacity
     * itself otherwise. The eviction threshold is not subtracted, and neither are huge pages
     * from memory (kubernetes/kubernetes#84426 is still open).
     */
    static ResourceList enforced(ResourceList capacity, OptionalLong maxPids, KubeletConfig config) {
        Map<String, Quantity> internal = new TreeMap<>(capacity.entries());
        internal.remove(NodeCapacity.PODS);
        maxPids.ifPresent(pids -> internal.put(PID, Quantity.of(pids)));
        if (!(config.cgroupsPerQos() && config.enforceNodeAllocatable().contains(KubeletConfigReader.PODS))) {
            return new ResourceList(internal);
        }
        Map<String, Quantity> result = new TreeMap<>();
        internal.forEach((name, value) -> result.put(name, atLeastZero(value
                .subtract(amount(config.systemReserved(), name))
                .subtract(amount(config.kubeReserved(), name)))));
        return new ResourceList(result);
    }

    /** The kubelet's start-up check that no reservation exceeds its capacity. */
    static void validate(ResourceList capacity, KubeletConfig config) {
        List<String> problems = new ArrayList<>();
        reservation(capacity, config).entries().forEach((name, reserved) -> {
            Quantity available = amount(capacity, name);
            if (available.subtract(reserved).signum() < 0) {
                problems.add("Resource \"" + name + "\" has a reservation of " + reserved + " but capacity of "
                        + available + ". Expected capacity >= reservation.");
            }
        });
        if (!problems.isEmpty()) {
            throw new ManifestException("invalid Node Allocatable configuration. " + String.join(" ", problems));
        }
    }

    private static Quantity amount(ResourceList list, String name) {
        return list.get(name).orElse(Quantity.ZERO);
    }

    /** Zero in the value's own format when it went negative, as {@code value.Set(0)} keeps it. */
    private static Quantity atLeastZero(Quantity value) {
        return value.signum() < 0 ? value.subtract(value) : value;
    }
}
