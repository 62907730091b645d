package io.github.jcg.core.kernel;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.ControllerNotAvailableException;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.Errno;
import io.github.jcg.core.GroupNotFoundException;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.KernelRefusedException;
import io.github.jcg.core.sample.Metric;
import io.github.jcg.core.sample.UsageSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every group does whatever its controllers: hold processes, say whether it is populated,
 * freeze, kill, count CPU time, be deleted. Where a v2 hierarchy exists that is a group without
 * controllers and the v2 core files ({@code cgroup.events}, {@code cgroup.freeze},
 * {@code cgroup.kill}, {@code cpu.stat}) — on a hybrid host the controller-less unified mount has
 * nothing else; on a v1-only layout it is the same behaviour through the freezer and cpuacct
 * hierarchies. Root only.
 */
class CoreFilesKernelTest {
    private RealKernel kernel;
    private boolean v2;

    @BeforeEach
    void setUp() {
        kernel = RealKernel.require();
        v2 = kernel.host.layout().unified().isPresent();
    }

    @AfterEach
    void tearDown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    /** No controller where there is a v2 hierarchy; v1 has no group without one, so freezer and cpuacct there. */
    private ControllerSelection core() {
        return v2 ? ControllerSelection.none() : kernel.select("cpuacct,freezer");
    }

    private Cgroup group(String child) {
        return kernel.group(child, core());
    }

    @Test
    void aGroupWithoutControllersLivesOnTheV2HierarchyOrIsRefusedWithTheReason() {
        if (!v2) {
            assertThatThrownBy(() -> kernel.group("core", ControllerSelection.none()).create())
                    .isInstanceOf(ControllerNotAvailableException.class)
                    .hasMessageContaining("no cgroup v2 hierarchy")
                    .hasMessageContaining("name the controllers");
            return;
        }
        Cgroup g = group("core").create();

        assertThat(g.hierarchies()).extracting(Hierarchy::version).containsExactly(CgroupVersion.V2);
        assertThat(g.read("cgroup.type").strip()).isEqualTo("domain");
        assertThat(g.read("cgroup.events")).contains("populated 0");
    }

    /**
     * A file of no controller that none of the group's hierarchies has is not taken to be in the
     * first of them: the file is missing (ENOENT), and the message says where it was looked for;
     * for a group in no hierarchy, the group is.
     */
    @Test
    void aFileOfNoControllerThatNoHierarchyHasIsMissingWithWhereItWasLookedFor() {
        Cgroup g = group("honest").create();
        String looked = g.directory(g.hierarchies().get(0)).toString();

        for (Runnable access : List.<Runnable>of(() -> g.read("cgroup.no_such_file"), () -> g.write("cgroup.no_such_file", "1"),
                () -> g.hierarchyOf("cgroup.no_such_file"))) {
            assertThatThrownBy(access::run)
                    .isInstanceOf(CgroupException.class)
                    .isNotInstanceOf(GroupNotFoundException.class)
                    .satisfies(e -> assertThat(((CgroupException) e).errno()).contains(Errno.ENOENT))
                    .hasMessageContaining("has no control file 'cgroup.no_such_file'")
                    .hasMessageContaining("looked in " + looked);
        }
        assertThat(g.hierarchyOf("cgroup.procs")).isEqualTo(g.hierarchies().get(0));
        assertThatThrownBy(() -> group("never-made").read("cgroup.no_such_file")).isInstanceOf(GroupNotFoundException.class);
    }

    @Test
    void aValueTheKernelRefusesIsToldApartFromAFileThatCannotBeOpened() {
        RealKernel.skipUnless(v2, "no cgroup v2 hierarchy");
        Cgroup g = group("refused").create();
        List<String> offered = List.of(g.read("cgroup.controllers").strip().split("\\s+"));
        String absent = Stream.of("memory", "pids", "cpu", "io").filter(c -> !offered.contains(c)).findFirst().orElse(null);
        RealKernel.skipUnless(absent != null, "the v2 hierarchy offers every controller, so +controller cannot be refused");

        // the file opens; write(2) answers ENOENT for a controller the parent does not offer
        assertThatThrownBy(() -> g.write("cgroup.subtree_control", "+" + absent))
                .isInstanceOfSatisfying(KernelRefusedException.class, e -> {
                    assertThat(e.errno()).contains(Errno.ENOENT);
                    assertThat(e.valueRefused()).as("refused by write(2)").isTrue();
                })
                .hasMessageContaining("cgroup.subtree_control");
    }

    @Test
    void attachedProcessShowsInProcsAndPopulatesTheGroupUntilItExits() throws Exception {
        Cgroup top = group("procs").create();
        Cgroup g = group("procs/child").create();
        Process p = kernel.sleeper();

        kernel.attach(g, p.pid());

        assertThat(g.processes()).containsExactly(p.pid());
        assertThat(g.threads()).containsExactly(p.pid());
        assertThat(g.isPopulated()).isTrue();
        // populated counts the whole subtree
        assertThat(top.isPopulated()).isTrue();
        assertThat(top.processes()).isEmpty();
        if (v2) {
            assertThat(g.read("cgroup.events")).contains("populated 1");
            assertThat(top.read("cgroup.events")).contains("populated 1");
        }

        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        awaitUnpopulated(top);
        assertThat(g.processes()).isEmpty();
        if (v2) {
            assertThat(top.read("cgroup.events")).contains("populated 0");
        }
    }

