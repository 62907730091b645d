package io.github.jcg.kube.cgroups;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;

import java.util.Objects;

/**
 * Which cgroup version holds each controller the kubelet writes to. On a legacy or unified host
 * all three agree; on a hybrid or split host they may not (cpu on a v1 mount, memory on
 * cgroup2), and each controller's files are then planned in its own version's spelling.
 *
 * <p>The real kubelet decides once per host ({@code IsCgroup2UnifiedMode}) and treats a hybrid
 * host as v1; jcg plans per controller so that the same plan can be applied to every layout the
 * core supports. What only v2 has (MemoryQoS, {@code memory.swap.max}, {@code memory.oom.group})
 * follows the memory controller's version.
 *
 * @param cpu    where {@code cpu} lives: {@code cpu.shares}/{@code cpu.cfs_*} on v1,
 *               {@code cpu.weight}/{@code cpu.max} on v2
 * @param memory where {@code memory} lives: {@code memory.limit_in_bytes} on v1,
 *               {@code memory.max} and friends on v2
 * @param pids   where {@code pids} lives ({@code pids.max} is spelt the same in both)
 */
public record ControllerVersions(CgroupVersion cpu, CgroupVersion memory, CgroupVersion pids) {

    /**
     * Refuses missing versions.
     *
     * @param cpu    where {@code cpu} lives: {@code cpu.shares}/{@code cpu.cfs_*} on v1, {@code cpu.weight}/{@code cpu.max} on v2
     * @param memory where {@code memory} lives: {@code memory.limit_in_bytes} on v1, {@code memory.max} and friends on v2
     * @param pids   where {@code pids} lives ({@code pids.max} is spelt the same in both)
     */
    public ControllerVersions {
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(pids, "pids");
    }

    /**
     * Every controller on cgroup v1.
     *
     * @return v1, v1, v1
     */
    public static ControllerVersions allV1() {
        return new ControllerVersions(CgroupVersion.V1, CgroupVersion.V1, CgroupVersion.V1);
    }

    /**
     * Every controller on cgroup v2.
     *
     * @return v2, v2, v2
     */
    public static ControllerVersions allV2() {
        return new ControllerVersions(CgroupVersion.V2, CgroupVersion.V2, CgroupVersion.V2);
    }

    /**
     * Where each controller lives on a discovered host.
     *
     * @param layout the host's layout ({@code CgroupHost.layout()})
     * @return the version of the hierarchy holding cpu, memory and pids; a host without pids is
     *         given memory's version for it (no pids file is planned unless the node's enforced
     *         Allocatable has {@code pid}, and applying one there fails naming the controller)
     * @throws IllegalArgumentException when the host has no cpu or no memory controller: the
     *                                  kubelet refuses to start without them
     */
    public static ControllerVersions of(HostLayout layout) {
        CgroupVersion cpu = versionOf(layout, Controller.CPU);
        CgroupVersion memory = versionOf(layout, Controller.MEMORY);
        CgroupVersion pids = layout.hierarchyOf(Controller.PIDS).map(Hierarchy::version).orElse(memory);
        return new ControllerVersions(cpu, memory, pids);
    }

    private static CgroupVersion versionOf(HostLayout layout, Controller controller) {
        return layout.hierarchyOf(controller).map(Hierarchy::version).orElseThrow(() -> new IllegalArgumentException(
                "this host has no " + controller + " controller (available: " + layout.describeAvailable()
                        + "); the kubelet needs cpu and memory to make pod cgroups"));
    }
}
