package io.github.jcg.demo.kube;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.kube.Container;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.QosClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * INTERIM, until the kube-cgroups branch lands: the kubelet's values for the demo's pods
 * (cgroupfs driver, cpuCFSQuota on, period 100 ms), computed here for one-container Burstable
 * pods only, so the act can run. Replaced by cgroups-kube's {@code KubeletCgroups} and
 * {@code PodCgroups} when they are merged.
 */
final class KubeletWiring implements KubeletGroups {
    private static final long PERIOD = 100_000;
    private final CgroupHost host;
    private final String cgroupRoot;
    private final boolean v2;
    private final String controllers;

    private KubeletWiring(CgroupHost host, String cgroupRoot) {
        this.host = host;
        this.cgroupRoot = cgroupRoot;
        this.v2 = host.layout().hierarchyOf(Controller.CPU).map(Hierarchy::version).orElse(CgroupVersion.V1) == CgroupVersion.V2;
        List<String> names = new ArrayList<>();
        for (Controller c : List.of(Controller.CPU, Controller.CPUACCT, Controller.MEMORY)) {
            host.layout().hierarchyOf(c).filter(h -> !(v2 && c == Controller.CPUACCT)).ifPresent(h -> names.add(c.name().toLowerCase(java.util.Locale.ROOT)));
        }
        this.controllers = String.join(",", names);
    }

    static KubeletGroups create(CgroupHost host, String cgroupRoot) {
        return new KubeletWiring(host, cgroupRoot);
    }

    @Override
    public String cgroupRoot() {
        return cgroupRoot;
    }

    @Override
    public PodGroups plan(Pod pod, List<Pod> podsOnNode) {
        Container c = pod.containers().get(0);
        String qos = QosClass.of(pod).apiName();
        String podGroup = cgroupRoot + "/kubepods/" + qos.toLowerCase(java.util.Locale.ROOT) + "/pod" + pod.uid();
        String container = podGroup + "/" + c.name();
        long shares = Math.max(2, c.requests().cpu().milliValue() * 1024 / 1000);
        String weight = v2 ? Long.toString(1 + ((shares - 2) * 9999) / 262142) : Long.toString(shares);
        boolean cpuLimit = c.limits().has("cpu");
        long quota = cpuLimit ? Math.max(1000, c.limits().cpu().milliValue() * PERIOD / 1000) : -1;
        String quotaText = v2 ? (quota < 0 ? "max" : Long.toString(quota)) + " " + PERIOD : Long.toString(quota);
        String memory = c.limits().has("memory") ? Long.toString(c.limits().memory().value()) : v2 ? "max" : "-";
        Map<String, String> files = new LinkedHashMap<>();
        files.put(v2 ? "cpu.weight" : "cpu.shares", weight);
        files.put(v2 ? "cpu.max" : "cpu.cfs_quota_us", quotaText);
        if (!"-".equals(memory)) {
            files.put(v2 ? "memory.max" : "memory.limit_in_bytes", memory);
        }
        return new PodGroups(pod, qos, podGroup, container, new PlannedValues(weight, quotaText, memory), files);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void apply(PodGroups groups) {
        Map<String, String> files = (Map<String, String>) groups.plan();
        for (String path : List.of(groups.podGroup(), groups.containerGroup())) {
            Cgroup g = host.group(path, ControllerSelection.parse(controllers)).create();
            files.forEach(g::write);
        }
    }

    @Override
    public void delete(PodGroups groups) {
        host.group(groups.podGroup(), ControllerSelection.parse(controllers))
                .delete(DeleteOptions.defaults().recursively().onPopulated(DeleteOptions.OnPopulated.KILL).ignoringMissing());
    }
}
