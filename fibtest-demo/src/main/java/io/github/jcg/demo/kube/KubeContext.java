package io.github.jcg.demo.kube;

/**
 * Where act two ran.
 *
 * @param cgroupRoot     the kubelet's {@code cgroupRoot} the demo made its own, {@code /jcg-demo-kube-<8 hex>}
 * @param hostMode       {@code unified}, {@code hybrid} or {@code legacy}
 * @param cgroupVersion  {@code v1} or {@code v2}: where the cpu controller is
 * @param cpus           the machine's CPUs
 * @param threads        fast fibtest threads per pod
 * @param settleSeconds  unmeasured seconds at the start of each CPU step
 * @param windowSeconds  measured seconds of each CPU step
 * @param weightFile     {@code cpu.shares} or {@code cpu.weight}
 * @param quotaFile      {@code cpu.cfs_quota_us} or {@code cpu.max}
 * @param memoryFile     {@code memory.limit_in_bytes} or {@code memory.max}
 */
public record KubeContext(String cgroupRoot, String hostMode, String cgroupVersion, int cpus, int threads,
                          int settleSeconds, int windowSeconds, String weightFile, String quotaFile, String memoryFile) {
}
