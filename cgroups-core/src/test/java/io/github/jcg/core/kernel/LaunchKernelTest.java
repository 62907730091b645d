package io.github.jcg.core.kernel;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.run.GroupProcess;
import io.github.jcg.core.run.RunLimits;
import io.github.jcg.core.run.RunResult;
import io.github.jcg.core.run.Termination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Cgroup#launch(ProcessBuilder)} and {@link GroupProcess#await(RunLimits)} on the real
 * kernel, in whatever layout this is: the command is in the group in every selected hierarchy
 * from its first instruction, the builder's streams, environment and directory are its own, a
 * group that refuses it runs nothing, and a run leaves nothing behind. Root only; on a real
 * host in the hierarchies tests may attach to ({@link RealKernel}).
 */
class LaunchKernelTest {
    private RealKernel kernel;

    @BeforeEach
    void setUp() {
        kernel = RealKernel.require();
    }

    @AfterEach
    void tearDown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private Cgroup group(String name) {
        return kernel.group(name, kernel.freezable("cpu,cpuacct,pids")).create();
    }

    @Test
    void theCommandIsInTheGroupInEveryHierarchyFromItsFirstInstruction() throws Exception {
        Cgroup g = group("first");
        // cat reads /proc/self/cgroup as its first act: where it was when it began
        GroupProcess p = g.launch(new ProcessBuilder("cat", "/proc/self/cgroup"));
        String seen = new String(p.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        long placed = seen.lines().filter(l -> l.endsWith(":/" + kernel.path("first"))).count();
        assertThat(placed).as(seen).isEqualTo(g.hierarchies().size());
    }

    @Test
    void theBuildersStreamsEnvironmentAndDirectoryAreTheCommands() throws Exception {
        Cgroup g = group("builder");
        ProcessBuilder b = new ProcessBuilder("sh", "-c", "read line; echo \"$line $JCG_TEST_WORD $(pwd)\"; echo oops >&2")
                .directory(new File("/tmp")).redirectErrorStream(true);
        b.environment().put("JCG_TEST_WORD", "there");
        GroupProcess p = g.launch(b);
        try (OutputStream in = p.process().getOutputStream()) {
            in.write("hello\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).isEqualTo("hello there /tmp\noops\n");
    }

    @Test
    void aGroupThatRefusesTheProcessRunsNothing() throws Exception {
        Cgroup missing = kernel.group("never-made", kernel.freezable("cpu,cpuacct,pids"));
        Path marker = Files.createTempFile("jcg-launch", ".marker");
        Files.delete(marker);
        assertThatThrownBy(() -> missing.launch(new ProcessBuilder("touch", marker.toString())))
                .isInstanceOf(CgroupException.class);
        Thread.sleep(200);
        assertThat(marker).as("the command never ran").doesNotExist();
    }

    @Test
    void aRunKillsWhatTheCommandLeftAndAccountsForTheWholeTree() throws Exception {
        Cgroup g = group("leftovers");
        GroupProcess p = g.launch(new ProcessBuilder("sh", "-c", "sleep 60 & sleep 60 & i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; exit 3"));
        RunResult r = p.await(RunLimits.none());
        assertThat(r.termination()).isEqualTo(Termination.EXITED);
        assertThat(r.exitStatus()).isEqualTo(3);
        assertThat(r.leftOver()).isEqualTo(2);
        assertThat(g.processes()).as("nothing left running").isEmpty();
        assertThat(r.cpuTotalNanos().orElseThrow()).isPositive();
        assertThat(r.wallTime()).isPositive();
    }

    @Test
    void killGroupEndsARunAsStopped() throws Exception {
        Cgroup g = group("stopped");
        GroupProcess p = g.launch(new ProcessBuilder("sh", "-c", "sleep 60 & sleep 60"));
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return p.await(RunLimits.none().withWallTime(Duration.ofSeconds(60)));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        p.killGroup();
        RunResult r = run.get(30, TimeUnit.SECONDS);
        assertThat(r.termination()).isEqualTo(Termination.STOPPED);
        assertThat(r.exitStatus()).isEqualTo(137);
        assertThat(r.signal()).hasValue(9);
        assertThat(g.processes()).isEmpty();
    }

    @Test
    void theWallLimitEndsARunAndReportsIt() throws Exception {
        Cgroup g = group("wall");
        long start = System.nanoTime();
        RunResult r = g.launch(new ProcessBuilder("sleep", "60")).await(RunLimits.none().withWallTime(Duration.ofMillis(500)));
        assertThat(r.termination()).isEqualTo(Termination.WALL_TIME_LIMIT);
        assertThat(r.wallTime()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(20));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(List.copyOf(g.processes())).isEmpty();
        for (Hierarchy h : g.hierarchies()) {
            assertThat(g.directory(h)).as("the group itself stays: it is the caller's").isDirectory();
        }
    }
}
