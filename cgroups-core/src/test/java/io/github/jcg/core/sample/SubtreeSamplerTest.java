package io.github.jcg.core.sample;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.HostLayout;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static io.github.jcg.core.fake.FakeHosts.layout;
import static io.github.jcg.core.sample.Metric.CPU_USAGE_NANOS;
import static io.github.jcg.core.sample.Metric.MEMORY_CURRENT_BYTES;
import static org.assertj.core.api.Assertions.assertThat;

class SubtreeSamplerTest {
    private static final String CG = "/sys/fs/cgroup";

    @TempDir
    Path tmp;

    /**
     * The hybrid host with: /a (cpu, cpuacct, memory) > /a/b (cpu) > /a/b/c (cpu); /m-only in
     * memory; /u-only on the v2 mount. Each hierarchy root and group carries some of the
     * control files the kernel puts there, prefixed or not.
     */
    private FakeHost tree() {
        return FakeHost.hybridFixture(tmp)
                .file(CG + "/cpu/tasks", "1\n")
                .file(CG + "/cpu/notify_on_release", "0\n")
                .file(CG + "/cpu/release_agent", "\n")
                .file(CG + "/cpu/cgroup.procs", "1\n")
                .file(CG + "/cpu/cpu.shares", "1024\n")
                .file(CG + "/cpu/a/cpu.shares", "1024\n")
                .file(CG + "/cpu/a/b/cpu.shares", "1024\n")
                .file(CG + "/cpu/a/b/c/cpu.shares", "1024\n")
                .file(CG + "/cpuacct/a/cpuacct.usage", "100\n")
                .file(CG + "/memory/a/memory.usage_in_bytes", "4096\n")
                .file(CG + "/memory/m-only/memory.usage_in_bytes", "8192\n")
                .file(CG + "/unified/u-only/cgroup.procs", "")
                // a v2 root file without a controller prefix jcg knows (Linux 6.1+)
                .file(CG + "/unified/irq.pressure", "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
    }

    private static SubtreeSampler sampler(HostLayout layout, String root, int depth) {
        return new SubtreeSampler(layout, CgroupPath.of(root), depth, MetricFamily.all());
    }

    private static Set<String> names(Set<CgroupPath> paths) {
        return paths.stream().map(CgroupPath::toString).collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    @Test
    void depthZeroIsTheRootAlone() {
        assertThat(names(sampler(layout(tree()), "/", 0).listGroups())).containsExactly("/");
    }

    @Test
    void eachDepthAddsOneLevel() {
        HostLayout layout = layout(tree());

        assertThat(names(sampler(layout, "/", 1).listGroups())).containsExactly("/", "/a", "/m-only", "/u-only");
        assertThat(names(sampler(layout, "/", 2).listGroups())).containsExactly("/", "/a", "/a/b", "/m-only", "/u-only");
        assertThat(names(sampler(layout, "/", 3).listGroups())).containsExactly("/", "/a", "/a/b", "/a/b/c", "/m-only", "/u-only");
    }

    @Test
    void aSubtreeRootListsOnlyWhatIsBelowIt() {
        assertThat(names(sampler(layout(tree()), "/a", 1).listGroups())).containsExactly("/a", "/a/b");
    }

    @Test
    void aRootThatExistsNowhereListsNothing() {
        assertThat(sampler(layout(tree()), "/nowhere", 3).listGroups()).isEmpty();
    }

    @Test
    void controlFilesAreNotMistakenForGroups() {
        Set<CgroupPath> groups = sampler(layout(tree()), "/", 1).listGroups();

        assertThat(names(groups)).doesNotContain("/tasks", "/notify_on_release", "/release_agent", "/cgroup.procs",
                "/cpu.shares", "/irq.pressure");
    }

    @Test
    void groupsNamedLikeControlFilesAreGroupsAtEveryLevel() {
        // the kernel reserves only its files' names: cpu.batch and memory.x are groups like any other
        HostLayout layout = layout(tree()
                .file(CG + "/cpu/cpu.batch/cpu.shares", "512\n")
                .file(CG + "/cpuacct/cpu.batch/cpuacct.usage", "42\n")
                .file(CG + "/memory/memory.x/memory.usage_in_bytes", "12288\n")
                .file(CG + "/cpu/a/cpuset.inner/cpu.shares", "1024\n")
                .file(CG + "/cpu/cpu.batch/cgroup.deep/cpu.shares", "1024\n"));

        assertThat(names(sampler(layout, "/", 1).listGroups()))
                .contains("/cpu.batch", "/memory.x").doesNotContain("/cpu.shares", "/cgroup.procs", "/tasks");
        assertThat(names(sampler(layout, "/", 3).listGroups()))
                .contains("/cpu.batch", "/cpu.batch/cgroup.deep", "/memory.x", "/a/cpuset.inner")
                .doesNotContain("/cpu.batch/cpu.shares", "/a/cpu.shares");

        Sample sample = sampler(layout, "/", 2).sample();
        assertThat(sample.group(CgroupPath.ofKernel("/cpu.batch")).orElseThrow().get(CPU_USAGE_NANOS)).hasValue(42L);
        assertThat(sample.group(CgroupPath.ofKernel("/memory.x")).orElseThrow().get(MEMORY_CURRENT_BYTES)).hasValue(12288L);
    }

    @Test
    void aGroupInSeveralHierarchiesIsOneEntryWithAllItsMetrics() {
        Sample sample = sampler(layout(tree()), "/", 3).sample();

        UsageSnapshot a = sample.group(CgroupPath.of("/a")).orElseThrow();
        assertThat(a.get(CPU_USAGE_NANOS)).hasValue(100L);
        assertThat(a.get(MEMORY_CURRENT_BYTES)).hasValue(4096L);
        assertThat(sample.group(CgroupPath.of("/m-only")).orElseThrow().get(MEMORY_CURRENT_BYTES)).hasValue(8192L);
        assertThat(sample.groups().keySet()).extracting(CgroupPath::toString).startsWith("/", "/a");
    }

    @Test
    void aGroupWhoseFilesAreGoneIsLeftOutOfThePass() throws IOException {
        // what a reader meets when the group is removed after the listing: no file opens
        FakeHost fake = tree().dir(CG + "/cpu/ghost");
        SubtreeSampler sampler = sampler(layout(fake), "/", 1);

        assertThat(names(sampler.listGroups())).contains("/ghost");
        assertThat(sampler.sample().groups()).doesNotContainKey(CgroupPath.of("/ghost")).containsKey(CgroupPath.of("/a"));
    }

    @Test
    void aGroupRemovedBetweenListingAndReadingIsSkippedQuietly() throws IOException {
        FakeHost fake = tree().file(CG + "/cpuacct/doomed/cpuacct.usage", "5\n");
        HostLayout layout = layout(fake);
        Set<CgroupPath> listed = sampler(layout, "/", 1).listGroups();

        Files.delete(fake.path(CG + "/cpuacct/doomed/cpuacct.usage"));
        Files.delete(fake.path(CG + "/cpuacct/doomed"));

        assertThat(listed).contains(CgroupPath.of("/doomed"));
        assertThat(new UsageReader(layout).read(CgroupPath.of("/doomed"))).isNull();
        assertThat(sampler(layout, "/", 1).sample().groups()).doesNotContainKey(CgroupPath.of("/doomed"));
    }

    @Test
    void theTreeKeptBetweenPassesDropsVanishedGroupsAndTakesNewOnes() throws IOException {
        FakeHost fake = tree().file(CG + "/cpuacct/gone/cpuacct.usage", "5\n");
        SubtreeSampler sampler = sampler(layout(fake), "/", 2);
        assertThat(names(sampler.listGroups())).contains("/gone");

        Files.delete(fake.path(CG + "/cpuacct/gone/cpuacct.usage"));
        Files.delete(fake.path(CG + "/cpuacct/gone"));
        fake.file(CG + "/cpuacct/a/fresh/cpuacct.usage", "7\n");

        assertThat(names(sampler.listGroups())).doesNotContain("/gone").contains("/a/fresh");
        assertThat(sampler.sample().group(CgroupPath.of("/a/fresh")).orElseThrow().get(CPU_USAGE_NANOS)).hasValue(7L);
    }

    @Test
    void onlyTheHierarchiesAWantedMetricComesFromAreWalked() {
        // memory usage alone: the cpu-only and v2-only groups are not listed
        SubtreeSampler memoryOnly = new SubtreeSampler(layout(tree()), CgroupPath.root(), 3, Set.of(MetricFamily.MEMORY_USAGE));
        assertThat(names(memoryOnly.listGroups())).containsExactly("/", "/a", "/m-only");
    }

    @Test
    void samplesAreTimedWithTheMonotonicClock() {
        long before = System.nanoTime();
        Sample sample = sampler(layout(tree()), "/", 1).sample();

        assertThat(sample.monotonicNanos()).isBetween(before, System.nanoTime());
        assertThat(sample.snapshots()).allSatisfy(s -> assertThat(s.monotonicNanos()).isGreaterThanOrEqualTo(sample.monotonicNanos()));
    }
}
