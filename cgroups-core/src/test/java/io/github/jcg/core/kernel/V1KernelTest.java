package io.github.jcg.core.kernel;

import io.github.jcg.core.ByteQuantity;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.CpuList;
import io.github.jcg.core.CpuWeight;
import io.github.jcg.core.CreateOptions;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.GroupBusyException;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.KernelRanges;
import io.github.jcg.core.KernelRefusedException;
import io.github.jcg.core.Limit;
import io.github.jcg.core.Ownership;
import io.github.jcg.core.Resources;
import io.github.jcg.core.SharesWeightMapping;
import io.github.jcg.core.fs.FlatKeyed;
import io.github.jcg.core.sample.Metric;
import io.github.jcg.core.sample.MetricGroup;
import io.github.jcg.core.sample.Sample;
import io.github.jcg.core.sample.SubtreeSampler;
import io.github.jcg.core.sample.UsageRates;
import io.github.jcg.core.sample.UsageSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Create, limit, attach, throttle, freeze and delete on this host's real cgroup v1 hierarchies (root only). */
class V1KernelTest {
    private RealKernel kernel;

    @BeforeEach
    void setUp() {
        kernel = RealKernel.requireV1();
    }

    @AfterEach
    void tearDown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private Cgroup group(String child, String controllers) {
        return kernel.host.group(kernel.path(child), ControllerSelection.parse(controllers));
    }

    @Test
    void createMakesTheGroupInEverySelectedHierarchyAndNoOther() {
        Cgroup g = group("made", "cpu,pids").create();

        assertThat(g.exists()).isTrue();
        Path cpuDir = kernel.host.layout().hierarchyOf(Controller.CPU).orElseThrow().mountPoint().resolve(kernel.path("made"));
        Path pidsDir = kernel.host.layout().hierarchyOf(Controller.PIDS).orElseThrow().mountPoint().resolve(kernel.path("made"));
        Path freezerDir = kernel.host.layout().hierarchyOf(Controller.FREEZER).orElseThrow().mountPoint().resolve(kernel.path("made"));
        assertThat(cpuDir.resolve("cpu.cfs_quota_us")).exists();
        assertThat(pidsDir.resolve("pids.max")).exists();
        assertThat(freezerDir).doesNotExist();
    }

    @Test
    void typedLimitsAreWrittenInV1SpellingAndReadBack() {
        Cgroup g = group("limits", "cpu,pids,memory").create();
        Resources wanted = Resources.builder()
                .cpuMax(Limit.of(25_000), 50_000)
                .cpuWeight(CpuWeight.shares(512))
                .pidsMax(Limit.of(64))
                .memoryMax(Limit.of(128L << 20))
                .memoryHigh(Limit.of(96L << 20))
                .swapMax(Limit.of(32L << 20))
                .build();

        g.apply(wanted);

        assertThat(g.read("cpu.cfs_quota_us").strip()).isEqualTo("25000");
        assertThat(g.read("cpu.cfs_period_us").strip()).isEqualTo("50000");
        assertThat(g.read("cpu.shares").strip()).isEqualTo("512");
        assertThat(g.read("pids.max").strip()).isEqualTo("64");
        assertThat(g.read("memory.limit_in_bytes").strip()).isEqualTo(Long.toString(128L << 20));
        // v1 limits memory+swap together: jcg's swap max is added to the memory limit
        assertThat(g.read("memory.memsw.limit_in_bytes").strip()).isEqualTo(Long.toString(160L << 20));

        Resources back = g.resources();
        assertThat(back.cpuQuota()).contains(Limit.of(25_000));
        assertThat(back.cpuPeriodMicros()).hasValue(50_000);
        assertThat(back.cpuWeight()).contains(CpuWeight.shares(512));
        assertThat(back.pidsMax()).contains(Limit.of(64));
        assertThat(back.memoryMax()).contains(Limit.of(128L << 20));
        assertThat(back.memoryHigh()).contains(Limit.of(96L << 20));
        assertThat(back.swapMax()).contains(Limit.of(32L << 20));
        assertThat(back.cpuCores()).contains(0.5);
    }

