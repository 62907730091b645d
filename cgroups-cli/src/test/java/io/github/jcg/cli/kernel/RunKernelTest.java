package io.github.jcg.cli.kernel;

import io.github.jcg.cli.Main;
import io.github.jcg.cli.Run;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jcg run} on the real kernel, in whatever layout this is (the host, the VM lane's v2,
 * v1 and split guests): exit statuses, the limits that kill the whole group, leftovers killed,
 * the fork limit and the OOM killer reported, signals passed on, and the group gone afterwards.
 *
 * <p>On a real host with v1 memory, runs use the cpu, cpuacct, pids and freezer hierarchies only:
 * the machine's supervisor keeps this process in a memory group that is not ours to take its
 * children out of (see {@link KernelFixture}); the OOM case then runs in the VM lane only.
 */
class RunKernelTest {
    private static KernelFixture kernel;
    private static String controllers;

    @BeforeAll
    static void setUp() {
        kernel = KernelFixture.require();
        controllers = memoryIsOurs() ? "*" : "cpu,cpuacct,pids,freezer";
    }

    @AfterAll
    static void tearDown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    /** Whether a child of this process may be moved in the memory hierarchy: in the VM, or where it is not v1 under a foreign group. */
    private static boolean memoryIsOurs() {
        if (!"host".equals(KernelFixture.layoutName())) {
            return true;
        }
        Hierarchy memory = kernel.host.layout().hierarchyOf(Controller.MEMORY).orElseThrow();
        return memory.version() == CgroupVersion.V2 || "/".equals(kernel.groupOf(ProcessHandle.current().pid(), Controller.MEMORY));
    }

    private static Run run(String name, String... rest) {
        List<String> args = new ArrayList<>(List.of("run", "-o", "json", "--controllers", controllers, "--group", kernel.path(name)));
        args.addAll(List.of(rest));
        return Run.as("jcg", args.toArray(new String[0]));
    }

    /** The JSON summary: the last line jcg run wrote on stderr. */
    private static String summary(Run r) {
        String[] lines = r.errLines();
        assertThat(lines).as(r.toString()).isNotEmpty();
        String last = lines[lines.length - 1];
        assertThat(last).as(r.toString()).startsWith("{").endsWith("}");
        return last;
    }

