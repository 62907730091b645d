package io.github.jcg.cli.run;

import io.github.jcg.cli.FakeHosts;
import io.github.jcg.cli.Hosts;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.run.Peak;
import io.github.jcg.core.run.RunResult;
import io.github.jcg.core.run.Termination;
import io.github.jcg.core.sample.UsageSnapshot;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** jcg run's summary: the outcome line for each way a run ends, the quantities, and the JSON. */
class RunSummaryTest {
    @TempDir
    Path root;

    private static RunResult result(Termination why, int status, Optional<Peak> memory, OptionalLong oomKills) {
        return new RunResult(why, status, Duration.ofMillis(1500), OptionalLong.of(700_000_000L), OptionalLong.of(250_000_000L),
                OptionalLong.of(951_234_567L), memory, Optional.empty(), Optional.of(new Peak(12, Peak.Source.SAMPLED)),
                oomKills, OptionalLong.of(0), OptionalLong.of(17), OptionalLong.of(800_000_000L), OptionalLong.of(28_672),
                OptionalLong.of(0), 2, UsageSnapshot.builder(CgroupPath.of("/r"), 0).build());
    }

    private String text(RunResult r, List<String> forwarded) {
        try (Hosts.Scope scope = FakeHosts.use(FakeHost.hybrid(root))) {
            StringWriter out = new StringWriter();
            new RunSummary(Hosts.current(), CgroupPath.of("/r"), r, forwarded, true).writeText(new PrintWriter(out));
            return out.toString();
        }
    }

    private String json(RunResult r) {
        try (Hosts.Scope scope = FakeHosts.use(FakeHost.hybrid(root))) {
            StringWriter out = new StringWriter();
            new RunSummary(Hosts.current(), CgroupPath.of("/r"), r, List.of(), true).writeJson(new PrintWriter(out));
            return out.toString();
        }
    }

    @Test
    void theFirstLineSaysWhyItStopped() {
        Optional<Peak> peak = Optional.of(new Peak(64L << 20, Peak.Source.KERNEL));
        assertThat(text(result(Termination.EXITED, 3, peak, OptionalLong.of(0)), List.of())).startsWith("jcg run: exited 3\n");
        assertThat(text(result(Termination.SIGNALED, 143, peak, OptionalLong.of(0)), List.of("TERM")))
                .startsWith("jcg run: killed by signal 15 (SIGTERM); passed on SIGTERM\n");
        assertThat(text(result(Termination.OOM_KILL, 137, peak, OptionalLong.of(1)), List.of()))
                .startsWith("jcg run: OOM kill (exit status 137 (SIGKILL))\n");
        assertThat(text(result(Termination.WALL_TIME_LIMIT, 137, peak, OptionalLong.of(0)), List.of()))
                .startsWith("jcg run: wall-time limit reached, the group was killed (exit status 137)\n");
    }

    @Test
    void quantitiesInTheirUnitsAndWhereEachCameFrom() {
        String t = text(result(Termination.EXITED, 0, Optional.of(new Peak(64L << 20, Peak.Source.KERNEL)), OptionalLong.empty()), List.of());
        assertThat(t).contains("  wall time        1.500 s\n")
                .contains("  CPU time         0.951 s (user 0.700 s, system 0.250 s)\n")
                .contains("  memory peak      64.0 MiB (67108864 bytes) (kernel: memory.max_usage_in_bytes)\n")
                .contains("  swap peak        not accounted\n")
                .contains("  OOM kills        not accounted\n")
                .contains("  pids peak        12 (sampled maximum; the kernel keeps no peak here)\n")
                .contains("  throttled        17 periods, 0.800 s\n")
                .contains("  IO               read 28.0 KiB (28672 bytes), written 0 B\n")
                .contains("  left running     2 processes, killed\n")
                .endsWith("  group            /r (removed)\n");
    }

    @Test
    void jsonHasEveryQuantityAndNullForWhatIsNotAccounted() {
        String j = json(result(Termination.OOM_KILL, 137, Optional.of(new Peak(1000, Peak.Source.KERNEL)), OptionalLong.of(2)));
        assertThat(j).startsWith("{\"group\":\"/r\",\"group_removed\":true,\"termination\":\"oom_kill\"")
                .contains("\"exit_status\":137,\"signal\":9,\"wall_seconds\":1.5,")
                .contains("\"memory_peak\":1000,\"memory_peak_source\":\"kernel\",\"swap_peak\":null,\"swap_peak_source\":null,")
                .contains("\"oom_kills\":2,").contains("\"left_over\":2,\"forwarded_signals\":[]}").endsWith("}\n");
    }

    @Test
    void decimalsRoundHalfUpWithoutFormatter() {
        assertThat(RunSummary.decimals(1_234_500_000L, 1_000_000_000L, 3)).isEqualTo("1.235");
        assertThat(RunSummary.decimals(5_000_000L, 1_000_000_000L, 3)).isEqualTo("0.005");
        assertThat(RunSummary.bytes(1023)).isEqualTo("1023 B");
        assertThat(RunSummary.bytes(1536)).isEqualTo("1.5 KiB (1536 bytes)");
        assertThat(RunSummary.bytes(3L << 30)).isEqualTo("3.0 GiB (3221225472 bytes)");
    }
}
