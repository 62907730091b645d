package io.github.jcg.kube.node;

import io.github.jcg.kube.ResourceList;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a kubelet configuration ({@code KubeletConfiguration}, kubelet.config.k8s.io/v1beta1)
 * that decide Allocatable and the cgroup values. Fields the model does not read are ignored.
 *
 * @param systemReserved          {@code systemReserved}
 * @param kubeReserved            {@code kubeReserved}
 * @param evictionHardMemoryAvailable {@code evictionHard["memory.available"]}: a quantity
 *                                ({@code 100Mi}, the default) or a percentage of capacity
 *                                ({@code 5%}), as written
 * @param enforceNodeAllocatable  {@code enforceNodeAllocatable}, default {@code [pods]}
 * @param cpuCfsQuota             {@code cpuCFSQuota}, default true: whether CPU limits become quotas
 * @param cpuCfsQuotaPeriodMicros {@code cpuCFSQuotaPeriod} in microseconds, default 100000
 * @param memoryThrottlingFactor  {@code memoryThrottlingFactor}, default 0.9
 * @param featureGates            {@code featureGates}; {@code MemoryQoS} and
 *                                {@code CustomCPUCFSQuotaPeriod} are the ones read
 * @param cgroupRoot              {@code cgroupRoot}, default {@code /}: where {@code kubepods} goes
 * @param cgroupsPerQos           {@code cgroupsPerQOS}, default true
 * @param maxPods                 {@code maxPods}, default 110
 */
public record KubeletConfig(ResourceList systemReserved, ResourceList kubeReserved,
                            String evictionHardMemoryAvailable, Set<String> enforceNodeAllocatable,
                            boolean cpuCfsQuota, long cpuCfsQuotaPeriodMicros,
                            double memoryThrottlingFactor, Map<String, Boolean> featureGates,
                            String cgroupRoot, boolean cgroupsPerQos, int maxPods) {

    /** Copies the collections. */
    public KubeletConfig {
        enforceNodeAllocatable = Set.copyOf(enforceNodeAllocatable);
        featureGates = Map.copyOf(featureGates);
    }

    /**
     * @param gate a feature gate's name
     * @return whether the configuration turns it on (every gate the model reads is off by default)
     */
    public boolean enabled(String gate) {
        return featureGates.getOrDefault(gate, false);
    }
}
