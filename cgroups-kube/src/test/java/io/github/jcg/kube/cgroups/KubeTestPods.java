package io.github.jcg.kube.cgroups;

import io.github.jcg.kube.Container;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;
import io.github.jcg.kube.node.KubeletConfig;
import io.github.jcg.kube.node.Node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders for the records the planner reads, so that each test reads like the kubelet's tables. */
final class KubeTestPods {
    static final long MiB = 1L << 20;
    static final long GiB = 1L << 30;

    private KubeTestPods() {
    }

    /** A resource list as the Go tests' {@code getResourceList(cpu, memory)}: "" leaves a resource out. */
    static ResourceList rl(String cpu, String memory) {
        Map<String, Quantity> m = new LinkedHashMap<>();
        if (!cpu.isEmpty()) {
            m.put(ResourceList.CPU, Quantity.parse(cpu));
        }
        if (!memory.isEmpty()) {
            m.put(ResourceList.MEMORY, Quantity.parse(memory));
        }
        return new ResourceList(m);
    }

    static Container regular(String name, ResourceList requests, ResourceList limits) {
        return new Container(name, Container.Kind.REGULAR, requests, limits);
    }

    static Container init(String name, ResourceList requests, ResourceList limits) {
        return new Container(name, Container.Kind.INIT, requests, limits);
    }

    static Container sidecar(String name, ResourceList requests, ResourceList limits) {
        return new Container(name, Container.Kind.SIDECAR, requests, limits);
    }

    static Pod pod(String name, List<Container> initContainers, List<Container> containers) {
        return pod(name, initContainers, containers, ResourceList.EMPTY);
    }

    static Pod pod(String name, List<Container> initContainers, List<Container> containers, ResourceList overhead) {
        return new Pod(name, "default", "uid-" + name, 0, initContainers, containers, overhead);
    }

    static Pod pod(String name, Container... containers) {
        return pod(name, List.of(), List.of(containers));
    }

    static KubeletConfig config(boolean cpuCfsQuota, long periodMicros, Map<String, Boolean> gates, String cgroupRoot) {
        return new KubeletConfig(rl("", "1Gi"), rl("", "512Mi"), "100Mi", Set.of("pods"), cpuCfsQuota, periodMicros,
                0.9, gates, cgroupRoot, true, 110);
    }

    static KubeletConfig config() {
        return config(true, 100_000, Map.of(), "/");
    }

    /**
     * A node of 4 CPUs and 8Gi whose kubepods group is held to 3500m, 6Gi and 4096 pids (the
     * Allocatable fields are given directly: another part of jcg computes them).
     */
    static Node node(KubeletConfig config) {
        ResourceList capacity = new ResourceList(Map.of(ResourceList.CPU, Quantity.parse("4"),
                ResourceList.MEMORY, Quantity.parse("8Gi"), "pods", Quantity.of(110), "pid", Quantity.of(4_194_304)));
        ResourceList allocatable = new ResourceList(Map.of(ResourceList.CPU, Quantity.parse("3500m"),
                ResourceList.MEMORY, Quantity.parse("6044Mi"), "pods", Quantity.of(110)));
        ResourceList enforced = new ResourceList(Map.of(ResourceList.CPU, Quantity.parse("3500m"),
                ResourceList.MEMORY, Quantity.parse("6Gi"), "pid", Quantity.of(4096)));
        return new Node(capacity, allocatable, enforced, config);
    }

    /** {@code "a=1", "b=2"} as an ordered map, for comparing with {@link PlannedGroup#values()}. */
    static Map<String, String> files(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            out.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return out;
    }
}
