package io.github.jcg.cli.top;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Hierarchy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * {@code jcg top} on this host's kernel: a busy loop limited to half a CPU shows about 50 %,
 * its limit 0.5 and its throttling. Needs root and a cpu controller; skipped otherwise.
 */
@Tag("root")
class TopRealKernelTest {
    @Test
    void aBusyLoopLimitedToHalfACpuShowsFiftyPercentAndItsLimit() throws Exception {
        try (KernelGroups k = KernelGroups.require()) {
            Cgroup busy = k.busyLoop("busy", 0.5);
            Thread.sleep(500);
            String[] blocks = batch(k, "top", "-b", "-n", "3", "-d", "1", "--limits", "/" + k.parent).split("\n\n");
            assertThat(blocks).hasSize(3);
            String[] first = columns(blocks[0], busy.path().toString());
            assertThat(first[2]).as("no interval on the first refresh: %CPU is '-'").isEqualTo("-");
            for (int b = 1; b < 3; b++) {
                String[] c = columns(blocks[b], busy.path().toString());
                if (k.host.layout().hierarchyOf(io.github.jcg.core.Controller.PIDS).isPresent()) {
                    assertThat(c[1]).as("tasks").isEqualTo("1");
                }
                assertThat(Double.parseDouble(c[2])).as("%%CPU in block %d: %s", b, blocks[b]).isBetween(40.0, 60.0);
                assertThat(c[6]).as("CPU limit in cores").isEqualTo("0.50");
                assertThat(Double.parseDouble(c[7])).as("throttled share of periods").isGreaterThan(50.0);
                assertThat(c[8]).as("throttled time per second").endsWith("ms");
                assertThat(c).hasSize(11);
            }
        }
    }

    @Test
    void defaultBatchOutputHasSystemdCgtopsSixColumnsAndJsonHasEverything() throws Exception {
        try (KernelGroups k = KernelGroups.require()) {
            Cgroup busy = k.busyLoop("busy", 0.5);
            Thread.sleep(300);
            String[] c = columns(batch(k, "top", "-b", "-n", "2", "-d", "0.5", "/" + k.parent).split("\n\n")[1], busy.path().toString());
            assertThat(c).hasSize(6);
            assertThat(Double.parseDouble(c[2])).isBetween(35.0, 65.0);

            String json = TopOptionsTest.run("top", "-o", "json", "-n", "2", "-d", "0.5", "/" + k.parent);
            assertThat(json).startsWith("0:");
            String[] lines = json.substring(2).strip().split("\n");
            assertThat(lines).hasSize(2);
            Map<String, Object> first = group(lines[0], busy.path().toString());
            assertThat(first.get("cpuPercent")).isNull();
            Map<String, Object> second = group(lines[1], busy.path().toString());
            assertThat((Double) second.get("cpuPercent")).isBetween(35.0, 65.0);
            assertThat(second.get("cpuLimitCores")).isEqualTo(0.5);
            assertThat(second.get("cpuQuotaMicros")).isEqualTo(50_000L);
            assertThat((Double) second.get("throttledPercent")).isGreaterThan(50.0);
            assertThat(second).containsKeys("memoryBytes", "memoryLimitBytes", "readBytesPerSecond", "tasks");
        }
    }

