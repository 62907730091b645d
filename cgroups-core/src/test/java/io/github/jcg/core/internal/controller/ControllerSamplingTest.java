package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.fake.FakeHosts;
import io.github.jcg.core.sample.Metric;
import io.github.jcg.testing.FakeHost;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the controller modules contribute to a usage sample, checked on fake v1 and v2 layouts. */
class ControllerSamplingTest {
    @TempDir
    Path tmp;

    /** One placed file: module, slot, where, name, metrics. */
    private record Placed(ControllerModule module, int slot, Optional<Hierarchy> where, String name, Set<Metric> metrics) {
    }

    private static List<Placed> placedOn(HostLayout layout) {
        List<Placed> out = new ArrayList<>();
        for (ControllerModule m : Controllers.all()) {
            m.placeSampleFiles(new SampleFiles() {
                @Override
                public HostLayout layout() {
                    return layout;
                }

                @Override
                public void place(int slot, Optional<Hierarchy> where, String name, Metric... metrics) {
                    assertThat(slot).as(m + " slot").isBetween(0, m.sampleFileCount() - 1);
                    out.add(new Placed(m, slot, where, name, metrics.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(metrics))));
                }
            });
        }
        return out;
    }

    /** The metrics only v1 has a file for: v2 has memory.events' max instead of a failure count, and no OOM-killer switch. */
    private static final Set<Metric> V1_ONLY = EnumSet.of(Metric.MEMORY_FAILCNT, Metric.MEMORY_UNDER_OOM);

    /** Every metric but the process and thread counts (core files) and {@code absent} comes from some module's file. */
    private static void assertEveryMetricIsReadBut(List<Placed> placed, Set<Metric> absent) {
        Set<Metric> read = EnumSet.noneOf(Metric.class);
        placed.stream().filter(p -> p.where().isPresent()).forEach(p -> read.addAll(p.metrics()));
        Set<Metric> expected = EnumSet.allOf(Metric.class);
        expected.removeAll(EnumSet.of(Metric.PROCESSES, Metric.THREADS));
        expected.removeAll(absent);
        assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> namesPlaced(List<Placed> placed) {
        return placed.stream().filter(p -> p.where().isPresent()).map(Placed::name).toList();
    }

    @Test
    void onAPureV2HostEveryMetricButV1sOwnComesFromAV2File() {
        HostLayout layout = FakeHosts.layout(FakeHost.unified(tmp, "cpuset cpu io memory hugetlb pids rdma misc"));
        List<Placed> placed = placedOn(layout);

        assertEveryMetricIsReadBut(placed, V1_ONLY);
        assertThat(namesPlaced(placed)).doesNotContain("memory.oom_control", "memory.failcnt", "freezer.state")
                .contains("memory.events", "memory.swap.peak", "pids.events", "pids.peak", "cgroup.events");
        assertThat(placed).filteredOn(p -> p.where().isPresent()).extracting(Placed::name)
                .doesNotContain("cpuacct.usage", "cpu.cfs_quota_us", "memory.usage_in_bytes", "blkio.throttle.io_serviced_recursive")
                .contains("cpu.stat", "cpu.max", "memory.current", "memory.swap.current", "io.stat", "cpu.pressure");
    }

    @Test
    void onAHybridHostTheV1FilesAndTheV2CoreFilesAreRead() {
        HostLayout layout = FakeHosts.layout(FakeHost.hybridFixture(tmp));
        List<Placed> placed = placedOn(layout);

        assertThat(placed).filteredOn(p -> p.where().isPresent()).extracting(Placed::name)
                .contains("cpuacct.usage", "cpu.cfs_quota_us", "memory.usage_in_bytes", "memory.limit_in_bytes", "pids.max")
                .doesNotContain("cpu.max", "memory.current", "memory.swap.current", "io.stat");
        // the v2 mount's cpu.stat is still read, for groups that live only there; for CPU time alone
        assertThat(placed).filteredOn(p -> p.name().equals("cpu.stat") && p.where().map(h -> h.version().name()).orElse("").equals("V2"))
                .singleElement().extracting(Placed::metrics).asInstanceOf(InstanceOfAssertFactories.COLLECTION)
                .containsExactlyInAnyOrder(Metric.CPU_USAGE_NANOS, Metric.CPU_USER_NANOS, Metric.CPU_SYSTEM_NANOS);
    }

    @Test
    void onAHybridHostEventsComeFromV1FilesAndTheV2MountsCoreFiles() {
        List<Placed> placed = placedOn(FakeHosts.layout(FakeHost.hybridFixture(tmp)));

        // memory is on v1: its v2-only events and swap peak have no file here
        assertEveryMetricIsReadBut(placed, EnumSet.of(Metric.MEMORY_EVENTS_LOW, Metric.MEMORY_EVENTS_HIGH,
                Metric.MEMORY_EVENTS_MAX, Metric.MEMORY_EVENTS_OOM, Metric.MEMORY_EVENTS_OOM_GROUP_KILL, Metric.SWAP_PEAK_BYTES));
        assertThat(namesPlaced(placed)).contains("memory.oom_control", "memory.failcnt", "pids.events", "pids.peak",
                "freezer.state", "cgroup.events").doesNotContain("memory.events", "memory.swap.peak");
        assertThat(placed).filteredOn(p -> p.name().equals("cgroup.events")).singleElement()
                .satisfies(p -> assertThat(p.where().orElseThrow().version().name()).isEqualTo("V2"));
    }

    @Test
    void eachPressureFileIsOneSlotForItsTotalsAndAverages() {
        List<Placed> placed = placedOn(FakeHosts.layout(FakeHost.hybridFixture(tmp)));

        assertThat(placed).filteredOn(p -> p.name().equals("cpu.pressure")).singleElement().extracting(Placed::metrics)
                .asInstanceOf(InstanceOfAssertFactories.COLLECTION).containsExactlyInAnyOrder(
                        Metric.PSI_CPU_SOME_MICROS, Metric.PSI_CPU_SOME_AVG10, Metric.PSI_CPU_SOME_AVG60, Metric.PSI_CPU_SOME_AVG300,
                        Metric.PSI_CPU_FULL_MICROS, Metric.PSI_CPU_FULL_AVG10, Metric.PSI_CPU_FULL_AVG60, Metric.PSI_CPU_FULL_AVG300);
        assertThat(placed).filteredOn(p -> p.name().endsWith(".pressure")).hasSize(3);
    }

    @Test
    void slotsAreNumberedFromZeroWithoutGapsOrRepeats() {
        List<Placed> placed = placedOn(FakeHosts.layout(FakeHost.hybridFixture(tmp)));
        for (ControllerModule m : Controllers.all()) {
            assertThat(placed).filteredOn(p -> p.module() == m).extracting(Placed::slot)
                    .as(m.getClass().getSimpleName()).containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, m.sampleFileCount()).boxed().toList());
        }
    }
}
