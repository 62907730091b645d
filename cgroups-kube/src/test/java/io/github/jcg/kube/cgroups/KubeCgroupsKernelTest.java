package io.github.jcg.kube.cgroups;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.GroupBusyException;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.node.KubeletConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.github.jcg.kube.cgroups.KubeTestPods.init;
import static io.github.jcg.kube.cgroups.KubeTestPods.node;
import static io.github.jcg.kube.cgroups.KubeTestPods.pod;
import static io.github.jcg.kube.cgroups.KubeTestPods.regular;
import static io.github.jcg.kube.cgroups.KubeTestPods.rl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plans applied to the real kernel and read back from cgroupfs, whichever version holds each
 * controller: this machine's v1 hierarchies, or the VM lane's pure v2, v1 and split layouts
 * (system property {@code jcg.vm.layout}). Everything lives under one uniquely named
 * {@code cgroupRoot} that is removed afterwards, even when a test fails. Root only.
 *
 * <p>No process is ever put into a memory group here: the one process the delete test needs goes
 * into the cpu hierarchy alone (the machine's supervisor keeps its own processes in v1 memory
 * groups that must not be touched).
 */
class KubeCgroupsKernelTest {
    private static final List<Controller> KUBELET_CONTROLLERS =
            List.of(Controller.CPU, Controller.CPUACCT, Controller.MEMORY, Controller.PIDS);

    private CgroupHost host;
    private ControllerVersions versions;
    private String root;
    private KubeletCgroups planner;
    private final List<Process> started = new ArrayList<>();

    private final Pod web = pod("web",
            List.of(init("setup", rl("100m", "32Mi"), rl("200m", "64Mi"))),
            List.of(regular("app", rl("250m", "64Mi"), rl("500m", "128Mi")),
                    regular("log", rl("100m", "16Mi"), rl("", ""))));
    private final Pod db = pod("db", regular("db", rl("1", "256Mi"), rl("1", "256Mi")));

    @BeforeEach
    void setUp() throws IOException {
        skipUnless(isRoot(), "not running as root (cgroups can only be created by root here)");
        host = CgroupHost.discover();
        skipUnless(host.layout().hierarchies().stream().anyMatch(h -> Files.isWritable(h.mountPoint())),
                "no writable cgroup hierarchy on this host (mode " + host.mode() + ")");
        skipUnless(host.layout().hierarchyOf(Controller.CPU).isPresent()
                && host.layout().hierarchyOf(Controller.MEMORY).isPresent(), "this layout lacks the cpu or memory"
                + " controller (available: " + host.layout().describeAvailable() + ")");
        versions = ControllerVersions.of(host.layout());
        root = "/jcg-test-" + UUID.randomUUID().toString().substring(0, 8);
        KubeletConfig config = KubeTestPods.config(true, 100_000, Map.of(KubeletCgroups.MEMORY_QOS, true), root);
        planner = new KubeletCgroups(node(config), versions);
    }

    @AfterEach
    void tearDown() {
        started.forEach(Process::destroyForcibly);
        if (host != null && root != null) {
            host.group(CgroupPath.of(root), selection()).delete(DeleteOptions.defaults().recursively().ignoringMissing()
                    .onPopulated(DeleteOptions.OnPopulated.KILL));
            assertThat(existsAnywhere(root)).as("the test root %s is gone", root).isFalse();
        }
    }

    @Test
    void appliedPlansReadBackExactlyAsPlanned() {
        PodPlan guaranteed = planner.plan(db, List.of(db));
        PodCgroups.apply(host, guaranteed.groups());
        assertReadsBack(guaranteed.groups());

        PodPlan burstable = planner.plan(web, List.of(db, web));
        PodCgroups.apply(host, burstable.groups());
        assertReadsBack(burstable.groups());
        assertThat(burstable.podGroup().path()).isEqualTo(root + "/kubepods/burstable/poduid-web");
        assertThat(read(burstable.nodeGroups().get(1).path(), cpuFile()))
                .isEqualTo(versions.cpu() == CgroupVersion.V1 ? "358" : "14");

        PodCgroups.delete(host, burstable);
        assertThat(existsAnywhere(burstable.podGroup().path())).isFalse();
        List<PlannedGroup> after = planner.planNode(List.of(db));
        PodCgroups.apply(host, after);
        assertReadsBack(after);
        assertThat(read(after.get(1).path(), cpuFile())).isEqualTo(versions.cpu() == CgroupVersion.V1 ? "2" : "1");

        PodCgroups.delete(host, guaranteed);
        assertThat(existsAnywhere(guaranteed.podGroup().path())).isFalse();
        assertThat(existsAnywhere(root + "/kubepods")).isTrue();
    }