    @Test
    void noLimitIsWrittenAsMinusOneAndReadBackAsUnlimited() {
        Cgroup g = group("unlimited", "cpu,memory,pids").create();
        g.apply(Resources.builder().cpuQuota(Limit.of(10_000)).memoryMax(Limit.of(64L << 20)).pidsMax(Limit.of(5)).build());

        g.apply(Resources.builder().cpuQuota(Limit.unlimited()).memoryMax(Limit.unlimited()).pidsMax(Limit.unlimited()).build());

        assertThat(g.read("cpu.cfs_quota_us").strip()).isEqualTo("-1");
        assertThat(g.read("pids.max").strip()).isEqualTo("max");
        Resources back = g.resources();
        assertThat(back.cpuQuota()).contains(Limit.unlimited());
        assertThat(back.memoryMax()).contains(Limit.unlimited());
        assertThat(back.pidsMax()).contains(Limit.unlimited());
    }

    @Test
    void weightIsConvertedToSharesWithTheChosenFormula() {
        Cgroup curve = group("curve", "cpu").create();
        curve.apply(Resources.builder().cpuWeight(CpuWeight.weight(100)).build());
        assertThat(curve.read("cpu.shares").strip()).isEqualTo("1024");

        Cgroup linear = kernel.host.withMapping(SharesWeightMapping.LIBCGROUP_LINEAR)
                .group(kernel.path("curve"), ControllerSelection.parse("cpu"));
        linear.apply(Resources.builder().cpuWeight(CpuWeight.weight(50)).build());
        assertThat(linear.read("cpu.shares").strip()).isEqualTo("512");
    }

    @Test
    void newCpusetGroupInheritsItsParentsCpusAndMemsSoTasksCanJoin() throws Exception {
        Cgroup g = group("cpuset", "cpuset").create();
        Cgroup root = kernel.host.group(CgroupPath.root(), ControllerSelection.parse("cpuset"));

        assertThat(CpuList.parse(g.read("cpuset.cpus"))).isEqualTo(CpuList.parse(root.read("cpuset.cpus")));
        assertThat(g.read("cpuset.mems").strip()).isNotEmpty();
        Process p = kernel.sleeper();
        g.attach(p.pid());
        assertThat(g.processes()).contains(p.pid());
    }

    @Test
    void aBusyLoopUnderAQuotaIsThrottledToItsShare() throws Exception {
        Cgroup g = group("throttle", "cpu,cpuacct").create();
        g.apply(Resources.builder().cpuMax(Limit.of(20_000), 100_000).build());
        Process loop = kernel.busyLoop();
        g.attach(loop.pid());
        assertThat(g.processes()).containsExactly(loop.pid());

        UsageSnapshot before = g.usage();
        Thread.sleep(2_000);
        UsageRates rates = UsageRates.between(before, g.usage());

        // 20000/100000 is a fifth of one CPU; allow for a slice of slack per period
        assertThat(rates.cpuPercent().getAsDouble()).isBetween(12.0, 30.0);
        assertThat(rates.elapsedPeriods().getAsDouble()).isGreaterThan(10);
        assertThat(rates.throttledPeriodsRatio().getAsDouble()).isGreaterThan(0.8);
        assertThat(rates.throttledNanosPerSecond().getAsDouble()).isGreaterThan(0);
    }

    @Test
    void attachMovesEveryThreadAndAttachThreadMovesOne() throws Exception {
        Cgroup a = group("threads-a", "cpu").create();
        Cgroup b = group("threads-b", "cpu").create();
        // a JVM-free multi-threaded process is hard to come by; use this test JVM's child shell and its
        // own thread list: a single-threaded sleeper has exactly one thread, its pid
        Process p = kernel.sleeper();

        a.attach(p.pid());
        assertThat(a.threads()).containsExactly(p.pid());

        b.attachThread(p.pid());
        assertThat(b.threads()).containsExactly(p.pid());
        assertThat(a.threads()).isEmpty();
    }

