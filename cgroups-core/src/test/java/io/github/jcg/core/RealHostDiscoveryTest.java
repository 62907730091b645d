package io.github.jcg.core;

import io.github.jcg.core.sample.UsageReader;
import io.github.jcg.core.sample.UsageSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Discovery of the machine the tests run on. Reads /proc and /sys/fs/cgroup and nothing else:
 * it never writes there. Skipped where no cgroup filesystem is mounted.
 */
@Tag("real-kernel")
class RealHostDiscoveryTest {
    private static String mountinfo;

    @BeforeAll
    static void needsACgroupFilesystem() throws IOException {
        Path file = Path.of("/proc/self/mountinfo");
        assumeTrue(Files.isReadable(file), "no /proc/self/mountinfo: not Linux, or /proc not mounted");
        mountinfo = Files.readString(file);
        assumeTrue(mountinfo.contains(" - cgroup"), "no cgroup filesystem mounted on this machine");
    }

    @Test
    void theModeFollowsTheFilesystemTypesMounted() {
        // counted apart from the parser: the type is the first field after " - "
        boolean v1 = mountinfo.lines().anyMatch(l -> l.contains(" - cgroup "));
        boolean v2 = mountinfo.lines().anyMatch(l -> l.contains(" - cgroup2 "));
        HierarchyMode expected = v1 && v2 ? HierarchyMode.HYBRID : v2 ? HierarchyMode.UNIFIED : HierarchyMode.LEGACY;

        assertThat(CgroupHost.discover().mode()).isEqualTo(expected);
    }

    @Test
    void everyHierarchyIsADirectoryAndOurOwnGroupsAreInIt() {
        for (Hierarchy h : CgroupHost.discover().layout().hierarchies()) {
            assertThat(h.mountPoint()).as("%s", h).isDirectory();
            h.ownGroupOnMount().ifPresent(own -> assertThat(own.isRoot() ? h.mountPoint() : h.mountPoint().resolve(own.relative()))
                    .as("own group of %s", h).isDirectory());
        }
    }

    @Test
    void theV2ControllersAreThoseItsRootOffers() throws IOException {
        Hierarchy v2 = CgroupHost.discover().layout().unified().orElse(null);
        assumeTrue(v2 != null, "no cgroup v2 mount on this machine");

        Set<String> offered = Set.of(Files.readString(v2.mountPoint().resolve("cgroup.controllers")).strip().split("\\s+"));
        for (Controller c : v2.controllers()) {
            assertThat(offered).contains(c.kernelName());
        }
    }

    @Test
    void theRootGroupHasCpuUsage() {
        HostLayout layout = CgroupHost.discover().layout();
        assumeTrue(layout.hierarchyOf(Controller.CPUACCT).isPresent() || layout.mode() == HierarchyMode.UNIFIED,
                "no CPU accounting mounted");

        UsageSnapshot root = new UsageReader(layout).read(CgroupPath.root());

        assertThat(root).isNotNull();
        assertThat(root.cpuUsageNanos()).isPresent();
        assertThat(root.cpuUsageNanos().getAsLong()).isPositive();
    }
}
