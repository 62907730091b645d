/**
 * cgroups-kube: Kubernetes' node resource model on any Linux host, over cgroups-core.
 *
 * <p>The API is the exported packages:
 * <ul>
 * <li>{@code io.github.jcg.kube}: {@code Quantity} (the API's grammar and rounding), the pod,
 * LimitRange and ResourceQuota manifests ({@code Manifests}), QoS classes and a pod's effective
 * requests and limits ({@code PodResources});</li>
 * <li>{@code io.github.jcg.kube.node}: the node's Capacity (from the host) and Allocatable
 * (from the kubelet's configuration);</li>
 * <li>{@code io.github.jcg.kube.cgroups}: the cgroups the kubelet would create for a pod, with
 * its exact values on v1 and v2 and the formula of each, planned and applied;</li>
 * <li>{@code io.github.jcg.kube.admission}: LimitRange defaulting and validation, and
 * ResourceQuota, with the API server's messages;</li>
 * <li>{@code io.github.jcg.kube.eviction}: the kubelet's eviction order under memory pressure.</li>
 * </ul>
 * The core never depends on this module.
 */
module io.github.jcg.kube {
    requires transitive io.github.jcg.core;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.yaml;
    requires com.github.oshi;

    exports io.github.jcg.kube;
    exports io.github.jcg.kube.node;
    exports io.github.jcg.kube.cgroups;
    // exports io.github.jcg.kube.admission;
    // exports io.github.jcg.kube.eviction;
}