    @Test
    void attachIsUndoneInEveryHierarchyWhenOneRefuses() throws Exception {
        Cgroup cpuOnly = group("undo", "cpu").create();
        Cgroup cpusetOnly = group("undo", "cpuset").create();
        cpusetOnly.write("cpuset.cpus", "");   // an empty cpuset takes no tasks (ENOSPC)
        Process p = kernel.sleeper();
        Cgroup both = group("undo", "cpu,cpuset");

        assertThatThrownBy(() -> both.attach(p.pid()))
                .isInstanceOf(KernelRefusedException.class)
                .hasMessageContaining("cpuset.cpus or cpuset.mems is empty");

        assertThat(cpuOnly.processes()).doesNotContain(p.pid());
        assertThat(Files.readString(Path.of("/proc/" + p.pid() + "/cgroup"))).doesNotContain(kernel.parent);
    }

    @Test
    void freezeStopsTheGroupAndThawLetsItRun() throws Exception {
        Cgroup g = group("freeze", "cpu,cpuacct,freezer").create();
        Process loop = kernel.busyLoop();
        g.attach(loop.pid());

        g.freeze();
        assertThat(g.isFrozen()).isTrue();
        assertThat(g.read("freezer.state").strip()).isEqualTo("FROZEN");
        long frozenAt = g.usage().getAsLong(Metric.CPU_USAGE_NANOS);
        Thread.sleep(300);
        assertThat(g.usage().getAsLong(Metric.CPU_USAGE_NANOS)).isEqualTo(frozenAt);

        g.thaw();
        assertThat(g.isFrozen()).isFalse();
        Thread.sleep(300);
        assertThat(g.usage().getAsLong(Metric.CPU_USAGE_NANOS)).isGreaterThan(frozenAt);
    }

    @Test
    void deleteRefusesAPopulatedGroupAndChangesNothing() throws Exception {
        Cgroup g = group("busy", "cpu,pids").create();
        Process p = kernel.sleeper();
        g.attach(p.pid());

        assertThatThrownBy(g::delete)
                .isInstanceOf(GroupBusyException.class)
                .hasMessageContaining("still has 1 process (" + p.pid() + ")")
                .hasMessageContaining("move-to-parent or kill");
        assertThat(g.exists()).isTrue();
        assertThat(g.processes()).containsExactly(p.pid());
    }

    @Test
    void deleteRefusesChildrenUnlessRecursiveThenRemovesDeepestFirst() {
        Cgroup top = group("tree", "cpu,pids").create();
        group("tree/a/deep", "cpu,pids").create();
        group("tree/b", "cpu,pids").create();

        assertThatThrownBy(top::delete).isInstanceOf(GroupBusyException.class).hasMessageContaining("has child groups");
        assertThat(top.subtree()).extracting(c -> c.path().toString())
                .containsExactly("/" + kernel.path("tree"), "/" + kernel.path("tree/a"), "/" + kernel.path("tree/a/deep"),
                        "/" + kernel.path("tree/b"));

        top.delete(DeleteOptions.defaults().recursively());
        assertThat(top.exists()).isFalse();
    }

    @Test
    void deleteCanMoveProcessesToTheParent() throws Exception {
        Cgroup parent = group("mover", "cpu").create();
        Cgroup child = group("mover/child", "cpu").create();
        Process p = kernel.sleeper();
        child.attach(p.pid());

        child.delete(DeleteOptions.defaults().onPopulated(DeleteOptions.OnPopulated.MOVE_TO_PARENT));

        assertThat(child.exists()).isFalse();
        assertThat(parent.processes()).containsExactly(p.pid());
        assertThat(p.isAlive()).isTrue();
    }

    @Test
    void deleteCanKillThroughTheFreezer() throws Exception {
        Cgroup g = group("killer", "cpu,freezer").create();
        Process a = kernel.busyLoop();
        Process b = kernel.sleeper();
        g.attach(a.pid());
        g.attach(b.pid());

        g.delete(DeleteOptions.defaults().onPopulated(DeleteOptions.OnPopulated.KILL));

        assertThat(a.waitFor()).isEqualTo(137);
        assertThat(b.waitFor()).isEqualTo(137);
        assertThat(g.exists()).isFalse();
    }

