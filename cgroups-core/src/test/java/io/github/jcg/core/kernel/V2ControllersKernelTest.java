package io.github.jcg.core.kernel;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.Errno;
import io.github.jcg.core.KernelRefusedException;
import io.github.jcg.core.limit.CpuWeight;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.sample.Metric;
import io.github.jcg.core.sample.UsageRates;
import io.github.jcg.core.sample.UsageSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.github.jcg.core.Controller.CPU;
import static io.github.jcg.core.Controller.MEMORY;
import static io.github.jcg.core.Controller.PIDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cgroup v2 controllers' files and rules on a real kernel (the VM lane's v2 layout, and the
 * v2 mount of its split layout for the controllers that live there): each limit file written
 * through the typed API, read back and cleared; {@code cgroup.subtree_control} enabled from the
 * root down by create and undone when create fails; the no-internal-processes rule; threaded
 * groups; {@code memory.peak}; pressure. Each test skips where its controllers are not on v2.
 * io.max, cpuset, memory.events and the version-independent behaviour are in
 * {@link CgroupKernelTest} and {@link CoreFilesKernelTest}, which assert the v2 files there.
 */
class V2ControllersKernelTest {
    private static final long MiB = 1L << 20;

    private RealKernel kernel;

    @AfterEach
    void tearDown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private Cgroup group(String child, String controllers) {
        return kernel.group(child, controllers);
    }