    private static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\"[^\"]*\"|[^,}]*)").matcher(json);
        assertThat(m.find()).as(key + " in " + json).isTrue();
        return m.group(1).replace("\"", "");
    }

    private static void assertGone(String name) {
        for (Hierarchy h : kernel.host.layout().hierarchies()) {
            assertThat(h.mountPoint().resolve(kernel.path(name))).as("the run's group is removed").doesNotExist();
        }
    }

    @Test
    void theCommandsOwnStatusAndItsGroupRemovedAfter() {
        Run r = run("status", "--", "sh", "-c", "grep -q " + kernel.path("status") + " /proc/self/cgroup || exit 99; exit 7");
        assertThat(r.status()).as(r.toString()).isEqualTo(7);
        String s = summary(r);
        assertThat(field(s, "termination")).isEqualTo("exited");
        assertThat(field(s, "group_removed")).isEqualTo("true");
        assertThat(Double.parseDouble(field(s, "wall_seconds"))).isPositive();
        assertGone("status");
    }

    @Test
    void theWallLimitKillsTheWholeGroup() {
        Run r = run("wall", "--wall-limit", "1s", "--", "sh", "-c", "sleep 60 & sleep 60");
        assertThat(r.status()).as(r.toString()).isEqualTo(137);
        String s = summary(r);
        assertThat(field(s, "termination")).isEqualTo("wall_time_limit");
        assertThat(Double.parseDouble(field(s, "wall_seconds"))).isBetween(1.0, 20.0);
        assertGone("wall");
    }

    @Test
    void theCpuTimeLimitKillsTheWholeGroup() {
        Run r = run("cpu", "--cpu-time-limit", "0.5s", "--", "sh", "-c", "while :; do :; done");
        assertThat(r.status()).as(r.toString()).isEqualTo(137);
        String s = summary(r);
        assertThat(field(s, "termination")).isEqualTo("cpu_time_limit");
        // the limit is checked every 100 ms: at most that much more per CPU
        assertThat(Double.parseDouble(field(s, "cpu_seconds"))).isBetween(0.5, 0.5 + 0.1 * Runtime.getRuntime().availableProcessors() + 0.2);
        assertGone("cpu");
    }

    @Test
    void aDaemonisedChildIsKilledAtTheEnd() throws IOException {
        Path pidFile = Files.createTempFile("jcg-run-daemon", ".pid");
        try {
            Run r = run("daemon", "--", "sh", "-c", "setsid sleep 300 </dev/null >/dev/null 2>&1 & echo $! > " + pidFile + "; exit 0");
            assertThat(r.status()).as(r.toString()).isZero();
            String s = summary(r);
            assertThat(Integer.parseInt(field(s, "left_over"))).isGreaterThanOrEqualTo(1);
            long daemon = Long.parseLong(Files.readString(pidFile).strip());
            assertThat(isRunning(daemon)).as("the daemon " + daemon + " was killed").isFalse();
            assertGone("daemon");
        } finally {
            Files.deleteIfExists(pidFile);
        }
    }

    @Test
    void aForkBombStopsAtThePidsLimit() {
        Run r = run("forks", "--pids", "50", "--wall-limit", "60s", "--",
                "sh", "-c", "i=0; while [ $i -lt 300 ]; do sleep 60 & i=$((i+1)); done; wait");
        assertThat(r.status()).as(r.toString()).isNotZero().isNotEqualTo(137);
        String s = summary(r);
        assertThat(field(s, "termination")).isEqualTo("pids_limit");
        assertThat(Long.parseLong(field(s, "pids_limit_hits"))).isPositive();
        assertThat(Long.parseLong(field(s, "pids_peak"))).isBetween(2L, 50L);
        assertThat(Integer.parseInt(field(s, "left_over"))).isBetween(1, 49);
        assertGone("forks");
    }

    @Test
    void aMemoryHogIsReportedAsAnOomKillWithItsPeak() {
        KernelFixture.skipUnless(controllers.equals("*"),
                "processes may not join this host's v1 memory hierarchy (its supervisor's groups live there); the VM lane runs this");
        Run r = run("hog", "--memory", "64Mi", "--", "sh", "-c", "x=aaaaaaaaaaaaaaaa; while :; do x=$x$x; done");
        assertThat(r.status()).as(r.toString()).isEqualTo(137);
        String s = summary(r);
        assertThat(field(s, "termination")).isEqualTo("oom_kill");
        assertThat(Long.parseLong(field(s, "oom_kills"))).isPositive();
        assertThat(field(s, "memory_peak_source")).isEqualTo("kernel");
        assertThat(Long.parseLong(field(s, "memory_peak"))).isBetween(16L << 20, 64L << 20);
        assertGone("hog");
    }

    /**
     * The memory peak is the kernel's counter for the whole group, which is not {@code time -v}'s
     * maxrss: that is {@code getrusage}'s {@code ru_maxrss}, the largest high-water resident set
     * ({@code VmHWM}) of one waited-for process, its shared library pages included (charged to
     * whichever group touched them first), while the group's peak counts every process's
     * anonymous memory, page cache and kernel memory at its highest moment. For one process
     * growing a heap they meet: the peak is at least the high-water mark less its file pages.
     * Both are printed, for BENCHMARKS.md. (VmHWM is read by the shell itself, with builtins
     * only: busybox's {@code time -v}, the VM lane's, prints ru_maxrss four times too large, and
     * its {@code grep} applet read another process's status there.)
     */
    @Test
    void theMemoryPeakIsTheKernelsCounterBesideTheProcesssHighWaterMark() throws IOException {
        KernelFixture.skipUnless(controllers.equals("*"),
                "processes may not join this host's v1 memory hierarchy (its supervisor's groups live there); the VM lane runs this");
        Path hwm = Files.createTempFile("jcg-run-hwm", ".txt");
        // the string doubles 21 times to 32 MiB; the shell holds the old and the new copy while it builds one
        Run r = run("peak", "--memory", "512Mi", "--", "sh", "-c",
                "x=aaaaaaaaaaaaaaaa; i=0; while [ $i -lt 21 ]; do x=$x$x; i=$((i+1)); done;"
                        + " while read -r key value unit; do echo \"$key $value $unit\"; done < /proc/$$/status > " + hwm);
        assertThat(r.status()).as(r.toString()).isZero();
        String s = summary(r);
        String status = Files.readString(hwm);
        Files.delete(hwm);
        Matcher kb = Pattern.compile("VmHWM: ([0-9]+) kB").matcher(status);
        assertThat(kb.find()).as(status).isTrue();
        long highWater = Long.parseLong(kb.group(1)) * 1024;
        long peak = Long.parseLong(field(s, "memory_peak"));
        assertThat(field(s, "memory_peak_source")).isEqualTo("kernel");
        assertThat(peak).isGreaterThanOrEqualTo(32L << 20).isGreaterThanOrEqualTo(highWater - (8L << 20));
        System.out.printf("jcg run memory peak %d bytes (kernel), the process's VmHWM (time -v's maxrss) %d bytes:"
                + " peak / maxrss = %.3f (%s)%n", peak, highWater, (double) peak / highWater, KernelFixture.layoutName());
        assertGone("peak");
    }

    @Test
    void sigtermToJcgIsPassedToTheGroup() throws Exception {
        String group = kernel.path("signal");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "run", "--controllers", controllers,
                "--group", group, "--", "sleep", "60");
        Path errFile = Files.createTempFile("jcg-run-signal", ".err");
        Process jcg = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errFile.toFile()).start();
        Path procs = kernel.hierarchy(Controller.PIDS).mountPoint().resolve(group).resolve("cgroup.procs");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(procs) && !Files.readString(procs).isBlank())) {
            assertThat(System.nanoTime()).as("the command started in its group").isLessThan(deadline);
            assertThat(jcg.isAlive()).as("jcg run is still running").isTrue();
            Thread.sleep(20);
        }
        jcg.toHandle().destroy(); // SIGTERM to jcg, which passes it on (Process.destroy would close its streams too)
        assertThat(jcg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(errFile, StandardCharsets.UTF_8);
        Files.delete(errFile);
        assertThat(jcg.exitValue()).as(err).isEqualTo(128 + 15);
        assertThat(err).contains("killed by signal 15 (SIGTERM); passed on SIGTERM");
        assertGone("signal");
    }

    @Test
    void withoutPermissionItSaysSoInOneLineAndLeavesNothing() throws Exception {
        Path setpriv = Path.of("/usr/bin/setpriv");
        KernelFixture.skipUnless(Files.isExecutable(setpriv), "no util-linux setpriv here (busybox's cannot change the uid) to run jcg as another user");
        String group = kernel.path("denied");
        List<String> command = List.of(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--controllers", controllers, "--group", group, "--", "true");
        Process jcg = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(jcg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jcg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(jcg.exitValue()).as(out).isEqualTo(125);
        assertThat(out.lines().toList()).as(out).hasSize(1);
        assertThat(out).startsWith("jcg run: cannot make the group /" + group + ": ").contains("EACCES");
        assertGone("denied");
    }

    private static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
