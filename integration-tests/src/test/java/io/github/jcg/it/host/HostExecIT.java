package io.github.jcg.it.host;

import io.github.jcg.it.support.HostCgroups;
import io.github.jcg.it.support.Jcg;
import io.github.jcg.it.support.ProcCgroup;
import io.github.jcg.it.support.Processes;
import io.github.jcg.it.support.Result;
import io.github.jcg.it.support.Skip;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./jcg exec} on the real hierarchies, side by side with libcgroup's cgexec where it is
 * installed. Groups are made with mkdir under this run's parent; processes only ever join
 * cpu, cpuacct and pids groups (never memory). The launcher execs the command itself once the
 * JVM has placed it (and hands over to the JVM's own exec when only an exec can tell, or when
 * it was started with a signal blocked or ignored): both ways are covered here.
 */
@Tag("host")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostExecIT {
    private static HostCgroups cg;
    private static String group;

    @BeforeAll
    static void setUp() {
        cg = HostCgroups.require();
        group = cg.path("exec");
        cg.mkdirs(group, "cpu", "cpuacct", "pids");
    }

    @AfterAll
    static void tearDown() {
        if (cg != null) {
            cg.removeTree(group);
        }
    }

    @Test
    void theCommandKeepsTheLaunchersPidAndJoinsTheGroupInEachNamedHierarchyOnly() throws IOException {
        Process p = Jcg.start("exec", "-g", "cpu,cpuacct,pids:" + group, "--", "sh", "-c", "echo $$; cat /proc/self/cgroup");
        Result r = Processes.finish(List.of("jcg exec"), p, Duration.ofSeconds(60)).requireOk();

        // bin/jcg runs java to join the groups, then execs sh itself: the pid this JVM started is the shell's
        assertThat(r.lines().get(0)).isEqualTo(Long.toString(p.pid()));
        List<ProcCgroup> joined = ProcCgroup.parse(String.join("\n", r.lines().subList(1, r.lines().size())));
        List<ProcCgroup> ours = ProcCgroup.parse(Files.readString(Path.of("/proc/self/cgroup")));
        for (String c : List.of("cpu", "cpuacct", "pids")) {
            assertThat(ProcCgroup.pathOf(joined, c)).as(c).hasValue("/" + group);
        }
        for (String c : List.of("memory", "freezer", "blkio", "name=systemd")) {
            assertThat(ProcCgroup.pathOf(joined, c)).as(c + " is left alone").isEqualTo(ProcCgroup.pathOf(ours, c));
        }
        assertThat(ProcCgroup.v2Path(joined)).isEqualTo(ProcCgroup.v2Path(ours));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void printsWhatCgexecPrints() {
        requireLibcgroup("cgexec");
        String script = "cat /proc/self/cgroup; echo \"args: $*\"";
        Result jcg = Jcg.run("exec", "-g", "cpu,pids:" + group, "sh", "-c", script, "sh", "-g", "x");
        Result cgexec = Processes.run("cgexec", "-g", "cpu,pids:" + group, "sh", "-c", script, "sh", "-g", "x");

        assertThat(jcg.exit()).isEqualTo(cgexec.exit()).isZero();
        assertThat(jcg.out()).isEqualTo(cgexec.out());
        assertThat(jcg.err()).isEqualTo(cgexec.err()).isEmpty();
    }

    @Test
    void returnsTheCommandsStatusAsCgexecDoes() {
        Result jcg = Jcg.run("exec", "-g", "cpu:" + group, "--", "sh", "-c", "exit 7");

        assertThat(jcg.exit()).isEqualTo(7);
        if (Processes.onPath("cgexec")) {
            assertThat(Processes.run("cgexec", "-g", "cpu:" + group, "sh", "-c", "exit 7").exit()).isEqualTo(7);
        }
    }

    @Test
    void aMissingGroupFailsWithCgexecsStatusAndTheCommandNeverRuns() throws IOException {
        Path marker = Files.createTempFile("jcg-it-exec", ".ran");
        Files.delete(marker);
        Result jcg = Jcg.run("exec", "-g", "cpu:" + cg.path("no-such-group"), "--", "touch", marker.toString());

        assertThat(marker).doesNotExist();
        assertThat(jcg.out()).isEmpty();
        assertThat(jcg.err()).contains("no-such-group");
        if (Processes.onPath("cgexec")) {
            Result cgexec = Processes.run("cgexec", "-g", "cpu:" + cg.path("no-such-group"), "touch", marker.toString());
            assertThat(marker).doesNotExist();
            assertThat(jcg.exit()).isEqualTo(cgexec.exit());
        }
        assertThat(jcg.exit()).as("ECGROUPNOTEXIST").isEqualTo(82);
    }

    @Test
    void aBusyLoopUnderAQuotaGetsAFifthOfACpu() throws Exception {
        String q = cg.path("exec-quota");
        cg.mkdirs(q, "cpu", "cpuacct");
        cg.write("cpu", q, "cpu.cfs_period_us", "100000");
        cg.write("cpu", q, "cpu.cfs_quota_us", "20000");
        Process loop = Jcg.start("exec", "-g", "cpu,cpuacct:" + q, "--", "sh", "-c", "while :; do :; done");
        try {
            awaitComm(loop.pid(), "sh");
            Thread.sleep(500);
            long u0 = usage(q);
            long t0 = System.nanoTime();
            long n0 = throttled(q);
            Thread.sleep(3000);
            double share = (double) (usage(q) - u0) / (System.nanoTime() - t0);
            long n = throttled(q) - n0;

            System.out.println("jcg-it: host busy loop under quota 20000/100000: share " + share + ", throttled periods " + n);
            assertThat(share).isBetween(0.12, 0.25);
            assertThat(n).isGreaterThanOrEqualTo(15);
        } finally {
            loop.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            cg.removeTree(q);
        }
    }

    @Test
    void theJvmIsGoneAndLeavesTheCommandNoVariableOrDescriptorOfTheLaunchers() throws Exception {
        Process p = Jcg.start("exec", "-g", "cpu:" + group, "--", "sleep", "30");
        try {
            awaitComm(p.pid(), "sleep");
            assertThat(Files.readString(Path.of("/proc/" + p.pid() + "/task/" + p.pid() + "/children")))
                    .as("the JVM the launcher ran").isBlank();
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // a descriptor the launcher inherited is closed, as the JVM's exec closes all above stderr
        Result fds = Processes.run("sh", "-c", "exec \"$0\" exec -g cpu:" + group + " ls /proc/self/fd 5</dev/null",
                Jcg.launcher().toString());
        assertThat(fds.out()).isEqualTo("0\n1\n2\n3\n");
        // the launcher's own variables; the caller's (run-tests exports JCG_IT_…) are the command's to keep
        assertThat(Jcg.run("exec", "-g", "cpu:" + group, "env").requireOk().out())
                .doesNotContain("JCG_INVOKED_AS=").doesNotContain("JCG_EXEC_BY_LAUNCHER=");
    }

    @Test
    void aCommandStartedWithASignalIgnoredOrBlockedGetsNeither() {
        // bash cannot undo a disposition ignored before it started: the JVM execs instead
        String launcher = Jcg.launcher().toString();
        Result ignored = Processes.run("sh", "-c", "trap '' INT HUP; exec \"$0\" exec -g cpu:" + group
                + " grep -E '^Sig(Blk|Ign):' /proc/self/status", launcher);
        Result plain = Jcg.run("exec", "-g", "cpu:" + group, "grep", "-E", "^Sig(Blk|Ign):", "/proc/self/status");

        for (Result r : List.of(ignored, plain)) {
            assertThat(r.requireOk().out()).isEqualTo("SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n");
        }
    }

    @Test
    void aCommandThatCannotRunFailsAsUnderCgexecAndAScriptWithoutShebangRunsWithSh() throws IOException {
        Path dir = Files.createTempDirectory("jcg-it-exec");
        try {
            Path notExecutable = Files.writeString(dir.resolve("not-executable"), "echo ran\n");
            Path noShebang = Files.writeString(dir.resolve("no-shebang"), "echo \"ran as $0 with $*\"\n");
            noShebang.toFile().setExecutable(true);
            record Case(List<String> command, int exit, String out, String err) {
            }
            List<Case> cases = List.of(
                    new Case(List.of("no-such-program-jcg-it"), 255, "", "No such file or directory"),
                    new Case(List.of(notExecutable.toString()), 255, "", "Permission denied"),
                    new Case(List.of(dir.toString()), 255, "", "Permission denied"),
                    new Case(List.of(noShebang.toString(), "a", "b"), 0, "ran as " + noShebang + " with a b\n", ""));
            for (Case c : cases) {
                List<String> jcgArgs = new ArrayList<>(List.of("exec", "-g", "cpu:" + group));
                jcgArgs.addAll(c.command());
                Result jcg = Jcg.run(jcgArgs.toArray(String[]::new));
                assertThat(jcg.exit()).as(c.command() + " status").isEqualTo(c.exit());
                assertThat(jcg.out()).as(c.command() + " stdout").isEqualTo(c.out());
                assertThat(jcg.err().strip()).as(c.command() + " stderr").isEqualTo(c.err());
                if (Processes.onPath("cgexec")) {
                    List<String> cgexecArgs = new ArrayList<>(List.of("cgexec", "-g", "cpu:" + group));
                    cgexecArgs.addAll(c.command());
                    Result cgexec = Processes.run(cgexecArgs, Processes.DEFAULT_TIMEOUT);
                    assertThat(jcg.exit()).as(c.command() + " status as cgexec's").isEqualTo(cgexec.exit());
                    assertThat(jcg.out()).isEqualTo(cgexec.out());
                    assertThat(jcg.err().strip()).isEqualTo(cgexec.err().strip());
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void asCgexecTheLinkExecsTheCommandInTheGroup() {
        Result r = Jcg.runAs("cgexec", "-g", "cpu,pids:" + group, "sh", "-c", "cat /proc/self/cgroup; echo \"$@\"", "sh", "-g", "x")
                .requireOk();

        List<ProcCgroup> joined = ProcCgroup.parse(String.join("\n", r.lines().subList(0, r.lines().size() - 1)));
        assertThat(ProcCgroup.pathOf(joined, "cpu")).hasValue("/" + group);
        assertThat(ProcCgroup.pathOf(joined, "pids")).hasValue("/" + group);
        assertThat(r.lines().get(r.lines().size() - 1)).isEqualTo("-g x");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aSignalThatKillsTheCommandIsWhatTheParentSees() {
        assertThat(Jcg.run("exec", "-g", "cpu:" + group, "sh", "-c", "kill -TERM $$").exit()).isEqualTo(128 + 15);
    }

    private static long usage(String g) {
        return Long.parseLong(cg.read("cpuacct", g, "cpuacct.usage").strip());
    }

    private static long throttled(String g) {
        return cg.read("cpu", g, "cpu.stat").lines().filter(l -> l.startsWith("nr_throttled "))
                .mapToLong(l -> Long.parseLong(l.substring(13).strip())).findFirst().orElseThrow();
    }

    /** Waits until jcg has replaced itself with the command (its comm changes from java). */
    static void awaitComm(long pid, String comm) throws Exception {
        Path file = Path.of("/proc/" + pid + "/comm");
        for (int i = 0; i < 300; i++) {
            if (Files.exists(file) && Files.readString(file).strip().equals(comm)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("process " + pid + " never became " + comm);
    }

    static void requireLibcgroup(String tool) {
        Skip.unless(Processes.onPath(tool), tool + " (libcgroup's cgroup-tools) is not installed: nothing to compare with");
    }
}
