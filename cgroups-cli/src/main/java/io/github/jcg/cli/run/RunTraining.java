package io.github.jcg.cli.run;

import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.run.Peak;
import io.github.jcg.core.run.RunResult;
import io.github.jcg.core.run.Termination;
import io.github.jcg.core.sample.UsageSnapshot;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code jcg run} loads beyond what its first refusals load, exercised for the launcher's
 * class-data-sharing training run without making a group: a process started, watched in
 * {@code /proc} and reaped as a run's command is, the signal handlers put in place and back,
 * and a summary printed for a made-up result. Measured: without these in the archive,
 * {@code jcg run -- true} took 3.3 times the JVM floor.
 */
public final class RunTraining {
    private RunTraining() {
    }

    /** Runs it all; prints only into {@code sink}. */
    public static void exercise(CgroupHost host, PrintWriter sink) {
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", "exit 0").inheritIO().start();
            Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "stat"));
            p.waitFor();
        } catch (IOException e) {
            // no shell, or it ended before its stat was read: the rest still trains
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (SignalForwarding signals = SignalForwarding.to(host.group(CgroupPath.root(), ControllerSelection.all()))) {
            signals.forwarded();
        }
        RunResult made = new RunResult(Termination.OOM_KILL, 137, Duration.ofMillis(1234), OptionalLong.of(1), OptionalLong.of(2),
                OptionalLong.of(3), Optional.of(new Peak(1 << 20, Peak.Source.KERNEL)), Optional.of(new Peak(0, Peak.Source.SAMPLED)),
                Optional.empty(), OptionalLong.of(1), OptionalLong.empty(), OptionalLong.of(0), OptionalLong.of(0),
                OptionalLong.of(4096), OptionalLong.of(0), 1, UsageSnapshot.builder(CgroupPath.root(), 0).build());
        RunSummary summary = new RunSummary(host, CgroupPath.root(), made, List.of("TERM"), true);
        summary.writeText(sink);
        summary.writeJson(sink);
    }
}
