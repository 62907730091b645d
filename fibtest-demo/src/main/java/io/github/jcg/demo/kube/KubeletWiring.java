package io.github.jcg.demo.kube;

import io.github.jcg.core.CgroupHost;
import io.github.jcg.demo.DemoException;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;
import io.github.jcg.kube.cgroups.ControllerVersions;
import io.github.jcg.kube.cgroups.KubeletCgroups;
import io.github.jcg.kube.cgroups.PlannedFile;
import io.github.jcg.kube.cgroups.PlannedGroup;
import io.github.jcg.kube.cgroups.PodCgroups;
import io.github.jcg.kube.cgroups.PodPlan;
import io.github.jcg.kube.node.KubeletConfig;
import io.github.jcg.kube.node.Node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * The node: this machine's CPUs and memory as capacity, the kubelet's defaults (no
     * reservations, {@code evictionHard memory.available 100Mi}, {@code enforceNodeAllocatable
     * [pods]}, CFS quota on, 100 ms period) and the demo's cgroupRoot.
     */
    static Node node(String cgroupRoot, int cpus) {
        KubeletConfig config = new KubeletConfig(ResourceList.EMPTY, ResourceList.EMPTY, "100Mi", Set.of("pods"), true,
                KubeletCgroups.DEFAULT_PERIOD_MICROS, 0.9, Map.of(), cgroupRoot, true, 110);
        long memory = memTotalBytes();
        ResourceList capacity = new ResourceList(Map.of(ResourceList.CPU, Quantity.of(cpus),
                ResourceList.MEMORY, Quantity.ofBytes(memory), "pods", Quantity.of(110)));
        ResourceList allocatable = capacity.with(ResourceList.MEMORY, Quantity.ofBytes(Math.max(0, memory - 100L * 1024 * 1024)));
        return new Node(capacity, allocatable, capacity, config);
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
        PlannedValues values = new PlannedValues(value(container, "cpu.shares", "cpu.weight"),
                value(container, "cpu.cfs_quota_us", "cpu.max"), value(container, "memory.limit_in_bytes", "memory.max"));
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