    @Test
    void aFailingPlanLeavesNothingBehind() {
        PodCgroups.apply(host, planner.plan(db, List.of(db)).groups());
        String burstableTier = root + "/kubepods/burstable";
        String sharesBefore = read(burstableTier, cpuFile());

        PodPlan plan = planner.plan(web, List.of(db, web));
        List<PlannedGroup> broken = new ArrayList<>(plan.groups());
        PlannedGroup last = broken.remove(broken.size() - 1);
        String memoryFile = versions.memory() == CgroupVersion.V1 ? "memory.limit_in_bytes" : "memory.max";
        broken.add(last.with(new PlannedFile(memoryFile, "12abc", "injected: not a number")));

        assertThatThrownBy(() -> PodCgroups.apply(host, broken))
                .isInstanceOf(CgroupException.class)
                .hasMessageContaining("cgroup " + last.path() + ": writing " + memoryFile + " = 12abc failed")
                .hasMessageContaining("were removed")
                .satisfies(e -> {
                    CgroupException c = (CgroupException) e;
                    assertThat(c.group()).contains(last.path());
                    assertThat(c.file()).contains(memoryFile);
                    assertThat(c.value()).contains("12abc");
                    assertThat(c.getMessage()).doesNotContain("\n");
                });

        assertThat(existsAnywhere(plan.podGroup().path())).as("the pod group was removed").isFalse();
        for (PlannedGroup c : plan.containers()) {
            assertThat(existsAnywhere(c.path())).as("container group %s was removed", c.path()).isFalse();
        }
        assertThat(read(burstableTier, cpuFile())).as("the burstable tier's shares were restored").isEqualTo(sharesBefore);
        assertThat(sharesBefore).isEqualTo(versions.cpu() == CgroupVersion.V1 ? "2" : "1");
    }

    @Test
    void aValueTheKernelRefusesIsReportedWithItsErrnoAndUndone() {
        // only v1 holds a child's CFS quota to its parent's; v2 takes any quota
        skipUnless(versions.cpu() == CgroupVersion.V1, "cpu is on cgroup v2 in this layout: the kernel accepts a"
                + " container quota above its pod's there");
        PodPlan plan = planner.plan(db, List.of(db));
        List<PlannedGroup> broken = new ArrayList<>(plan.groups());
        PlannedGroup container = broken.remove(broken.size() - 1);
        broken.add(container.with(new PlannedFile("cpu.cfs_quota_us", "200000", "injected: twice the pod's quota")));

        assertThatThrownBy(() -> PodCgroups.apply(host, broken))
                .isInstanceOf(CgroupException.class)
                .hasMessageStartingWith("cgroup " + container.path() + ": writing cpu.cfs_quota_us = 200000 failed (EINVAL")
                .satisfies(e -> assertThat(((CgroupException) e).errno()).contains(io.github.jcg.core.Errno.EINVAL));

        assertThat(existsAnywhere(root + "/kubepods")).as("everything this apply made was removed").isFalse();
    }

    @Test
    void deleteRefusesAPodWithProcessesUnlessToldToKill() throws Exception {
        PodPlan plan = planner.plan(web, List.of(web));
        PodCgroups.apply(host, plan.groups());
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        started.add(sleeper);
        // the cpu hierarchy only: never a memory group on this machine
        host.group(CgroupPath.of(plan.container("app").path()), ControllerSelection.of(Controller.CPU)).attach(sleeper.pid());

        assertThatThrownBy(() -> PodCgroups.delete(host, plan))
                .isInstanceOf(GroupBusyException.class)
                .hasMessageContaining("pod default/web still has processes in " + plan.podGroup().path());
        assertThat(existsAnywhere(plan.podGroup().path())).isTrue();

        PodCgroups.delete(host, plan, true);

        assertThat(sleeper.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(existsAnywhere(plan.podGroup().path())).isFalse();
    }

    // ---------------------------------------------------------------- helpers

    private void assertReadsBack(List<PlannedGroup> groups) {
        for (PlannedGroup g : groups) {
            for (PlannedFile f : g.files()) {
                assertThat(read(g.path(), f.name())).as("%s/%s (%s)", g.path(), f.name(), f.formula()).isEqualTo(f.value());
            }
        }
    }

    private String read(String path, String file) {
        return host.group(CgroupPath.of(path), selection()).read(file).strip();
    }

    private String cpuFile() {
        return versions.cpu() == CgroupVersion.V1 ? "cpu.shares" : "cpu.weight";
    }

    private ControllerSelection selection() {
        return ControllerSelection.of(KUBELET_CONTROLLERS.stream()
                .filter(c -> host.layout().hierarchyOf(c).isPresent()).toArray(Controller[]::new));
    }

    /** Whether the group's directory is in any of the kubelet's hierarchies. */
    private boolean existsAnywhere(String path) {
        Cgroup g = host.group(CgroupPath.of(path), selection());
        for (Hierarchy h : g.hierarchies()) {
            if (Files.isDirectory(g.directory(h))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRoot() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return line.split("\\s+")[1].equals("0");
            }
        }
        return false;
    }

    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("KubeCgroupsKernelTest skipped: " + reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }
}