    /** The names of a space-separated list, sorted. */
    private static Set<String> words(String text) {
        Set<String> out = new TreeSet<>();
        for (String w : text.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- limit files

    @Test
    void cpuMaxBurstAndWeightAreWrittenReadBackAndCleared() {
        kernel = RealKernel.requireV2(CPU);
        Cgroup g = group("cpu", "cpu").create();
        assertThat(g.read("cpu.max").strip()).isEqualTo("max 100000");
        assertThat(g.read("cpu.weight").strip()).isEqualTo("100");

        g.apply(Resources.builder().cpuMax(Limit.of(30_000), 60_000).cpuBurstMicros(10_000).cpuWeight(CpuWeight.weight(250)).build());

        assertThat(g.read("cpu.max").strip()).isEqualTo("30000 60000");
        assertThat(g.read("cpu.max.burst").strip()).isEqualTo("10000");
        assertThat(g.read("cpu.weight").strip()).isEqualTo("250");
        Resources back = g.resources();
        assertThat(back.cpuQuota()).contains(Limit.of(30_000));
        assertThat(back.cpuPeriodMicros()).hasValue(60_000);
        assertThat(back.cpuBurstMicros()).hasValue(10_000);
        assertThat(back.cpuWeight()).contains(CpuWeight.weight(250));

        // a period alone keeps the quota in force
        g.apply(Resources.builder().cpuPeriodMicros(100_000).build());
        assertThat(g.read("cpu.max").strip()).isEqualTo("30000 100000");

        g.apply(Resources.builder().cpuQuota(Limit.unlimited()).cpuBurstMicros(0).cpuWeight(CpuWeight.weight(100)).build());

        assertThat(g.read("cpu.max").strip()).isEqualTo("max 100000");
        assertThat(g.read("cpu.max.burst").strip()).isEqualTo("0");
        assertThat(g.read("cpu.weight").strip()).isEqualTo("100");
    }

    @Test
    void everyMemoryLimitIsWrittenReadBackAndCleared() {
        kernel = RealKernel.requireV2(MEMORY);
        Cgroup g = group("memory", "memory").create();
        for (String file : List.of("memory.max", "memory.high", "memory.swap.max")) {
            assertThat(g.read(file).strip()).as(file).isEqualTo("max");
        }

        g.apply(Resources.builder().memoryMax(Limit.of(64 * MiB)).memoryHigh(Limit.of(48 * MiB))
                .memoryLow(Limit.of(8 * MiB)).memoryMin(Limit.of(4 * MiB)).swapMax(Limit.of(16 * MiB)).build());

        assertThat(g.read("memory.max").strip()).isEqualTo(Long.toString(64 * MiB));
        assertThat(g.read("memory.high").strip()).isEqualTo(Long.toString(48 * MiB));
        assertThat(g.read("memory.low").strip()).isEqualTo(Long.toString(8 * MiB));
        assertThat(g.read("memory.min").strip()).isEqualTo(Long.toString(4 * MiB));
        assertThat(g.read("memory.swap.max").strip()).isEqualTo(Long.toString(16 * MiB));
        Resources back = g.resources();
        assertThat(back.memoryMax()).contains(Limit.of(64 * MiB));
        assertThat(back.memoryHigh()).contains(Limit.of(48 * MiB));
        assertThat(back.memoryLow()).contains(Limit.of(8 * MiB));
        assertThat(back.memoryMin()).contains(Limit.of(4 * MiB));
        assertThat(back.swapMax()).contains(Limit.of(16 * MiB));
        assertThat(g.usage().limit(Metric.MEMORY_LIMIT_BYTES)).contains(Limit.of(64 * MiB));

        g.apply(Resources.builder().memoryMax(Limit.unlimited()).memoryHigh(Limit.unlimited())
                .memoryLow(Limit.of(0)).memoryMin(Limit.of(0)).swapMax(Limit.unlimited()).build());

        assertThat(g.read("memory.max").strip()).isEqualTo("max");
        assertThat(g.read("memory.high").strip()).isEqualTo("max");
        assertThat(g.read("memory.low").strip()).isEqualTo("0");
        assertThat(g.read("memory.min").strip()).isEqualTo("0");
        assertThat(g.read("memory.swap.max").strip()).isEqualTo("max");
        assertThat(g.usage().limit(Metric.MEMORY_LIMIT_BYTES)).contains(Limit.unlimited());
    }

    @Test
    void pidsMaxIsWrittenReadBackAndCleared() {
        kernel = RealKernel.requireV2(PIDS);
        Cgroup g = group("pids", "pids").create();
        assertThat(g.read("pids.max").strip()).isEqualTo("max");

        g.apply(Resources.builder().pidsMax(Limit.of(7)).build());
        assertThat(g.read("pids.max").strip()).isEqualTo("7");
        assertThat(g.resources().pidsMax()).contains(Limit.of(7));

        g.apply(Resources.builder().pidsMax(Limit.unlimited()).build());
        assertThat(g.read("pids.max").strip()).isEqualTo("max");
        assertThat(g.resources().pidsMax()).contains(Limit.unlimited());
    }

    // ---------------------------------------------------------------- subtree_control
    // The no-internal-processes rule binds domain controllers (memory, io …); threaded ones
    // (cpu, cpuset, pids, perf_event) may be enabled above processes, as a thread root allows.

    @Test
    void createEnablesTheControllersInEveryAncestorFromTheRootDown() {
        kernel = RealKernel.requireV2(MEMORY, PIDS);
        Cgroup c = group("a/b/c", "memory,pids").create();

        Cgroup root = kernel.host.group(CgroupPath.root(), ControllerSelection.none());
        assertThat(words(root.read("cgroup.subtree_control"))).contains("memory", "pids");
        for (String level : List.of("", "/a", "/a/b")) {
            Cgroup ancestor = kernel.host.group(kernel.parent + level, ControllerSelection.none());
            // exactly what was asked for: nothing else is handed down by jcg's own groups
            assertThat(words(ancestor.read("cgroup.subtree_control"))).as(level).containsExactly("memory", "pids");
        }
        assertThat(words(c.read("cgroup.controllers"))).containsExactly("memory", "pids");
        assertThat(c.read("cgroup.subtree_control")).isBlank();
        assertThat(c.fileNames(c.hierarchies().get(0))).contains("memory.max", "pids.max").doesNotContain("io.max");
    }

    @Test
    void aCreateThatFailsHalfWayDisablesWhatItEnabledAndSaysWhy() throws Exception {
        kernel = RealKernel.requireV2(MEMORY);
        // a populated group without controllers below the test parent
        Cgroup busy = kernel.group("busy", ControllerSelection.none()).create();
        Cgroup testParent = kernel.host.group(kernel.parent, ControllerSelection.none());
        Process p = kernel.sleeper();
        kernel.attach(busy, p.pid());
        Cgroup root = kernel.host.group(CgroupPath.root(), ControllerSelection.none());
        String rootBefore = root.read("cgroup.subtree_control");
        assertThat(testParent.read("cgroup.subtree_control")).isBlank();

        // memory is enabled in the root and the test parent, then busy refuses: it has a process
        Cgroup child = group("busy/child", "memory");
        assertThatThrownBy(child::create)
                .isInstanceOf(KernelRefusedException.class)
                .satisfies(e -> assertThat(((KernelRefusedException) e).errno()).contains(Errno.EBUSY))
                .hasMessageContaining(kernel.path("busy"))
                .hasMessageContaining("no-internal-processes rule")
                .hasMessageContaining("move the processes into a child group first");

        assertThat(testParent.read("cgroup.subtree_control")).isBlank();
        assertThat(root.read("cgroup.subtree_control")).isEqualTo(rootBefore);
        assertThat(RealKernel.existsInAnyHierarchy(child)).isFalse();
        assertThat(busy.processes()).containsExactly(p.pid());
    }

    @Test
    void aGroupThatHandsControllersToItsChildrenTakesNoProcesses() throws Exception {
        kernel = RealKernel.requireV2(MEMORY);
        Cgroup inner = group("inner", "memory").create();
        Cgroup leaf = group("inner/leaf", "memory").create();
        Process p = kernel.sleeper();

        assertThatThrownBy(() -> kernel.attach(inner, p.pid()))
                .isInstanceOf(KernelRefusedException.class)
                .satisfies(e -> assertThat(((KernelRefusedException) e).errno()).contains(Errno.EBUSY))
                .hasMessageContaining("cgroup.subtree_control is not empty")
                .hasMessageContaining("attach to a leaf group instead");
        assertThat(RealKernel.v2CgroupOf(Long.toString(p.pid()))).doesNotContain(kernel.parent);

        kernel.attach(leaf, p.pid());
        assertThat(leaf.processes()).containsExactly(p.pid());

        // nor can a populated group start handing controllers on
        assertThatThrownBy(() -> leaf.write("cgroup.subtree_control", "+memory"))
                .isInstanceOf(KernelRefusedException.class)
                .hasMessageContaining("no-internal-processes rule");

        // and a process cannot be moved up into it when its child is deleted
        assertThatThrownBy(() -> leaf.delete(DeleteOptions.defaults().onPopulated(DeleteOptions.OnPopulated.MOVE_TO_PARENT)))
                .isInstanceOf(KernelRefusedException.class)
                .hasMessageContaining("attach to a leaf group instead");
        assertThat(leaf.exists()).isTrue();
        assertThat(leaf.processes()).containsExactly(p.pid());
    }

    // ---------------------------------------------------------------- threaded groups

    @Test
    void aThreadedSubtreeTakesAProcessAndItsThreadsMoveOneByOne() throws Exception {
        kernel = RealKernel.requireV2(PIDS);
        Cgroup domain = group("domain", "pids").create();
        Cgroup t1 = group("domain/t1", "pids").create();
        Cgroup t2 = group("domain/t2", "pids").create();

        t1.write("cgroup.type", "threaded");
        t2.write("cgroup.type", "threaded");

        assertThat(t1.read("cgroup.type").strip()).isEqualTo("threaded");
        assertThat(domain.read("cgroup.type").strip()).isEqualTo("domain threaded");

        Process jvm = kernel.sleepingJvm();
        long pid = jvm.pid();
        kernel.attach(t1, pid);

        List<Long> tids = RealKernel.threadsOf(pid);
        assertThat(tids).hasSizeGreaterThan(1);
        assertThat(t1.threads()).containsAll(tids);
        // the process belongs to the threaded domain; a threaded group lists threads only
        assertThat(domain.read("cgroup.procs")).contains(Long.toString(pid));
        assertThatThrownBy(t1::processes).hasMessageContaining("the group is threaded");

        // one thread (the main one) moves alone within the threaded subtree
        t2.attachThread(pid);

        assertThat(t2.threads()).containsExactly(pid);
        assertThat(t1.threads()).doesNotContain(pid).isNotEmpty();
        assertThat(RealKernel.v2CgroupOf(pid + "/task/" + pid)).endsWith("/domain/t2");
        assertThat(t2.usage().getAsLong(Metric.THREADS)).isEqualTo(1);
        assertThat(RealKernel.keyed(domain.read("cgroup.stat"), "nr_descendants").getAsLong()).isEqualTo(2);

        // the whole threaded subtree goes, its process with it
        domain.delete(DeleteOptions.defaults().recursively().onPopulated(DeleteOptions.OnPopulated.KILL));
        assertThat(jvm.waitFor()).isEqualTo(137);
        assertThat(RealKernel.existsInAnyHierarchy(domain)).isFalse();
    }

    // ---------------------------------------------------------------- memory.peak and pressure

    @Test
    void memoryPeakRemembersTheHighestUseAfterTheMemoryIsFreed() throws Exception {
        kernel = RealKernel.requireV2(MEMORY);
        Cgroup g = group("peak", "memory").create();
        g.apply(Resources.builder().memoryMax(Limit.of(256 * MiB)).build());
        // about 16 MiB in a shell variable (more while it is copied), then freed, then waiting
        RealKernel.Waiting hog = kernel.waiting(
                "x=aaaaaaaaaaaaaaaa; i=0; while [ $i -lt 20 ]; do x=$x$x; i=$((i+1)); done; x=; echo freed; read done; exit 0");
        kernel.attach(g, hog.pid());

        hog.go();
        assertThat(hog.readLine()).isEqualTo("freed");

        UsageSnapshot usage = g.usage();
        long peak = Long.parseLong(g.read("memory.peak").strip());
        assertThat(peak).isGreaterThanOrEqualTo(16 * MiB);
        assertThat(usage.getAsLong(Metric.MEMORY_PEAK_BYTES)).isGreaterThanOrEqualTo(16 * MiB);
        assertThat(usage.getAsLong(Metric.MEMORY_CURRENT_BYTES)).isLessThan(peak);
        assertThat(RealKernel.keyed(g.read("memory.events"), "oom_kill").getAsLong()).isZero();
        hog.closeInput();
        assertThat(hog.process.waitFor()).isZero();
    }

    @Test
    void cpuPressureGrowsForAThrottledBusyLoop() throws Exception {
        kernel = RealKernel.requireV2();
        Cgroup g = group("pressure", "cpu,cpuacct").create();
        // where cpu is on v1 (split, hybrid) the v1 quota throttles and the v2 mount reports the stall
        Cgroup onV2 = kernel.onV2(CPU) ? g : kernel.group("pressure", ControllerSelection.none()).create();
        RealKernel.skipUnless(Files.exists(onV2.directory(onV2.hierarchies().get(0)).resolve("cpu.pressure")),
                "this kernel keeps no pressure stall information (CONFIG_PSI, psi=1)");
        g.apply(Resources.builder().cpuMax(Limit.of(10_000), 100_000).build());
        Process loop = kernel.busyLoop();
        kernel.attach(g, loop.pid());
        if (onV2 != g) {
            kernel.attach(onV2, loop.pid());
        }
        String idle = onV2.read("cpu.pressure");

        UsageSnapshot before = onV2.usage();
        // the averages are recomputed every 2 s
        Thread.sleep(3_000);
        UsageSnapshot after = onV2.usage();

        // throttled 90 % of the time: a task of the group waits (some) and none runs (full)
        UsageRates rates = UsageRates.between(before, after);
        assertThat(rates.cpuPressurePercent().getAsDouble()).isGreaterThan(30);
        assertThat(after.getAsLong(Metric.PSI_CPU_SOME_MICROS) - before.getAsLong(Metric.PSI_CPU_SOME_MICROS)).isGreaterThan(900_000);
        assertThat(after.getAsLong(Metric.PSI_CPU_FULL_MICROS) - before.getAsLong(Metric.PSI_CPU_FULL_MICROS)).isGreaterThan(900_000);
        String pressure = onV2.read("cpu.pressure");
        assertThat(avg10(pressure, "some")).isGreaterThan(avg10(idle, "some"));
        assertThat(avg10(pressure, "full")).isGreaterThan(avg10(idle, "full"));
    }

    /** The avg10 of a pressure file's {@code some} or {@code full} line. */
    private static double avg10(String pressure, String kind) {
        for (String line : pressure.split("\n")) {
            if (line.startsWith(kind + " ")) {
                for (String field : line.split("\\s+")) {
                    if (field.startsWith("avg10=")) {
                        return Double.parseDouble(field.substring(6));
                    }
                }
            }
        }
        throw new AssertionError("no " + kind + " avg10 in " + pressure);
    }
}
