package io.github.jcg.demo.kube;

import io.github.jcg.core.CgroupHost;
import io.github.jcg.demo.DemoException;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.cgroups.ControllerVersions;
import io.github.jcg.kube.cgroups.KubeletCgroups;
import io.github.jcg.kube.cgroups.PlannedFile;
import io.github.jcg.kube.cgroups.PlannedGroup;
import io.github.jcg.kube.cgroups.PodCgroups;
import io.github.jcg.kube.cgroups.PodPlan;
import io.github.jcg.kube.node.KubeletConfig;
import io.github.jcg.kube.node.Node;
import io.github.jcg.kube.node.NodeCapacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one place act two meets cgroups-kube's planner: a node of this machine with the kubelet's
 * default configuration but the demo's own {@code cgroupRoot}, {@link KubeletCgroups} for the
 * values, {@link PodCgroups} to apply and delete them.
 */
final class KubeletWiring implements KubeletGroups {
    private final CgroupHost host;
    private final String cgroupRoot;
    private final KubeletCgroups kubelet;

    private KubeletWiring(CgroupHost host, String cgroupRoot, KubeletCgroups kubelet) {
        this.host = host;
        this.cgroupRoot = cgroupRoot;
        this.kubelet = kubelet;
    }

    /**
     * @param host       the discovered host
     * @param cgroupRoot the kubelet's cgroupRoot for this run
     * @param cpus       the machine's CPUs (the node's capacity)
     * @return the wiring
     * @throws DemoException when the host lacks what the kubelet needs (cpu and memory controllers)
     */
    static KubeletGroups create(CgroupHost host, String cgroupRoot, int cpus) {
        try {
            return new KubeletWiring(host, cgroupRoot, new KubeletCgroups(node(cgroupRoot, cpus), ControllerVersions.of(host.layout())));
        } catch (IllegalArgumentException e) {
            throw new DemoException(e.getMessage(), e);
        }
    }

    /**
     * The node: this machine's CPUs and memory ({@code MemTotal}, as cAdvisor reads it) as
     * capacity, the kubelet's default configuration ({@link KubeletConfig#defaults()}) with the
     * demo's cgroupRoot, Allocatable as the kubelet computes it ({@link Node#of}).
     */
    static Node node(String cgroupRoot, int cpus) {
        KubeletConfig d = KubeletConfig.defaults();
        KubeletConfig config = new KubeletConfig(d.systemReserved(), d.kubeReserved(), d.evictionHardMemoryAvailable(),
                d.enforceNodeAllocatable(), d.cpuCfsQuota(), d.cpuCfsQuotaPeriodMicros(), d.memoryThrottlingFactor(),
                d.featureGates(), cgroupRoot, d.cgroupsPerQos(), d.maxPods());
        return Node.of(NodeCapacity.of(cpus, memTotalBytes(), Map.of(), config), config);
    }

    private static long memTotalBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        throw new DemoException("cannot read MemTotal from /proc/meminfo, the node's memory capacity");
    }

    @Override
    public String cgroupRoot() {
        return cgroupRoot;
    }

    @Override
    public PodGroups plan(Pod pod, List<Pod> podsOnNode) {
        PodPlan plan = kubelet.plan(pod, podsOnNode);
        PlannedGroup container = plan.container(pod.containers().get(0).name());
        // the pod group's values: pods are the siblings that share the burstable tier's CPU, and on
        // v2 their weights come from the kubelet's own linear formula (10 : 30 for 256 : 768 shares),
        // while the container below, alone in its pod, gets runc's curve (35 : 80) to no effect
        PlannedGroup podGroup = plan.podGroup();
        PlannedValues values = new PlannedValues(value(podGroup, "cpu.shares", "cpu.weight"),
                value(podGroup, "cpu.cfs_quota_us", "cpu.max"), value(podGroup, "memory.limit_in_bytes", "memory.max"));
        return new PodGroups(pod, plan.qosClass().apiName(), plan.podGroup().path(), container.path(), values, plan);
    }

    @Override
    public void apply(PodGroups groups) {
        PodCgroups.apply(host, ((PodPlan) groups.plan()).groups());
    }

    @Override
    public void delete(PodGroups groups) {
        // as the kubelet's pod cleanup: whatever is left in the pod's groups is killed first
        PodCgroups.delete(host, (PodPlan) groups.plan(), true);
    }

    private static String value(PlannedGroup group, String v1, String v2) {
        return group.file(v1).or(() -> group.file(v2)).map(PlannedFile::value).orElse("-");
    }
}
