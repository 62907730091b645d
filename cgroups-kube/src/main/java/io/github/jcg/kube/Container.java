package io.github.jcg.kube;

/**
 * One container of a pod, reduced to what the node's resource model reads.
 *
 * @param name     {@code name}
 * @param kind     regular, init, or a restartable init container (a sidecar)
 * @param requests {@code resources.requests}
 * @param limits   {@code resources.limits}
 */
public record Container(String name, Kind kind, ResourceList requests, ResourceList limits) {

    /** Where the container sits in the pod. */
    public enum Kind {
        /** Listed under {@code spec.containers}. */
        REGULAR,
        /** Listed under {@code spec.initContainers}; runs to completion before the others start. */
        INIT,
        /**
         * Listed under {@code spec.initContainers} with {@code restartPolicy: Always}: a sidecar,
         * started in order with the init containers and running beside the regular ones.
         */
        SIDECAR
    }

    /**
     * @param requests new requests
     * @param limits   new limits
     * @return this container with other resources (as admission defaulting produces)
     */
    public Container withResources(ResourceList requests, ResourceList limits) {
        return new Container(name, kind, requests, limits);
    }
}
