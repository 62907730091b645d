package io.github.jcg.cli.commands;

import io.github.jcg.cli.Main;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jcg exec} really execs: the command runs with jcg's PID inside the groups, with its
 * own exit status and signals, and without the JVM's descriptors, blocked or ignored signals.
 * Each case starts jcg as a separate process (the exec replaces it). Root and v1 cpu only.
 * The launcher's way (bin/jcg execs, told by the JVM what) is tested here as a protocol, and
 * with the real launcher in the host integration test.
 */
class ExecCommandTest {
    private static final String GROUP = "jcg-test-exec-" + UUID.randomUUID().toString().substring(0, 8);
    private static CgroupHost host;

    @BeforeAll
    static void createGroup() {
        boolean root = "root".equals(System.getProperty("user.name"));
        host = CgroupHost.discover();
        boolean v1 = host.layout().hierarchyOf(Controller.CPU).map(h -> h.version() == CgroupVersion.V1).orElse(false);
        if (!root || !v1) {
            System.err.println("SKIPPED ExecCommandTest: needs root and a cgroup v1 cpu hierarchy");
        }
        Assumptions.assumeTrue(root && v1, "needs root and a cgroup v1 cpu hierarchy");
        host.group(GROUP, ControllerSelection.parse("cpu,cpuacct")).create();
    }

    @AfterAll
    static void removeGroup() {
        if (host != null) {
            host.group(GROUP, ControllerSelection.all())
                    .delete(DeleteOptions.defaults().recursively().onPopulated(DeleteOptions.OnPopulated.KILL).ignoringMissing());
        }
    }

