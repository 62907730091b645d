package io.github.jcg.kube;

import java.util.List;

/**
 * A LimitRange: defaults and bounds for the containers and pods of a namespace.
 *
 * @param name      {@code metadata.name}
 * @param namespace {@code metadata.namespace}, {@code default} when absent
 * @param items     {@code spec.limits}
 */
public record LimitRange(String name, String namespace, List<Item> items) implements Manifest {

    /**
     * Copies the items.
     *
     * @param name      {@code metadata.name}
     * @param namespace {@code metadata.namespace}, {@code default} when absent
     * @param items     {@code spec.limits}
     */
    public LimitRange {
        items = List.copyOf(items);
    }

    /**
     * One entry of {@code spec.limits}, as written (the API server's defaulting of the item
     * itself — default from max, defaultRequest from default or min — is applied by the
     * admission code, not here).
     *
     * @param type                 {@code Container}, {@code Pod} or {@code PersistentVolumeClaim}
     * @param max                  {@code max}
     * @param min                  {@code min}
     * @param defaultLimits        {@code default}
     * @param defaultRequests      {@code defaultRequest}
     * @param maxLimitRequestRatio {@code maxLimitRequestRatio}
     */
    public record Item(String type, ResourceList max, ResourceList min, ResourceList defaultLimits,
                       ResourceList defaultRequests, ResourceList maxLimitRequestRatio) {
    }

    @Override
    public String kind() {
        return "LimitRange";
    }
}
