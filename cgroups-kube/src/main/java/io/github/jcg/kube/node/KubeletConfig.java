package io.github.jcg.kube.node;

import io.github.jcg.kube.ManifestException;
import io.github.jcg.kube.ResourceList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a kubelet configuration ({@code KubeletConfiguration}, kubelet.config.k8s.io/v1beta1)
 * that decide Allocatable and the cgroup values. Fields the model does not read are ignored.
 *
 * <p>{@link #defaults()} is what the kubelet runs with when its configuration file sets none of
 * them; {@link #read(Path)} and {@link #parse(String, String)} read a configuration file with the
 * kubelet's defaulting and validation.
 *
 * @param systemReserved          {@code systemReserved}
 * @param kubeReserved            {@code kubeReserved}
 * @param evictionHardMemoryAvailable {@code evictionHard["memory.available"]}: a quantity
 *                                ({@code 100Mi}, the default) or a percentage of capacity
 *                                ({@code 5%}), as written; {@code 0%} when the file sets
 *                                evictionHard without it (the kubelet then keeps no such
 *                                threshold, and ignores {@code 0%} the same way)
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

    /** The kubelet's default hard eviction threshold on memory.available (defaults_linux.go). */
    static final String DEFAULT_EVICTION_HARD_MEMORY_AVAILABLE = "100Mi";
    /** A memory.available threshold the kubelet ignores: what an evictionHard without one means. */
    static final String NO_EVICTION_THRESHOLD = "0%";

    /**
     * Copies the collections.
     *
     * @param systemReserved              {@code systemReserved}
     * @param kubeReserved                {@code kubeReserved}
     * @param evictionHardMemoryAvailable {@code evictionHard["memory.available"]}: a quantity ({@code 100Mi}, the default) or a percentage of capacity ({@code 5%}), as written; {@code 0%} when the file sets evictionHard without it (the kubelet then keeps no such threshold, and ignores {@code 0%} the same way)
     * @param enforceNodeAllocatable      {@code enforceNodeAllocatable}, default {@code [pods]}
     * @param cpuCfsQuota                 {@code cpuCFSQuota}, default true: whether CPU limits become quotas
     * @param cpuCfsQuotaPeriodMicros     {@code cpuCFSQuotaPeriod} in microseconds, default 100000
     * @param memoryThrottlingFactor      {@code memoryThrottlingFactor}, default 0.9
     * @param featureGates                {@code featureGates}; {@code MemoryQoS} and {@code CustomCPUCFSQuotaPeriod} are the ones read
     * @param cgroupRoot                  {@code cgroupRoot}, default {@code /}: where {@code kubepods} goes
     * @param cgroupsPerQos               {@code cgroupsPerQOS}, default true
     * @param maxPods                     {@code maxPods}, default 110
     */
    public KubeletConfig {
        enforceNodeAllocatable = Set.copyOf(enforceNodeAllocatable);
        featureGates = Map.copyOf(featureGates);
    }

    /**
     * The configuration of a kubelet whose file sets none of the fields modelled: no
     * reservations, {@code memory.available<100Mi}, {@code enforceNodeAllocatable: [pods]},
     * CFS quota on with a 100ms period, throttling factor 0.9, no feature gates, cgroup root
     * {@code /} with QoS groups, 110 pods.
     *
     * @return the kubelet's defaults
     */
    public static KubeletConfig defaults() {
        return new KubeletConfig(ResourceList.EMPTY, ResourceList.EMPTY, DEFAULT_EVICTION_HARD_MEMORY_AVAILABLE,
                Set.of(KubeletConfigReader.PODS), true, KubeletConfigReader.DEFAULT_CFS_PERIOD_NANOS / 1_000,
                0.9, Map.of(), "/", true, 110);
    }

    /**
     * Reads a kubelet configuration file.
     *
     * @param file a {@code KubeletConfiguration} ({@code kubelet.config.k8s.io/v1beta1}) in YAML
     *             or JSON
     * @return the configuration, the kubelet's defaults filling what the file leaves out
     * @throws ManifestException when the file cannot be read, or as {@link #parse(String, String)}
     */
    public static KubeletConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read the kubelet configuration: " + e, e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses a kubelet configuration. Fields outside the model are ignored; those in it are
     * checked as the kubelet checks them at start-up, with its messages (several at once in
     * brackets, as the kubelet aggregates them). {@code cgroupDriver: systemd} is refused: jcg
     * models the cgroupfs driver.
     *
     * @param yaml   the {@code KubeletConfiguration} in YAML or JSON
     * @param source where it came from (a file name), the start of every error message
     * @return the configuration, the kubelet's defaults filling what the text leaves out
     * @throws ManifestException a one-line message, {@code <source>: <field>…}, when a field is
     *                           malformed or the kubelet would refuse it
     */
    public static KubeletConfig parse(String yaml, String source) {
        return KubeletConfigReader.parse(yaml, source);
    }

    /** @return the hard eviction threshold on memory.available, parsed */
    EvictionThreshold evictionThreshold() {
        return EvictionThreshold.parse(evictionHardMemoryAvailable);
    }

    /**
     * @param gate a feature gate's name
     * @return whether the configuration turns it on (every gate the model reads is off by default)
     */
    public boolean enabled(String gate) {
        return featureGates.getOrDefault(gate, false);
    }
}
