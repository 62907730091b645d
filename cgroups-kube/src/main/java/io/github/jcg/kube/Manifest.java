package io.github.jcg.kube;

/** One object of a manifest file that the node's resource model reads. */
public sealed interface Manifest permits Pod, LimitRange, ResourceQuota {
    /** @return {@code metadata.name} */
    String name();

    /** @return {@code metadata.namespace}, {@code default} when absent */
    String namespace();

    /** @return {@code Pod}, {@code LimitRange} or {@code ResourceQuota} */
    String kind();
}