    /**
     * What top prints against what the kernel says, over the same refreshes: the test reads the
     * group's own counters (cpu.stat's usage_usec on v2, cpuacct.usage on v1; nr_periods,
     * nr_throttled and the throttled time from cpu.stat) each time a refresh's rows arrive, and
     * computes %CPU, Thr% and Thr/s itself. A busy loop under a quota of 8 ms per 20 ms period
     * makes the usage steady (0.4 CPU) and throttles nearly every period; the parent's row sums it.
     *
     * <p>The test's readings come a little after top's (top formats, the pipe carries it), by an
     * amount that changes little from one refresh to the next, so the intervals agree to within
     * a period's quota at each end (8 ms of CPU in 2 s: 0.4 points) plus that jitter; the
     * tolerances (3 points of %CPU, 5 of Thr%, 10 % of Thr/s) leave room for a jitter of some
     * tens of ms under emulation, and none for a wrong unit or a wrong interval.
     */
    @Test
    void batchCpuAndThrottlingAgreeWithTheGroupsOwnCpuStat() throws Exception {
        try (KernelGroups k = KernelGroups.require()) {
            Cgroup busy = k.busyLoop("busy", 0.4, 20_000);
            Cgroup parent = k.parentGroup();
            Thread.sleep(500);
            int refreshes = 4;
            Process top = k.startJcg("top", "-b", "-n", Integer.toString(refreshes), "-d", "2", "--limits", "/" + k.parent);
            List<Map<String, String[]>> blocks = new ArrayList<>();
            List<Map<String, CpuCounters>> kernel = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(top.getInputStream(), StandardCharsets.UTF_8))) {
                Map<String, String[]> rows = new HashMap<>();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] cells = line.trim().split("\\s+");
                    rows.put(cells[0], cells);
                    if (rows.containsKey(busy.path().toString()) && rows.containsKey(parent.path().toString())) {
                        // both rows of this refresh are in: read the kernel's counters now
                        kernel.add(Map.of("busy", CpuCounters.read(k, busy), "parent", CpuCounters.read(k, parent)));
                        blocks.add(rows);
                        rows = new HashMap<>();
                    }
                }
            }
            assertThat(top.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(top.exitValue()).as(new String(top.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
            assertThat(blocks).hasSize(refreshes);
            assertThat(blocks.get(0).get(busy.path().toString())[2]).as("no interval on the first refresh").isEqualTo("-");

            StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-8s %-6s %9s %9s %8s %8s %9s %9s%n",
                    "refresh", "group", "top %CPU", "cpu.stat", "top Thr%", "cpu.stat", "top Thr/s", "cpu.stat"));
            double topSum = 0;
            double kernelSum = 0;
            for (int b = 1; b < refreshes; b++) {
                for (String which : List.of("busy", "parent")) {
                    String[] c = blocks.get(b).get((which.equals("busy") ? busy : parent).path().toString());
                    CpuCounters before = kernel.get(b - 1).get(which);
                    CpuCounters after = kernel.get(b).get(which);
                    double cpu = after.cpuPercentSince(before);
                    table.append(String.format(Locale.ROOT, "%-8d %-6s %9s %9.1f %8s %8.1f %9s %8.0fms%n", b, which, c[2], cpu,
                            c[7], after.throttledPercentSince(before), c[8], after.throttledMillisPerSecondSince(before)));
                    assertThat(Double.parseDouble(c[2])).as("%%CPU of %s in refresh %d%n%s", which, b, table)
                            .isCloseTo(cpu, within(3.0));
                    if (which.equals("busy")) {
                        topSum += Double.parseDouble(c[2]);
                        kernelSum += cpu;
                        // the quota caps the loop at 0.4 CPU; below it only when the machine is busy (a VM lane guest)
                        assertThat(cpu).as("the quota holds the loop to 0.4 CPU%n%s", table).isBetween(20.0, 44.0);
                        assertThat(Double.parseDouble(c[7])).as("Thr%% in refresh %d%n%s", b, table)
                                .isCloseTo(after.throttledPercentSince(before), within(5.0));
                        assertThat(millis(c[8])).as("Thr/s in refresh %d%n%s", b, table)
                                .isCloseTo(after.throttledMillisPerSecondSince(before), withinPercentage(10));
                    }
                }
            }
            System.out.println("jcg top -b against the kernel's own counters (" + k.host.mode() + ", cpu on "
                    + k.host.layout().hierarchyOf(io.github.jcg.core.Controller.CPU).orElseThrow().version() + "):\n" + table);
            assertThat(topSum / (refreshes - 1)).as("%%CPU over the whole run%n%s", table).isCloseTo(kernelSum / (refreshes - 1), within(1.5));
        }
    }

    /** top's Thr/s cell in ms: {@code 466ms}, {@code 1.2s}. */
    private static double millis(String cell) {
        if (cell.endsWith("ms")) {
            return Double.parseDouble(cell.substring(0, cell.length() - 2));
        }
        if (cell.endsWith("s")) {
            return Double.parseDouble(cell.substring(0, cell.length() - 1)) * 1000;
        }
        throw new AssertionError("not a time per second: " + cell);
    }

    /**
     * A group's CPU counters, read straight from its control files (not through jcg): usage in
     * ns from cpu.stat usage_usec (v2) or cpuacct.usage (v1), and cpu.stat's CFS counters.
     */
    record CpuCounters(long monotonicNanos, long usageNanos, long periods, long throttled, long throttledNanos) {
        static CpuCounters read(KernelGroups k, Cgroup g) throws IOException {
            long now = System.nanoTime();
            Hierarchy cpu = k.host.layout().hierarchyOf(io.github.jcg.core.Controller.CPU).orElseThrow();
            Map<String, Long> stat = keyed(Files.readString(g.directory(cpu).resolve("cpu.stat")));
            if (cpu.version() == CgroupVersion.V2) {
                return new CpuCounters(now, stat.get("usage_usec") * 1000, stat.get("nr_periods"), stat.get("nr_throttled"),
                        stat.get("throttled_usec") * 1000);
            }
            Hierarchy cpuacct = k.host.layout().hierarchyOf(io.github.jcg.core.Controller.CPUACCT).orElseThrow();
            long usage = Long.parseLong(Files.readString(g.directory(cpuacct).resolve("cpuacct.usage")).strip());
            return new CpuCounters(now, usage, stat.get("nr_periods"), stat.get("nr_throttled"), stat.get("throttled_time"));
        }

        private static Map<String, Long> keyed(String text) {
            Map<String, Long> out = new HashMap<>();
            for (String line : text.split("\n")) {
                String[] kv = line.trim().split(" ");
                if (kv.length == 2) {
                    out.put(kv[0], Long.parseLong(kv[1]));
                }
            }
            return out;
        }

        double cpuPercentSince(CpuCounters earlier) {
            return 100.0 * (usageNanos - earlier.usageNanos) / (monotonicNanos - earlier.monotonicNanos);
        }

        double throttledPercentSince(CpuCounters earlier) {
            long p = periods - earlier.periods;
            return p == 0 ? 0 : 100.0 * (throttled - earlier.throttled) / p;
        }

        double throttledMillisPerSecondSince(CpuCounters earlier) {
            return (throttledNanos - earlier.throttledNanos) / 1e6 / ((monotonicNanos - earlier.monotonicNanos) / 1e9);
        }
    }

    /** stdout of {@code jcg ARGS} run as its own process with stdout a pipe; it must exit 0. */
    static String batch(KernelGroups k, String... args) throws Exception {
        Process p = k.startJcg(args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return out;
    }

    @Test
    void aGroupThatDoesNotExistIsAnError() {
        KernelGroups.require().close();
        String out = TopOptionsTest.run("top", "-b", "-n", "1", "/jcg-test-top-no-such-group");
        assertThat(out).startsWith("82:").contains("does not exist");
    }

    /** The whitespace-separated cells of the row for {@code path} in a block. */
    static String[] columns(String block, String path) {
        for (String line : block.split("\n")) {
            String[] cells = line.trim().split("\\s+");
            if (cells[0].equals(path)) {
                return cells;
            }
        }
        throw new AssertionError("no row for " + path + " in:\n" + block);
    }

    /** The object for {@code path} in one JSON refresh line, numbers as Long or Double. */
    static Map<String, Object> group(String line, String path) {
        JsonFactory f = JsonFactory.builder().build();
        List<Map<String, Object>> groups = new ArrayList<>();
        try (JsonParser p = f.createParser(line)) {
            Map<String, Object> current = null;
            String name = null;
            boolean inGroups = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case PROPERTY_NAME -> {
                        name = p.currentName();
                        if (name.equals("groups")) {
                            inGroups = true;
                        }
                    }
                    case START_OBJECT -> {
                        if (inGroups) {
                            current = new HashMap<>();
                        }
                    }
                    case END_OBJECT -> {
                        if (current != null) {
                            groups.add(current);
                            current = null;
                        }
                    }
                    case VALUE_NUMBER_INT -> put(current, name, p.getLongValue());
                    case VALUE_NUMBER_FLOAT -> put(current, name, p.getDoubleValue());
                    case VALUE_STRING -> put(current, name, p.getString());
                    case VALUE_NULL -> put(current, name, null);
                    default -> {
                    }
                }
            }
        }
        return groups.stream().filter(g -> path.equals(g.get("path"))).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + path + " in " + line + " (" + Arrays.toString(groups.toArray()) + ")"));
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (m != null) {
            m.put(k, v);
        }
    }
}
