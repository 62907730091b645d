package io.github.jcg.demo;

import io.github.jcg.core.CgroupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code jcg demo}: the cgroups article's throttling demo in one command. Creates a group,
 * runs fibtest in it, and walks through baseline → choked → middle → restored while printing
 * live progress; then prints a table per phase, checks the CFS rules, writes a chart, and
 * removes the group (on Ctrl-C too).
 *
 * <p>Exit status: 0 when the demo ran (the checks are reported, not enforced), 1 when it could
 * not run or could not write its chart or JSON, 2 for wrong usage, 130 when interrupted. With
 * {@code --kube} (act two, {@link io.github.jcg.demo.kube.KubeDemo}) a rule that fails is exit
 * status 1 too.
 */
@Command(name = "demo",
        description = {
                "Shows CFS bandwidth throttling on this machine: creates a cgroup, runs the fibtest workload in it,",
                "chokes it with cpu.cfs_quota_us=1000 / cpu.cfs_period_us=50000, loosens it to half a CPU, restores it,",
                "and reports what the kernel's accounting measured. Needs root. Takes about a minute."},
        sortOptions = false, mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {
    public static final int EXIT_FAILED = 1;
    /** 128 + SIGINT, as a shell reports a program ended by Ctrl-C. */
    public static final int EXIT_INTERRUPTED = 130;

    /** The command with its defaults; picocli sets the options given. */
    public DemoCommand() {
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--group", paramLabel = "NAME", description = "Group to create for the demo; it must not exist (default: ${DEFAULT-VALUE}).")
    String group = DemoSettings.DEFAULT_GROUP;

    @Option(names = "--threads", paramLabel = "N", description = "Fast fibtest threads; the baseline is about N CPUs (default: ${DEFAULT-VALUE}).")
    int threads = DemoSettings.DEFAULT_THREADS;

    @Option(names = "--baseline-seconds", paramLabel = "S", description = "Length of the baseline phase (default: ${DEFAULT-VALUE}).")
    int baselineSeconds = DemoSettings.DEFAULT_PHASE_SECONDS;

    @Option(names = "--phase-seconds", paramLabel = "S", description = "Length of the choked, middle and restored phases (default: ${DEFAULT-VALUE}).")
    int phaseSeconds = DemoSettings.DEFAULT_PHASE_SECONDS;

    @Option(names = "--settle-seconds", paramLabel = "S", description = "Unmeasured seconds at the start of each phase (default: ${DEFAULT-VALUE}).")
    int settleSeconds = DemoSettings.DEFAULT_SETTLE_SECONDS;

    @Option(names = "--warmup-seconds", paramLabel = "S", description = "The workload's JIT warm-up before the baseline (default: ${DEFAULT-VALUE}).")
    double warmupSeconds = DemoSettings.DEFAULT_WARMUP_SECONDS;

    @Option(names = "--choke-quota", paramLabel = "µs", description = "Quota of the choked phase (default: ${DEFAULT-VALUE}).")
    long chokeQuota = DemoSettings.DEFAULT_CHOKE_QUOTA;

    @Option(names = "--choke-period", paramLabel = "µs", description = "Period of the choked phase (default: ${DEFAULT-VALUE}).")
    long chokePeriod = DemoSettings.DEFAULT_CHOKE_PERIOD;

    @Option(names = "--middle-cores", paramLabel = "CPUS", description = "Limit of the middle phase in CPUs (default: ${DEFAULT-VALUE}).")
    double middleCores = DemoSettings.DEFAULT_MIDDLE_CORES;

    @Option(names = "--middle-period", paramLabel = "µs", description = "Period of the middle phase (default: ${DEFAULT-VALUE}).")
    long middlePeriod = CpuLimit.DEFAULT_PERIOD_MICROS;

    @Option(names = "--weight", paramLabel = "W|auto", converter = WeightConverter.class,
            description = {"CPU weight of the group, 1-10000 (v1: converted to cpu.shares), 0 for the kernel's default, or auto:",
                    "the highest while the workload leaves a CPU free, so that a busy machine cannot hold it below",
                    "its quota (the demo measures the quota, not the neighbours), else the default (default: auto)."})
    long weight = DemoSettings.DEFAULT_WEIGHT;

    @Option(names = "--chart", paramLabel = "FILE", description = "Where to write the PNG chart (default: ${DEFAULT-VALUE}); without fonts, FILE.svg instead.")
    Path chart = Path.of("fibtest-demo.png");

    @Option(names = "--svg", description = "Also write the chart as SVG, next to the PNG (FILE.svg).")
    boolean svg;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the report as JSON to FILE, or to stdout with '-' (the rest then goes to stderr).")
    String json;

    @Option(names = "--keep", description = "Leave the group in place afterwards, for inspection (the workload is stopped).")
    boolean keep;

    @Option(names = "--quiet", description = "No step-by-step progress; just the report.")
    boolean quiet;

    @Option(names = "--kube", description = {"Act two: Kubernetes' resource model with the kubelet's own cgroup values. Two Burstable",
            "pods (requests.cpu 250m and 750m) share the CPUs by weight, and split one contended CPU 1:3 (taskset);",
            "big, recreated with a CPU limit, is throttled to it; hog (limits.memory 64Mi) is OOM-killed.",
            "About 45 s; the chart goes to jcg-demo-kube.png unless --chart says."})
    boolean kube;

    @Option(names = "--no-oom", description = "With --kube: skip the memory step, for hosts where processes may not leave their memory group.")
    boolean noOom;

    @Option(names = "--kube-settle-seconds", paramLabel = "S", description = "With --kube: unmeasured seconds at the start of each CPU step (default: ${DEFAULT-VALUE}).")
    int kubeSettleSeconds = io.github.jcg.demo.kube.KubeDemoSettings.DEFAULT_SETTLE_SECONDS;

    @Option(names = "--kube-window-seconds", paramLabel = "S", description = "With --kube: measured seconds of each CPU step (default: ${DEFAULT-VALUE}).")
    int kubeWindowSeconds = io.github.jcg.demo.kube.KubeDemoSettings.DEFAULT_WINDOW_SECONDS;

    @Option(names = "--kube-oom-seconds", paramLabel = "S", description = "With --kube: how long hog may take to be OOM-killed (default: ${DEFAULT-VALUE}).")
    int kubeOomSeconds = io.github.jcg.demo.kube.KubeDemoSettings.DEFAULT_OOM_SECONDS;

    @Option(names = "--kube-node-weight", paramLabel = "W", description = {"With --kube: CPU weight of the node's root group, 1-10000",
            "(v1: converted to cpu.shares), 0 for the kernel's default (default: ${DEFAULT-VALUE}: other processes cannot change the node's part)."})
    long kubeNodeWeight = io.github.jcg.demo.kube.KubeDemoSettings.DEFAULT_NODE_WEIGHT;

    /** The chart of act two unless --chart names another. */
    static final Path KUBE_CHART = Path.of("jcg-demo-kube.png");

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new DemoCommand());
        cli.setOut(out);
        cli.setErr(err);
        int status = cli.execute(args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    DemoSettings settings() {
        return new DemoSettings(group, threads, baselineSeconds, phaseSeconds, settleSeconds, warmupSeconds,
                chokeQuota, chokePeriod, middleCores, middlePeriod, weight);
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean jsonToStdout = "-".equals(json);
        PrintWriter human = jsonToStdout ? err : stdout;
        if (noOom && !kube) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--no-oom belongs to act two: give it with --kube");
        }
        if (kube) {
            return kube(stdout, err, human, jsonToStdout);
        }
        DemoAgent agent = new DemoAgent(settings(), keep, quiet, human, err);
        DemoReport report;
        try {
            report = agent.run();
        } catch (DemoInterruptedException e) {
            return EXIT_INTERRUPTED;
        } catch (DemoException | CgroupException e) {
            err.println("jcg demo: " + e.getMessage());
            err.flush();
            return EXIT_FAILED;
        }
        int status = 0;
        List<Path> charts = new ArrayList<>();
        try {
            ChartFiles.write(report, chart, svg, err, charts);
        } catch (IOException | RuntimeException | Error e) {
            err.println("jcg demo: could not write the chart " + chart.toAbsolutePath() + ": " + e);
            status = EXIT_FAILED;
        }
        human.println();
        ReportText.lines(report, charts).forEach(human::println);
        human.flush();
        if (json != null) {
            status = writeJson(report, charts, jsonToStdout ? stdout : null, human, err) ? status : EXIT_FAILED;
        }
        return status;
    }

    io.github.jcg.demo.kube.KubeDemoSettings kubeSettings() {
        try {
            return new io.github.jcg.demo.kube.KubeDemoSettings(kubeSettleSeconds, kubeWindowSeconds, warmupSeconds, kubeOomSeconds,
                    noOom, spec != null && spec.commandLine().getParseResult().hasMatchedOption("--threads") ? threads : 0,
                    kubeNodeWeight);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Act two: runs it, writes its chart and JSON, prints its report; 1 when a rule failed. */
    private int kube(PrintWriter stdout, PrintWriter err, PrintWriter human, boolean jsonToStdout) {
        io.github.jcg.demo.kube.KubeReport report;
        try {
            report = new io.github.jcg.demo.kube.KubeDemo(kubeSettings(), quiet, human, err).run();
        } catch (DemoInterruptedException e) {
            return EXIT_INTERRUPTED;
        } catch (DemoException | CgroupException e) {
            err.println("jcg demo --kube: " + e.getMessage());
            err.flush();
            return EXIT_FAILED;
        }
        int status = report.passed() ? 0 : EXIT_FAILED;
        Path file = spec.commandLine().getParseResult().hasMatchedOption("--chart") ? chart : KUBE_CHART;
        List<Path> charts = new ArrayList<>();
        try {
            charts.add(io.github.jcg.demo.kube.KubeChart.write(report, file, err));
        } catch (IOException | RuntimeException | Error e) {
            err.println("jcg demo --kube: could not write the chart " + file.toAbsolutePath() + ": " + e);
            status = EXIT_FAILED;
        }
        human.println();
        io.github.jcg.demo.kube.KubeReportText.lines(report, charts).forEach(human::println);
        human.flush();
        if (json != null) {
            try {
                if (jsonToStdout) {
                    io.github.jcg.demo.kube.KubeReportJson.write(report, charts, stdout);
                } else {
                    try (Writer w = Files.newBufferedWriter(Path.of(json), StandardCharsets.UTF_8)) {
                        io.github.jcg.demo.kube.KubeReportJson.write(report, charts, w);
                    }
                    human.println("JSON report written to " + Path.of(json).toAbsolutePath());
                    human.flush();
                }
            } catch (IOException | RuntimeException e) {
                err.println("jcg demo --kube: could not write the JSON report to " + json + ": " + e.getMessage());
                status = EXIT_FAILED;
            }
        }
        return status;
    }

    private boolean writeJson(DemoReport report, List<Path> charts, PrintWriter stdout, PrintWriter human, PrintWriter err) {
        try {
            if (stdout != null) {
                ReportJson.write(report, charts, stdout);
            } else {
                try (Writer w = Files.newBufferedWriter(Path.of(json), StandardCharsets.UTF_8)) {
                    ReportJson.write(report, charts, w);
                }
                human.println("JSON report written to " + Path.of(json).toAbsolutePath());
                human.flush();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            err.println("jcg demo: could not write the JSON report to " + json + ": " + e.getMessage());
            return false;
        }
    }

    /** {@code auto}, 0, or a weight from 1 to 10000. */
    static final class WeightConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            if (value.equalsIgnoreCase("auto")) {
                return DemoSettings.AUTO_WEIGHT;
            }
            long w;
            try {
                w = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a weight: give 1 to 10000, 0 or auto");
            }
            if (w < 0 || w > 10_000) {
                throw new CommandLine.TypeConversionException("a weight is from 1 to 10000, or 0 for the kernel's default (got " + w + ")");
            }
            return w;
        }
    }
}