    /** Runs {@code jcg <args>} in a new JVM (optionally wrapped by a shell prefix) and collects the result. */
    private static Result jcg(List<String> shellPrefix, String... args) throws Exception {
        List<String> command = new ArrayList<>(shellPrefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JCG_INVOKED_AS", "jcg");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.pid(), p.waitFor(), out, err);
    }

    private static Result jcg(String... args) throws Exception {
        return jcg(List.of(), args);
    }

    /**
     * Runs {@code jcg <args>} as bin/jcg does for exec: a bash that starts the JVM as its child
     * with its own PID in JCG_EXEC_BY_LAUNCHER and reads the answer from descriptor 3; the bash
     * then prints the answer, the JVM's status and its own cpu group instead of execing.
     */
    private static Result launcherProtocol(String... args) throws Exception {
        String launcher = """
                { answer=$(JCG_EXEC_BY_LAUNCHER=$$ exec "$@" 3>&1 1>&4 4>&-); status=$?; } 4>&1
                printf 'answer=%s status=%s\n' "$answer" "$status"
                grep ':cpu:' /proc/$$/cgroup
                """;
        return jcg(List.of("bash", "-c", launcher, "bash"), args);
    }

    record Result(long pid, int status, String out, String err) {
    }

    @Test
    void theCommandKeepsJcgsPidRunsInTheGroupAndExitsWithItsOwnStatus() throws Exception {
        Result r = jcg("exec", "-g", "cpu,cpuacct:" + GROUP, "--", "sh", "-c", "echo $$; cat /proc/self/cgroup; exit 7");

        assertThat(r.status()).isEqualTo(7);
        assertThat(r.out().lines().findFirst()).contains(Long.toString(r.pid()));
        assertThat(r.out()).contains(":cpu:/" + GROUP + "\n").contains(":cpuacct:/" + GROUP + "\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aSignalThatKillsTheCommandKillsWhatTheParentWaitsFor() throws Exception {
        Result r = jcg("exec", "-g", "cpu:" + GROUP, "sh", "-c", "kill -TERM $$");
        assertThat(r.status()).isEqualTo(128 + 15);
    }

    @Test
    void theCommandGetsNoBlockedOrIgnoredSignalsEvenIfJcgWasStartedIgnoringOne() throws Exception {
        // start jcg with SIGINT ignored, as nohup-like wrappers do; a JVM leaves ignored signals alone
        Result r = jcg(List.of("sh", "-c", "trap '' INT; exec \"$@\"", "sh"),
                "exec", "-g", "cpu:" + GROUP, "grep", "-E", "^Sig(Blk|Ign):", "/proc/self/status");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("SigBlk:\t0000000000000000").contains("SigIgn:\t0000000000000000");
    }

    @Test
    void theJvmsDescriptorsDoNotLeakIntoTheCommand() throws Exception {
        // ls lists its own descriptors: what it inherited plus the one it reads the directory with
        // (no shell pipeline: a shell holds pipe ends open for a moment while it sets one up)
        Process direct = new ProcessBuilder("ls", "/proc/self/fd").start();
        String expected = new String(direct.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        direct.waitFor();

        Result r = jcg("exec", "-g", "cpu:" + GROUP, "ls", "/proc/self/fd");

        assertThat(r.out()).isEqualTo(expected).isEqualTo("0\n1\n2\n3\n");
    }

    @Test
    void theLaunchersVariableDoesNotReachTheCommand() throws Exception {
        Result r = jcg("exec", "-g", "cpu:" + GROUP, "env");
        assertThat(r.out()).doesNotContain("JCG_INVOKED_AS");
    }

    @Test
    void optionsAfterTheCommandBelongToTheCommand() throws Exception {
        Result r = jcg("exec", "-g", "cpu:" + GROUP, "sh", "-c", "echo \"$@\"", "sh", "-g", "--sticky");
        assertThat(r.out()).isEqualTo("-g --sticky\n");
    }

    @Test
    void aMissingCommandGetsLibcgroupsMessageAndStatus() throws Exception {
        Result r = jcg("exec", "-g", "cpu:" + GROUP, "/nonexistent/command");
        assertThat(r.status()).isEqualTo(255);
        assertThat(r.err().strip()).isEqualTo("No such file or directory");
    }

    @Test
    void aMissingGroupIsRefusedWithTheGroupNotFoundStatus() throws Exception {
        Result r = jcg("exec", "-g", "cpu:" + GROUP + "/missing", "true");
        assertThat(r.status()).isEqualTo(82);
        assertThat(r.err()).contains("/" + GROUP + "/missing").contains("does not exist").hasLineCount(1);
    }

    @Test
    void noCommandIsAUsageError() throws Exception {
        Result r = jcg("exec", "-g", "cpu:" + GROUP);
        assertThat(r.status()).isEqualTo(129);
        assertThat(r.err()).contains("Wrong input parameters,");
    }

    @Test
    void aCommandFoundOnPathIsExecuted() throws IOException, Exception {
        Result r = jcg("exec", "-g", "cpu:" + GROUP, "true");
        assertThat(r.status()).isZero();
        assertThat(Files.exists(Path.of("/proc/" + r.pid()))).isFalse();
    }

    @Test
    void forTheLauncherTheLauncherJoinsTheGroupAndIsToldWhatToExec() throws Exception {
        Result r = launcherProtocol("exec", "-g", "cpu:" + GROUP, "--", "true", "--sticky");

        // the last two words of the launcher's arguments, true found on PATH
        assertThat(r.out()).matches("(?s)answer=x2:/(usr/)?bin/true\\. status=0\n[0-9]+:cpu:/" + GROUP + "\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void forTheLauncherACommandThatCannotRunFailsAsExecvpDoes() throws Exception {
        Result r = launcherProtocol("exec", "-g", "cpu:" + GROUP, "/nonexistent/command");

        assertThat(r.out()).startsWith("answer= status=255\n").contains(":cpu:/" + GROUP + "\n");
        assertThat(r.err().strip()).isEqualTo("No such file or directory");
    }

    @Test
    void forTheLauncherWhatOnlyAnExecCanTellIsLeftToTheJvmsExec(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("no-shebang");
        Files.writeString(script, "echo ran by /bin/sh\n");
        script.toFile().setExecutable(true);

        Result r = launcherProtocol("exec", "-g", "cpu:" + GROUP, script.toString());

        assertThat(r.out()).startsWith("answer=j status=0\n");
    }

    @Test
    void aLauncherThatIsNotTheParentIsRefusedAndNothingMoves() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            String before = Files.readString(Path.of("/proc/" + stranger.pid() + "/cgroup"));
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "exec", "-g", "cpu:" + GROUP, "true");
            pb.environment().put("JCG_EXEC_BY_LAUNCHER", Long.toString(stranger.pid()));
            Process p = pb.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(p.waitFor()).isEqualTo(255);
            assertThat(err).contains("is not this process's parent").hasLineCount(1);
            assertThat(Files.readString(Path.of("/proc/" + stranger.pid() + "/cgroup"))).isEqualTo(before);
        } finally {
            stranger.destroyForcibly().waitFor();
        }
    }
}
