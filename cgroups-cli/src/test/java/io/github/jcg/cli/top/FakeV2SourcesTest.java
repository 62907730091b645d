package io.github.jcg.cli.top;

import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.HostPaths;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Both sources on a cgroup v2 host made of plain files (the test machine is hybrid): the
 * files systemd-cgtop reads on v2 (cpu.stat usage_usec, memory.current, io.stat, pids.current)
 * and the limits (cpu.max, memory.max), counters advanced by hand between two passes.
 */
class FakeV2SourcesTest {
    private static final String PROC_CGROUPS = """
            cpu\t0\t5\t1
            io\t0\t5\t1
            memory\t0\t5\t1
            pids\t0\t5\t1
            """;

    @TempDir
    Path root;
    private FakeHost fake;
    private CgroupHost host;

    @BeforeEach
    void fakeHost() {
        fake = FakeHost.empty(root).mountinfo(FakeHost.V2_ONLY_MOUNTINFO).controllers(PROC_CGROUPS).selfCgroup("0::/\n");
        fake.group("", "/", Map.of("cgroup.controllers", "cpu io memory pids\n", "cgroup.subtree_control", "cpu io memory pids\n",
                "cgroup.procs", "1\n", "cpu.stat", "usage_usec 1000000\nuser_usec 600000\nsystem_usec 400000\n"));
        group("web.service", 5_000_000, 100L << 20, "8:0 rbytes=1000 wbytes=0 rios=1 wios=0\n", 7, "50000 100000", "419430400", 10, 2);
        group("web.service/worker", 1_000_000, 10L << 20, "", 3, "max 100000", "max", 0, 0);
        host = CgroupHost.discover(HostPaths.under(fake.root()));
    }

    private void group(String name, long usageUsec, long memory, String ioStat, int tasks, String cpuMax, String memoryMax,
                       long periods, long throttled) {
        fake.group("", name, Map.of(
                "cgroup.procs", "",
                "cpu.stat", "usage_usec " + usageUsec + "\nuser_usec 0\nsystem_usec 0\nnr_periods " + periods
                        + "\nnr_throttled " + throttled + "\nthrottled_usec " + throttled * 50_000 + "\n",
                "memory.current", memory + "\n",
                "memory.max", memoryMax + "\n",
                "io.stat", ioStat,
                "pids.current", tasks + "\n",
                "pids.max", "max\n",
                "cpu.max", cpuMax + "\n"));
    }

    private Map<String, GroupRow> twoPasses(boolean limits, Runnable between) throws Exception {
        TopSettings settings = new TopSettings();
        Source source = Source.forSettings(host.layout(), settings, limits);
        Source.Pass first = source.sample();
        Thread.sleep(200);
        between.run();
        Source.Pass second = source.sample();
        return source.rows(first, second, TaskCounting.TASKS, true).stream()
                .collect(Collectors.toMap(r -> r.path().toString(), Function.identity()));
    }

    private void advance() {
        // web: +100 ms of CPU, +1 MiB read, +2 of 4 more periods throttled
        group("web.service", 5_100_000, 100L << 20, "8:0 rbytes=1049576 wbytes=0 rios=9 wios=0\n", 7, "50000 100000",
                "419430400", 14, 4);
        // worker: its counter went backwards (the group was made again)
        group("web.service/worker", 10, 10L << 20, "", 3, "max 100000", "max", 0, 0);
    }

    @Test
    void systemdCgtopsColumnsOnV2() throws Exception {
        for (boolean limits : new boolean[] {false, true}) {
            fakeHost();
            Map<String, GroupRow> rows = twoPasses(limits, this::advance);
            assertThat(rows).containsOnlyKeys("/", "/web.service", "/web.service/worker");
            GroupRow web = rows.get("/web.service");
            assertThat(web.tasks()).hasValue(7);
            assertThat(web.memoryBytes()).hasValue(100L << 20);
            assertThat(web.cpuNanos()).hasValue(5_100_000_000L);
            // 100 ms of CPU over ~200 ms of wall: ~50 %, less as the wall clock stretched
            assertThat(web.cpuPercent().getAsDouble()).isBetween(5.0, 51.0);
            assertThat(web.readBytesPerSecond().getAsDouble()).isGreaterThan(0);
            assertThat(web.writeBytesPerSecond()).hasValue(0);
            GroupRow worker = rows.get("/web.service/worker");
            assertThat(worker.cpuPercent()).as("a counter that went backwards has no rate").isEmpty();
            assertThat(worker.readBytesPerSecond()).as("an empty io.stat is zero bytes, not unknown").hasValue(0);
            assertThat(rows.get("/").memoryBytes()).as("the v2 root has no memory.current").isEmpty();
            assertThat(rows.get("/").tasks()).as("nor pids.current").isEmpty();
            if (limits) {
                assertThat(web.cpuLimitCores().getAsDouble()).isCloseTo(0.5, within(1e-9));
                assertThat(web.throttledPercent().getAsDouble()).isCloseTo(50.0, within(1e-9));
                assertThat(web.memoryLimit()).contains(Limit.of(419_430_400L));
                assertThat(web.memoryPercentOfLimit().getAsDouble()).isCloseTo(25.0, within(1e-9));
                assertThat(worker.cpuQuotaMicros()).contains(Limit.unlimited());
                assertThat(worker.cpuLimitCores()).isEmpty();
                assertThat(worker.throttledPercent()).as("no quota, no period ran: nothing to throttle against").isEmpty();
                assertThat(worker.memoryPercentOfLimit()).isEmpty();
            } else {
                assertThat(web.cpuQuotaMicros()).as("lean source reads no limits").isEmpty();
            }
        }
    }

    @Test
    void theBatchLinesOfTheFakeHost() throws Exception {
        Map<String, GroupRow> rows = twoPasses(false, this::advance);
        List<GroupRow> sorted = RowOrder.sort(List.copyOf(rows.values()), Order.PATH, CpuDisplay.PERCENTAGE, true);
        Columns table = new Columns(TaskCounting.TASKS, CpuDisplay.PERCENTAGE, false, false);
        Columns.Layout layout = table.fitToContent(sorted);
        assertThat(table.row(sorted.get(2), layout)).matches(
                "/web\\.service/worker       3      -    10\\.0M       0B       0B");
        assertThat(sorted.get(0).path()).isEqualTo(CgroupPath.root());
    }
}