    @Test
    void createAppliesDelegatedOwnership() throws Exception {
        Cgroup g = group("delegated", "cpu").create(CreateOptions.defaults()
                .withGroupOwner(new Ownership(65534, 65534)).withTasksOwner(new Ownership(1234, 4321)));
        Path dir = g.directory(g.hierarchies().get(0));

        assertThat(Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(65534);
        assertThat(Files.getAttribute(dir.resolve("cpu.shares"), "unix:uid")).isEqualTo(65534);
        assertThat(Files.getAttribute(dir.resolve("tasks"), "unix:uid")).isEqualTo(1234);
        assertThat(Files.getAttribute(dir.resolve("cgroup.procs"), "unix:gid")).isEqualTo(4321);
    }

    @Test
    void samplerSeesEveryGroupOfTheSubtreeAcrossHierarchies() throws Exception {
        group("sampled/x", "cpu,cpuacct").create();
        group("sampled/y", "pids").create();
        Cgroup busy = group("sampled/busy", "cpu,cpuacct").create();
        Process loop = kernel.busyLoop();
        busy.attach(loop.pid());
        SubtreeSampler sampler = kernel.host.sampler(CgroupPath.of(kernel.path("sampled")), 3, MetricGroup.all());

        Sample first = sampler.sample();
        Thread.sleep(500);
        Sample second = sampler.sample();

        assertThat(second.groups().keySet()).extracting(CgroupPath::toString).containsExactly(
                "/" + kernel.path("sampled"), "/" + kernel.path("sampled/busy"),
                "/" + kernel.path("sampled/x"), "/" + kernel.path("sampled/y"));
        Map<CgroupPath, UsageRates> rates = SubtreeSampler.rates(first, second);
        // an unthrottled busy loop gets a real share of a CPU (less while other work loads the machine)
        assertThat(rates.get(CgroupPath.of(kernel.path("sampled/busy"))).cpuPercent().getAsDouble()).isGreaterThan(15);
        assertThat(rates.get(CgroupPath.of(kernel.path("sampled/x"))).cpuPercent().getAsDouble()).isLessThan(5);
        // y exists only in pids: no CPU figure rather than a made-up zero
        assertThat(second.group(CgroupPath.of(kernel.path("sampled/y"))).orElseThrow().has(Metric.CPU_USAGE_NANOS)).isFalse();
        assertThat(second.group(CgroupPath.of(kernel.path("sampled/y"))).orElseThrow().limit(Metric.PIDS_LIMIT))
                .contains(Limit.unlimited());
    }

    @Test
    void rawReadsGoToTheHierarchyThatOwnsTheFile() {
        Cgroup g = group("raw", "cpu,cpuacct,memory").create();
        g.write("cpu.cfs_quota_us", "30000");

        assertThat(g.read("cpu.cfs_quota_us").strip()).isEqualTo("30000");
        assertThat(g.hierarchyOf("cpu.cfs_quota_us").has(Controller.CPU)).isTrue();
        assertThat(g.hierarchyOf("cpuacct.usage").has(Controller.CPUACCT)).isTrue();
        assertThat(g.hierarchyOf("memory.stat").has(Controller.MEMORY)).isTrue();
        assertThat(g.fileNames(g.hierarchyOf("cpu.stat"))).contains("cpu.stat", "cpu.shares", "tasks");
        assertThat(List.of(g.read("cpu.stat").split("\n"))).anyMatch(l -> l.startsWith("nr_throttled "));
    }

    @Test
    void memoryLimitsTakeTheLargestUnsignedNumberAndReadItBackAsNoLimit() {
        // no process is ever attached here: only the group's own limit files are written
        Optional<Hierarchy> memory = kernel.host.layout().hierarchyOf(Controller.MEMORY);
        RealKernel.skipUnless(memory.map(h -> h.version() == CgroupVersion.V1).orElse(false), "no v1 memory hierarchy");
        Cgroup g = group("huge", "memory").create();
        // what this kernel reads for no limit: PAGE_COUNTER_MAX pages, 9223372036854771712 with 4 KiB pages
        String clamp = g.read("memory.limit_in_bytes").strip();
        assertThat(Long.parseLong(clamp)).isGreaterThan(Long.MAX_VALUE - (1L << 16));
        g.write("memory.limit_in_bytes", "1G");
        g.write("memory.soft_limit_in_bytes", "1G");
        assertThat(g.read("memory.limit_in_bytes").strip()).isEqualTo(Long.toString(1L << 30));

        g.write("memory.limit_in_bytes", KernelRanges.MAX_MEMORY_BYTES);
        g.write("memory.soft_limit_in_bytes", KernelRanges.MAX_MEMORY_BYTES);

        assertThat(g.read("memory.limit_in_bytes").strip()).isEqualTo(clamp);
        assertThat(g.read("memory.soft_limit_in_bytes").strip()).isEqualTo(clamp);
        Resources back = g.resources();
        assertThat(back.memoryMax()).contains(Limit.unlimited());
        assertThat(back.memoryHigh()).contains(Limit.unlimited());

        // the typed way: the same number parses to no limit, written as -1
        g.write("memory.limit_in_bytes", "1G");
        g.apply(Resources.builder()
                .memoryMax(ByteQuantity.parseLimit("memory max", KernelRanges.MAX_MEMORY_BYTES, CgroupVersion.V1)).build());
        assertThat(g.read("memory.limit_in_bytes").strip()).isEqualTo(clamp);

        // one more than the kernel reads would wrap around to 0 there: refused before the write
        assertThatThrownBy(() -> g.write("memory.limit_in_bytes", "18446744073709551616"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("wrap around");
        assertThat(g.read("memory.limit_in_bytes").strip()).isEqualTo(clamp);
    }

    @Test
    void groupsNamedLikeControlFilesShowUpInASample() {
        // CgroupPath.of refuses such names for new groups; another tool may have made them
        CgroupPath batch = CgroupPath.ofKernel(kernel.path("cpu.batch"));
        CgroupPath inner = batch.kernelChild("memory.y");
        kernel.host.group(inner, ControllerSelection.parse("cpu,cpuacct")).create();
        kernel.host.group(batch, ControllerSelection.parse("cpu")).write("cpu.cfs_quota_us", "20000");

        SubtreeSampler sampler = kernel.host.sampler(CgroupPath.of(kernel.parent), 2,
                java.util.EnumSet.of(MetricGroup.CPU_USAGE, MetricGroup.CPU_LIMIT));
        Sample sample = sampler.sample();

        assertThat(sample.groups().keySet()).contains(batch, inner);
        assertThat(sample.group(batch).orElseThrow().limit(Metric.CPU_QUOTA_MICROS)).contains(Limit.of(20_000));
        assertThat(sample.group(inner).orElseThrow().get(Metric.CPU_USAGE_NANOS)).hasValue(0L);
        // and as the last level listed
        assertThat(kernel.host.sampler(CgroupPath.of(kernel.parent), 1, java.util.EnumSet.of(MetricGroup.CPU_USAGE))
                .listGroups()).contains(batch).doesNotContain(inner);
    }

    @Test
    void pidsLimitStopsForksBeyondIt() throws Exception {
        Cgroup g = group("forks", "pids").create();
        g.apply(Resources.builder().pidsMax(Limit.of(2)).build());
        Process shell = kernel.start("sh", "-c", "read x; for i in 1 2 3 4; do sleep 5 & done; wait");
        g.attach(shell.pid());
        shell.getOutputStream().write('\n');
        shell.getOutputStream().close();
        // the shell's second fork is refused (EAGAIN) and a non-interactive sh gives up
        assertThat(shell.waitFor()).isNotZero();

        UsageSnapshot usage = g.usage();
        assertThat(usage.getAsLong(Metric.PIDS_CURRENT)).isBetween(0L, 2L);
        assertThat(usage.limit(Metric.PIDS_LIMIT)).contains(Limit.of(2));
        assertThat(FlatKeyed.parse(g.read("pids.events")).getLong("max").getAsLong()).isGreaterThanOrEqualTo(1);
    }
}
