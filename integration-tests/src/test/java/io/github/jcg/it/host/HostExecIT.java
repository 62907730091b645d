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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./jcg exec} on the real hierarchies, side by side with libcgroup's cgexec where it is
 * installed. Groups are made with mkdir under this run's parent; processes only ever join
 * cpu, cpuacct and pids groups (never memory).
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

        // bin/jcg execs java, java execs sh: the pid this JVM started is the shell's
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
