package io.github.jcg.cli.top;

import io.github.jcg.core.Cgroup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
            String out = TopOptionsTest.run("top", "-b", "-n", "3", "-d", "1", "--limits", "/" + k.parent);
            assertThat(out).startsWith("0:");
            String[] blocks = out.substring(2).split("\n\n");
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
            String out = TopOptionsTest.run("top", "-b", "-n", "2", "-d", "0.5", "/" + k.parent);
            assertThat(out).startsWith("0:");
            String[] c = columns(out.substring(2).split("\n\n")[1], busy.path().toString());
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
