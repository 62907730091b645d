package io.github.jcg.demo;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo on this machine's real kernel (root and a writable cpu controller, else skipped
 * with the reason printed): the CFS rules hold, the chart is a PNG (an SVG where there are no fonts,
 * as in the VM lane's guest), and nothing is left behind,
 * whether the demo ends, fails or is stopped by a signal. Every group is named
 * {@code jcg-test-demo-<random>} and removed afterwards even when a test fails.
 */
class DemoKernelTest {
    private CgroupHost host;
    private String controllers;
    private final String name = "jcg-test-demo-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Process> started = new ArrayList<>();
    private String demoOutput = "";

    @BeforeEach
    void requireRealKernel() {
        long uid = Preflight.uid();
        skipUnless(uid == 0, "the demo creates cgroups and needs root (uid is " + uid + ")");
        host = CgroupHost.discover();
        try {
            controllers = Preflight.controllersFor(host.layout());
        } catch (DemoException e) {
            skipUnless(false, e.getMessage());
        }
        Cgroup probe = host.group(name, ControllerSelection.parse(controllers));
        boolean writable = probe.hierarchies().stream().allMatch(h -> Files.isWritable(h.mountPoint()));
        skipUnless(writable, "the cpu hierarchy is not writable here");
    }

    @AfterEach
    void removeEverything() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        if (host != null) {
            host.group(name, ControllerSelection.parse(controllers))
                    .delete(DeleteOptions.defaults().recursively().onPopulated(DeleteOptions.OnPopulated.KILL).ignoringMissing());
            assertGone(name);
        }
    }

    @Test
    void theDemoShowsTheCfsRulesOnThisKernelWritesItsChartAndCleansUp(@TempDir Path dir) throws Exception {
        try {
            runTheDemoAndCheckItsRules(Files.createDirectory(dir.resolve("first")));
        } catch (AssertionError first) {
            // where QEMU emulates the CPU (the VM lane), whatever else runs on the host takes time
            // from the guest's CPUs that the guest still counts as its own, so a phase's
            // throughput can fall to half of the baseline's (measured: restored at 49 % and 51 %
            // while the host was busy). That is the emulator's, not the kernel's or jcg's: one
            // more run there; twice is a failure, and on real hardware once is
            if (CpuEmulation.detect().isEmpty()) {
                throw first;
            }
            String why = String.valueOf(first.getMessage()).strip().replaceAll("\\s+", " ");
            System.out.println("demo rules: the first run on this emulated CPU missed ("
                    + why.substring(0, Math.min(200, why.length())) + "); running it once more");
            runTheDemoAndCheckItsRules(Files.createDirectory(dir.resolve("second")));
        }
    }

    @SuppressWarnings("unchecked")
    private void runTheDemoAndCheckItsRules(Path dir) throws Exception {
        Path chart = dir.resolve("demo.png");
        Path json = dir.resolve("demo.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status = demo(out, err, "--group", name, "--baseline-seconds", "8", "--phase-seconds", "8",
                "--settle-seconds", "2", "--chart", chart.toString(), "--json", json.toString());

        System.out.println(out);
        assertThat(status).as(err.toString()).isZero();
        String reportText = Files.readString(json);
        // a number missing from the report fails with what the demo printed and wrote, to see why
        demoOutput = out + "\n" + err + "\n" + reportText;
        Map<String, Object> report = (Map<String, Object>) MiniJson.parse(reportText);
        List<Map<String, Object>> phases = (List<Map<String, Object>>) report.get("phases");
        Map<String, Object> choked = phases.get(1);
        Map<String, Object> middle = phases.get(2);
        Map<String, Object> restored = phases.get(3);

        List<Map<String, Object>> checks = (List<Map<String, Object>>) report.get("checks");
        Map<String, Object> throughput = checks.stream().filter(c -> "choked-throughput".equals(c.get("name"))).findFirst().orElseThrow();
        // on an emulated CPU the choked workload may not report twice in the window (the check says so)
        boolean unmeasured = choked.get("percentOfBaseline") == null && Check.EMULATED_CPU.equals(throughput.get("tolerance"));
        double factor = unmeasured ? Double.NaN : num(choked, "percentOfBaseline") / num(choked, "expectedPercentOfBaseline");
        double cost = unmeasured ? Double.NaN : num(choked, "periodCostMicros");
        System.out.printf(java.util.Locale.ROOT, "demo rules measured (%s): choked share %.2f %% of 2 %%, throttled %.0f of %.0f periods,"
                        + " throughput %.2f %% of baseline (× %.2f of quota/period × baseline), a period cost %.0f µs beyond its work,"
                        + " middle share %.2f %% of 50 %%, restored %.1f %% of baseline; choked-throughput judged %s (CPU: %s)%n",
                System.getProperty("jcg.vm.layout", "host"), num(choked, "measuredCpuPercent"), num(choked, "throttledPeriods"),
                num(choked, "periods"), unmeasured ? Double.NaN : num(choked, "percentOfBaseline"), factor, cost, num(middle, "measuredCpuPercent"),
                num(restored, "percentOfBaseline"), throughput.get("tolerance"), CpuEmulation.detect().orElse("not emulated"));

        // choked: share within ±25 % of quota/period, throttled in ≥ 80 % of the periods
        assertThat(num(choked, "measuredCpuPercent")).isBetween(0.75 * 2.0, 1.25 * 2.0);
        assertThat(num(choked, "throttledPeriods")).isGreaterThanOrEqualTo(0.8 * num(choked, "periods"));
        assertThat(num(choked, "periods")).isGreaterThanOrEqualTo(100); // 6 s of 50 ms periods is 120
        // throughput: within a factor of 2 of (quota/period) × baseline on a real CPU; where QEMU emulates
        // the CPU (chosen by its model name alone), at most twice that, and each period still doing work
        if (unmeasured) {
            assertThat((String) throughput.get("detail")).contains("throughput not measured");
        } else if (Check.EMULATED_CPU.equals(throughput.get("tolerance"))) {
            assertThat(factor).isLessThanOrEqualTo(2.0);
            assertThat(cost).isLessThan(num(choked, "quotaMicros"));
        } else {
            assertThat(throughput.get("tolerance")).isEqualTo(Check.AS_STATED);
            assertThat(factor).isBetween(0.5, 2.0);
        }
        // middle: within ±10 % of half a CPU
        assertThat(num(middle, "measuredCpuPercent")).isBetween(0.9 * 50, 1.1 * 50);
        // restored: back to at least 80 % of the baseline
        assertThat(num(restored, "percentOfBaseline")).isGreaterThanOrEqualTo(80);
        assertThat(checks).allMatch(c -> Boolean.TRUE.equals(c.get("passed")));

        String noFonts = ChartPng.fontProblem();
        if (noFonts == null) {
            BufferedImage image = ImageIO.read(chart.toFile());
            assertThat(image).isNotNull();
            assertThat(image.getWidth()).isEqualTo(ChartPng.WIDTH);
            assertThat(out.toString()).contains("Chart written to " + chart.toAbsolutePath());
        } else {
            // a machine without fonts (the VM lane's guest): the SVG instead, said in one line
            Path svg = ChartFiles.svgPath(chart);
            assertThat(chart).doesNotExist();
            assertThat(Files.readString(svg)).contains("<svg").contains("</svg>");
            assertThat(err.toString().lines().filter(l -> l.contains("no usable fonts"))).singleElement().asString()
                    .contains("wrote " + svg.toAbsolutePath() + " instead of " + chart.toAbsolutePath());
            assertThat(out.toString()).contains("Chart written to " + svg.toAbsolutePath());
        }
        assertThat(out.toString()).contains("removed group /" + name).contains("Iterations Completed(M): ");
        assertGone(name);
        long pid = ((Number) report.get("workloadPid")).longValue();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("workload still running").isFalse();
    }

    @Test
    void aQuotaTheKernelRefusesIsOneLineAndLeavesNothingBehind() {
        // v1 refuses a child whose quota/period exceeds its parent's; v2 accepts it, so only v1 can show this
        Cgroup parent = host.group(name, ControllerSelection.parse(controllers)).create();
        skipUnless(parent.hierarchies().stream().noneMatch(h -> h.version() == io.github.jcg.core.CgroupVersion.V2),
                "cgroup v2 does not refuse a child quota above its parent's");
        parent.apply(Resources.builder().cpuMax(Limit.of(10_000), 100_000).build());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status = demo(out, err, "--group", name + "/fib", "--quiet");

        assertThat(status).isEqualTo(DemoCommand.EXIT_FAILED);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("jcg demo: cannot write '50000' to ").contains("EINVAL")
                .contains("a child's quota/period may not exceed its parent's");
        for (Hierarchy h : parent.hierarchies()) {
            assertThat(parent.directory(h).resolve("fib")).doesNotExist();
        }
    }

    @Test
    void anExistingGroupIsLeftAlone() {
        Cgroup existing = host.group(name, ControllerSelection.parse(controllers)).create();
        StringWriter err = new StringWriter();

        int status = demo(new StringWriter(), err, "--group", name, "--quiet");

        assertThat(status).isEqualTo(DemoCommand.EXIT_FAILED);
        assertThat(err.toString()).contains("exists already");
        assertThat(existing.exists()).isTrue();
    }

    @Test
    void aSignalStopsTheWorkloadAndRemovesTheGroupAsCtrlCDoes(@TempDir Path dir) throws Exception {
        // SIGTERM runs the same shutdown hook as Ctrl-C's SIGINT, and unlike SIGINT it cannot
        // have been set to "ignored" by whatever started this test run
        Path stderr = dir.resolve("stderr.txt");
        Process demo = new ProcessBuilder(WorkloadCommand.currentJava(), "-cp", WorkloadCommand.currentClassPath(),
                DemoCommand.class.getName(), "--group", name, "--chart", dir.resolve("chart.png").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
        started.add(demo);
        Cgroup group = host.group(name, ControllerSelection.parse(controllers));
        long workload = awaitProcessIn(group, 60);

        demo.toHandle().destroy();

        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(err).contains("jcg demo: interrupted; stopped the workload and removed group /" + name);
        assertThat(demo.exitValue()).isEqualTo(143);
        assertGone(name);
        assertThat(ProcessHandle.of(workload).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    private static int demo(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new DemoCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static long awaitProcessIn(Cgroup group, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (group.exists() && !group.processes().isEmpty()) {
                return group.processes().get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no workload appeared in " + group + " within " + seconds + " s");
    }

    private void assertGone(String group) {
        for (Hierarchy h : host.layout().hierarchies()) {
            assertThat(h.mountPoint().resolve(group)).as("left behind in " + h.mountPoint()).doesNotExist();
        }
    }

    private double num(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Number number)) {
            throw new AssertionError("the demo's report has no number for " + key + " in " + map.get("name")
                    + "; the demo printed and wrote:\n" + demoOutput);
        }
        return number.doubleValue();
    }

    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.err.println("SKIPPED real-kernel test: " + reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }
}
