package io.github.jcg.demo.kube;

/**
 * The values the kubelet writes into a pod's cgroup, as the plan gives them: text as
 * written to the kernel, or {@code -} where the plan writes nothing.
 *
 * @param cpuWeight   {@code cpu.shares} (v1) or {@code cpu.weight} (v2)
 * @param cpuQuota    {@code cpu.cfs_quota_us} (v1, -1 for none) or {@code cpu.max} (v2)
 * @param memoryLimit {@code memory.limit_in_bytes} (v1) or {@code memory.max} (v2)
 */
public record PlannedValues(String cpuWeight, String cpuQuota, String memoryLimit) {
    /** Nothing planned: every value {@code -}. */
    public static final PlannedValues NONE = new PlannedValues("-", "-", "-");
}
