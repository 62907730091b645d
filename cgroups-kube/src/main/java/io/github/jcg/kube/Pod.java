package io.github.jcg.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A pod, reduced to what the node's resource model reads: its identity, its containers'
 * resources, its overhead and its priority. Unknown fields of a manifest are not kept.
 *
 * @param name           {@code metadata.name}
 * @param namespace      {@code metadata.namespace}, {@code default} when absent
 * @param uid            {@code metadata.uid}, or one derived from namespace and name when absent
 *                       (the same manifest always gets the same uid)
 * @param priority       {@code spec.priority}, or the built-in priority classes' value
 *                       ({@code system-node-critical} 2000001000, {@code system-cluster-critical}
 *                       2000000000), else 0
 * @param initContainers {@code spec.initContainers}, in order (sidecars among them)
 * @param containers     {@code spec.containers}, at least one
 * @param overhead       {@code spec.overhead}
 */
public record Pod(String name, String namespace, String uid, int priority,
                  List<Container> initContainers, List<Container> containers, ResourceList overhead)
        implements Manifest {

    /**
     * Copies the lists.
     *
     * @param name           {@code metadata.name}
     * @param namespace      {@code metadata.namespace}, {@code default} when absent
     * @param uid            {@code metadata.uid}, or one derived from namespace and name when absent (the same manifest always gets the same uid)
     * @param priority       {@code spec.priority}, or the built-in priority classes' value ({@code system-node-critical} 2000001000, {@code system-cluster-critical} 2000000000), else 0
     * @param initContainers {@code spec.initContainers}, in order (sidecars among them)
     * @param containers     {@code spec.containers}, at least one
     * @param overhead       {@code spec.overhead}
     */
    public Pod {
        initContainers = List.copyOf(initContainers);
        containers = List.copyOf(containers);
    }

    /** @return the init containers, then the regular ones, in the manifest's order */
    public List<Container> allContainers() {
        List<Container> all = new ArrayList<>(initContainers);
        all.addAll(containers);
        return all;
    }

    /**
     * @param change applied to every container, init containers included
     * @return this pod with its containers changed (as admission defaulting produces)
     */
    public Pod withContainers(UnaryOperator<Container> change) {
        return new Pod(name, namespace, uid, priority,
                initContainers.stream().map(change).toList(),
                containers.stream().map(change).toList(), overhead);
    }

    @Override
    public String kind() {
        return "Pod";
    }
}
