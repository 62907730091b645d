package io.github.jcg.it.host;

import io.github.jcg.it.support.HostCgroups;
import io.github.jcg.it.support.Jcg;
import io.github.jcg.it.support.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jcg top -b} (systemd-cgtop's batch mode, REFERENCE.md §3) on the real hierarchies:
 * one block of rows per iteration, separated by a blank line, and our busy group in each with
 * the CPU share its quota allows. Skips with "command not built yet" until top is in the jar.
 */
@Tag("host")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostTopIT {
    private static HostCgroups cg;
    private static String busy;

    @BeforeAll
    static void setUp() {
        cg = HostCgroups.require();
        busy = cg.path("top/busy");
        cg.mkdirs(busy, "cpu", "cpuacct", "pids");
        cg.write("cpu", busy, "cpu.cfs_period_us", "100000");
        cg.write("cpu", busy, "cpu.cfs_quota_us", "50000");
    }

    @AfterAll
    static void tearDown() {
        if (cg != null) {
            cg.removeTree(cg.path("top"));
        }
    }

    @Test
    void batchModeShowsOurBusyGroupInEveryIterationWithItsCpuShare() throws Exception {
        Jcg.requireBuilt("top");
        Process loop = Jcg.start("exec", "-g", "cpu,cpuacct,pids:" + busy, "--", "sh", "-c", "while :; do :; done");
        try {
            HostExecIT.awaitComm(loop.pid(), "sh");

            Result r = Jcg.run(Duration.ofSeconds(60), "top", "-b", "-n", "3", "-d", "1", "--depth", "5");

            assertThat(r.exit()).as(r.toString()).isZero();
            List<List<String>> blocks = blocks(r.out());
            assertThat(blocks).as("iterations in %s", r.out()).hasSize(3);
            for (List<String> block : blocks) {
                assertThat(block).as("rows of one iteration").anySatisfy(row -> assertThat(path(row)).endsWith(busy));
            }
            // the first iteration has no rate yet ('-'); the last one has: half a CPU, by the quota
            String row = blocks.get(2).stream().filter(l -> path(l).endsWith(busy)).findFirst().orElseThrow();
            double cpu = Double.parseDouble(row.strip().split("\\s+")[2].replace("%", ""));
            assertThat(cpu).as("%%CPU in: %s", row).isBetween(30.0, 60.0);
        } finally {
            loop.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String path(String row) {
        String s = row.strip();
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    /** Batch output: blocks of rows separated by blank lines. */
    static List<List<String>> blocks(String out) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : out.split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }
}