    /** An exited process leaves its group when its parent reaps it: a moment after waitFor. */
    private static void awaitUnpopulated(Cgroup g) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (g.isPopulated() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(g.isPopulated()).isFalse();
    }

    @Test
    void freezeReachesFrozenForTheWholeSubtreeAndThawReleases() throws Exception {
        Cgroup g = group("freeze").create();
        Cgroup child = group("freeze/child").create();
        Process loop = kernel.busyLoop();
        kernel.attach(child, loop.pid());

        g.freeze();
        assertThat(g.isFrozen()).isTrue();
        if (v2) {
            assertThat(g.read("cgroup.freeze").strip()).isEqualTo("1");
            assertThat(g.read("cgroup.events")).contains("frozen 1");
            // the child inherits the freeze (its own cgroup.freeze stays 0)
            assertThat(child.read("cgroup.events")).contains("frozen 1");
            assertThat(child.read("cgroup.freeze").strip()).isEqualTo("0");
        } else {
            assertThat(g.read("freezer.state").strip()).isEqualTo("FROZEN");
            assertThat(child.read("freezer.state").strip()).isEqualTo("FROZEN");
            assertThat(child.read("freezer.parent_freezing").strip()).isEqualTo("1");
        }
        long frozenAt = child.usage().getAsLong(Metric.CPU_USAGE_NANOS);
        Thread.sleep(300);
        assertThat(child.usage().getAsLong(Metric.CPU_USAGE_NANOS)).isEqualTo(frozenAt);

        g.thaw();
        assertThat(g.isFrozen()).isFalse();
        if (v2) {
            assertThat(g.read("cgroup.events")).contains("frozen 0");
            assertThat(child.read("cgroup.events")).contains("frozen 0");
        } else {
            assertThat(child.read("freezer.state").strip()).isEqualTo("THAWED");
        }
        Thread.sleep(300);
        assertThat(child.usage().getAsLong(Metric.CPU_USAGE_NANOS)).isGreaterThan(frozenAt);
    }

    @Test
    void killEmptiesTheWholeSubtree() throws Exception {
        Cgroup top = group("kill").create();
        Cgroup child = group("kill/child").create();
        Process a = kernel.sleeper();
        Process b = kernel.busyLoop();
        kernel.attach(top, a.pid());
        kernel.attach(child, b.pid());
        // v2 kills through cgroup.kill; v1 has none and freezes, kills each task, thaws
        assertThat(top.directory(top.hierarchies().get(0)).resolve("cgroup.kill").toFile().exists()).isEqualTo(v2);

        top.kill();

        assertThat(a.waitFor()).isEqualTo(137);
        assertThat(b.waitFor()).isEqualTo(137);
        assertThat(top.isPopulated()).isFalse();
        if (v2) {
            assertThat(top.read("cgroup.events")).contains("populated 0");
        } else {
            assertThat(top.read("freezer.state").strip()).isEqualTo("THAWED");
        }
        top.delete(DeleteOptions.defaults().recursively());
        assertThat(top.exists()).isFalse();
    }

    @Test
    void cpuTimeIsCountedWithoutTheCpuController() throws Exception {
        Cgroup g = group("usage").create();
        Process loop = kernel.busyLoop();
        kernel.attach(g, loop.pid());
        // a loaded machine may give the loop little CPU: wait for it rather than guess a sleep
        long deadline = System.nanoTime() + 10_000_000_000L;
        UsageSnapshot usage = g.usage();
        while (usage.getAsLong(Metric.CPU_USAGE_NANOS) < 50_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(50);
            usage = g.usage();
        }

        assertThat(usage.getAsLong(Metric.CPU_USAGE_NANOS)).isGreaterThan(50_000_000L);
        // v2: cpu.stat's usage_usec is a core file; v1: cpuacct.usage
        assertThat(g.fileNames(g.hierarchies().get(0))).contains(v2 ? "cpu.stat" : "cpuacct.usage");
        assertThat(usage.getAsLong(Metric.CPU_USER_NANOS) + usage.getAsLong(Metric.CPU_SYSTEM_NANOS))
                .isLessThanOrEqualTo(usage.getAsLong(Metric.CPU_USAGE_NANOS) + 20_000_000L);
        assertThat(usage.getAsLong(Metric.PROCESSES)).isEqualTo(1);
        // the pressure files live on the v2 mount: read where present, never invented
        boolean hasPressureFile = g.directory(g.hierarchies().get(0)).resolve("cpu.pressure").toFile().exists();
        assertThat(hasPressureFile).isEqualTo(v2 && kernel.host.layout().unified().get().mountPoint().resolve("cpu.pressure").toFile().exists());
        assertThat(usage.has(Metric.PSI_CPU_SOME_MICROS)).isEqualTo(hasPressureFile);
    }

    @Test
    void deleteRemovesAnEmptyGroupAndItsChildrenRecursively() {
        Cgroup top = group("tree").create();
        group("tree/a/b").create();

        top.delete(DeleteOptions.defaults().recursively());

        assertThat(top.exists()).isFalse();
        assertThat(RealKernel.existsInAnyHierarchy(top)).isFalse();
    }
}
