package io.github.jcg.core.kernel;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.sample.Metric;
import io.github.jcg.core.sample.UsageSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The v2 core files on this host's real v2 hierarchy: on a hybrid host that is the
 * controller-less unified mount, which still has procs, freeze, kill, events and cpu.stat.
 */
class V2CoreKernelTest {
    private RealKernel kernel;

    @BeforeEach
    void setUp() {
        kernel = RealKernel.requireV2();
    }

    @AfterEach
    void tearDown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private Cgroup group(String child) {
        return kernel.host.group(kernel.path(child), ControllerSelection.none());
    }

    @Test
    void aGroupWithoutControllersLivesOnTheV2Hierarchy() {
        Cgroup g = group("core").create();

        assertThat(g.hierarchies()).extracting(Hierarchy::version).containsExactly(CgroupVersion.V2);
        assertThat(g.read("cgroup.type").strip()).isEqualTo("domain");
        assertThat(g.read("cgroup.events")).contains("populated 0");
    }

    @Test
    void attachedProcessShowsInProcsAndPopulatesEvents() throws Exception {
        Cgroup g = group("procs").create();
        Process p = kernel.sleeper();

        g.attach(p.pid());

        assertThat(g.processes()).containsExactly(p.pid());
        assertThat(g.threads()).containsExactly(p.pid());
        assertThat(g.isPopulated()).isTrue();
        assertThat(g.read("cgroup.events")).contains("populated 1");
    }

    @Test
    void freezeReachesFrozenInEventsAndThawReleases() throws Exception {
        Cgroup g = group("freeze").create();
        Process loop = kernel.busyLoop();
        g.attach(loop.pid());

        g.freeze();
        assertThat(g.read("cgroup.events")).contains("frozen 1");
        assertThat(g.isFrozen()).isTrue();
        long frozenAt = g.usage().getAsLong(Metric.CPU_USAGE_NANOS);
        Thread.sleep(300);
        assertThat(g.usage().getAsLong(Metric.CPU_USAGE_NANOS)).isEqualTo(frozenAt);

        g.thaw();
        assertThat(g.read("cgroup.events")).contains("frozen 0");
        Thread.sleep(300);
        assertThat(g.usage().getAsLong(Metric.CPU_USAGE_NANOS)).isGreaterThan(frozenAt);
    }

    @Test
    void killEmptiesTheWholeSubtreeThroughCgroupKill() throws Exception {
        Cgroup top = group("kill").create();
        Cgroup child = group("kill/child").create();
        Process a = kernel.sleeper();
        Process b = kernel.busyLoop();
        top.attach(a.pid());
        child.attach(b.pid());

        top.kill();

        assertThat(a.waitFor()).isEqualTo(137);
        assertThat(b.waitFor()).isEqualTo(137);
        assertThat(top.isPopulated()).isFalse();
        top.delete(DeleteOptions.defaults().recursively());
        assertThat(top.exists()).isFalse();
    }

    @Test
    void cpuStatCountsUsageWithoutTheCpuController() throws Exception {
        Cgroup g = group("usage").create();
        Process loop = kernel.busyLoop();
        g.attach(loop.pid());
        // a loaded machine may give the loop little CPU: wait for it rather than guess a sleep
        long deadline = System.nanoTime() + 10_000_000_000L;
        UsageSnapshot usage = g.usage();
        while (usage.getAsLong(Metric.CPU_USAGE_NANOS) < 50_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(50);
            usage = g.usage();
        }

        assertThat(usage.getAsLong(Metric.CPU_USAGE_NANOS)).isGreaterThan(50_000_000L);
        assertThat(usage.getAsLong(Metric.CPU_USER_NANOS) + usage.getAsLong(Metric.CPU_SYSTEM_NANOS))
                .isLessThanOrEqualTo(usage.getAsLong(Metric.CPU_USAGE_NANOS) + 10_000_000L);
        assertThat(usage.getAsLong(Metric.PROCESSES)).isEqualTo(1);
        // the pressure files live on the v2 mount: read where present, never invented
        boolean hasPressureFile = g.directory(g.hierarchies().get(0)).resolve("cpu.pressure").toFile().exists();
        assertThat(usage.has(Metric.PSI_CPU_SOME_MICROS)).isEqualTo(hasPressureFile);
    }

    @Test
    void deleteRemovesAnEmptyGroupAndItsChildrenRecursively() {
        Cgroup top = group("tree").create();
        group("tree/a/b").create();

        top.delete(DeleteOptions.defaults().recursively());

        assertThat(top.exists()).isFalse();
    }
}
