package io.github.jcg.demo;

import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.HostPaths;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The refusals before anything is created, on fake hosts laid out under a temporary directory. */
class PreflightTest {
    @TempDir
    Path root;
    private FakeHost fake;

    private CgroupHost host(String mountinfo, String procCgroups, String selfCgroup) {
        fake = FakeHost.empty(root).mountinfo(mountinfo).controllers(procCgroups).selfCgroup(selfCgroup);
        return CgroupHost.discover(HostPaths.under(fake.root()));
    }

    private HostLayout unified(String controllers) {
        host("30 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw\n", "", "0::/\n");
        fake.file("/sys/fs/cgroup/cgroup.controllers", controllers + "\n");
        return CgroupHost.discover(HostPaths.under(fake.root())).layout();
    }

    private CgroupHost hybrid() {
        return host("""
                32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
                33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
                35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
                41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
                """, "cpu\t1\t1\t1\ncpuacct\t2\t1\t1\nmemory\t4\t1\t1\n", "4:memory:/\n2:cpuacct:/\n1:cpu:/\n0::/\n");
    }

    @Test
    void notRootNamesTheFix() {
        assertThatThrownBy(() -> Preflight.requireRoot(1000)).isInstanceOf(DemoException.class)
                .hasMessage("the demo creates a cgroup and sets CPU limits, which needs root (uid is 1000); run as root (sudo ./jcg demo)");
        Preflight.requireRoot(0);
    }

    @Test
    void uidIsReadFromProc() {
        assertThat(Preflight.uid()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void v2WithoutTheCpuControllerSaysToEnableItInTheParentsSubtreeControl() {
        HostLayout layout = unified("memory pids");

        assertThatThrownBy(() -> Preflight.controllersFor(layout)).isInstanceOf(DemoException.class)
                .hasMessageContaining("the cpu controller is not enabled on this cgroup v2 hierarchy")
                .hasMessageContaining("offers only memory pids")
                .hasMessageContaining("enable it in the parent's cgroup.subtree_control");
    }

    @Test
    void v2WithTheCpuControllerUsesItAlone() {
        assertThat(Preflight.controllersFor(unified("cpuset cpu io memory pids"))).isEqualTo("cpu");
    }

    @Test
    void hybridAndLegacyHostsUseCpuAndCpuacct() {
        assertThat(Preflight.controllersFor(hybrid().layout())).isEqualTo("cpu,cpuacct");
    }

    @Test
    void coMountedCpuAndCpuacctIsOneHierarchy() {
        CgroupHost host = host("32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n",
                "cpu\t2\t1\t1\ncpuacct\t2\t1\t1\n", "2:cpu,cpuacct:/\n");

        assertThat(Preflight.controllersFor(host.layout())).isEqualTo("cpu,cpuacct");
        assertThat(DemoGroup.plan(host, "fibtest").directories()).containsExactly(
                root.resolve("sys/fs/cgroup/cpu,cpuacct/fibtest").toString());
    }

    @Test
    void noCpuControllerListsWhatIsAvailable() {
        CgroupHost host = host("35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n",
                "cpu\t0\t1\t1\nmemory\t4\t1\t1\n", "4:memory:/\n");

        assertThatThrownBy(() -> Preflight.controllersFor(host.layout()))
                .hasMessageStartingWith("no cpu controller is mounted on this host")
                .hasMessageContaining("(available: memory)");
    }

    @Test
    void cpuWithoutCpuacctOnV1IsRefusedBecauseTheGroupsUsageCannotBeRead() {
        CgroupHost host = host("32 31 0:29 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu\n", "cpu\t1\t1\t1\n", "1:cpu:/\n");

        assertThatThrownBy(() -> Preflight.controllersFor(host.layout())).hasMessageContaining("cpuacct controller is not mounted");
    }

    @Test
    void aGroupThatExistsIsNeverTakenOver() {
        CgroupHost host = hybrid();
        fake.dir("/sys/fs/cgroup/cpuacct/fibtest");

        assertThatThrownBy(() -> DemoGroup.plan(host, "fibtest")).isInstanceOf(DemoException.class)
                .hasMessageContaining("a group named /fibtest exists already")
                .hasMessageContaining("--group");
        assertThat(DemoGroup.plan(host, "fibtest2").path()).isEqualTo("/fibtest2");
    }

    @Test
    void theParentMustExist() {
        assertThatThrownBy(() -> DemoGroup.plan(hybrid(), "missing/fibtest")).hasMessageContaining("the parent of /missing/fibtest does not exist");
    }
}
