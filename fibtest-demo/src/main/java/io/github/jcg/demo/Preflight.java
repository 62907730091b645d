package io.github.jcg.demo;

import io.github.jcg.core.ProcessIds;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HierarchyMode;
import io.github.jcg.core.HostLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What must hold before the demo creates anything, each refusal one line naming the fix:
 * root, a cpu controller (and on v1 cpuacct, for the group's CPU accounting).
 */
final class Preflight {
    private Preflight() {
    }

    /** Throws unless this process runs as root. */
    static void requireRoot(long uid) {
        if (uid != 0) {
            throw new DemoException("the demo creates a cgroup and sets CPU limits, which needs root (uid is " + uid
                    + "); run as root (sudo ./jcg demo)");
        }
    }

    /**
     * The controllers to create the group in: {@code cpu,cpuacct} on v1 (or {@code cpu,cpuacct}
     * co-mounted), {@code cpu} on v2.
     */
    static String controllersFor(HostLayout layout) {
        Optional<Hierarchy> cpu = layout.hierarchyOf(Controller.CPU);
        if (cpu.isEmpty()) {
            throw noCpu(layout);
        }
        if (cpu.get().version() == CgroupVersion.V2) {
            return "cpu";
        }
        if (layout.hierarchyOf(Controller.CPUACCT).isEmpty()) {
            throw new DemoException("the cpuacct controller is not mounted, and the demo reads the group's CPU use from"
                    + " cpuacct.usage; mount it (mount -t cgroup -o cpuacct cgroup /sys/fs/cgroup/cpuacct) (available: "
                    + layout.describeAvailable() + ")");
        }
        return "cpu,cpuacct";
    }

    private static DemoException noCpu(HostLayout layout) {
        Optional<Hierarchy> unified = layout.unified();
        if (layout.mode() == HierarchyMode.UNIFIED && unified.isPresent()) {
            Path root = unified.get().mountPoint();
            return new DemoException("the cpu controller is not enabled on this cgroup v2 hierarchy: "
                    + root.resolve("cgroup.controllers") + " offers only " + offered(root)
                    + "; enable it in the parent's cgroup.subtree_control (echo +cpu > <parent>/cgroup.subtree_control),"
                    + " or free it from cgroup v1");
        }
        return new DemoException("no cpu controller is mounted on this host, so no CPU limit can be set (available: "
                + layout.describeAvailable() + "); mount it (v1: mount -t cgroup -o cpu cgroup /sys/fs/cgroup/cpu)");
    }

    private static String offered(Path root) {
        try {
            String text = Files.readString(root.resolve("cgroup.controllers")).strip();
            return text.isEmpty() ? "none" : text;
        } catch (IOException e) {
            return "nothing readable";
        }
    }

    /** This process's effective uid; -1 when it cannot be read. */
    static long uid() {
        try {
            return ProcessIds.current().effectiveUid();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
