package io.github.jcg.fibtest;

import io.github.jcg.core.CgroupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code fibtest}: the Fibonacci workload of the cgroups throttling demo, with the C
 * original's options ({@code -t -f -s -v}) and its last line on stdout,
 * {@code Iterations Completed(M): N } (see {@link FibtestResult#finalLine()}).
 *
 * <p>Where the output goes: stdout carries only what the original prints (the {@code -v}
 * lines and the final line), so scripts that read it keep working. The live throughput line,
 * one per second, goes to stderr ({@code -q} turns it off).
 *
 * <p>Hidden options are for the demo agent: {@code --cgroup} makes the process join a group
 * before any worker starts, {@code --until-eof} ends the run when stdin closes (so the
 * workload never outlives its agent), {@code --agent} writes machine-readable lines on stderr
 * ({@link AgentProtocol}, {@link LiveReport#agentLine()}).
 */
@Command(name = "fibtest",
        description = {
                "Runs the Fibonacci sequence on several threads for a while and prints how many iterations it completed.",
                "Fast threads run flat out; slow threads run 100 iterations, then sleep 10 ms.",
                "Live throughput goes to stderr once a second; stdout ends with 'Iterations Completed(M): N'."},
        sortOptions = false)
public final class FibtestCommand implements Callable<Integer> {
    /** Exit status when the workload could not join its group. */
    public static final int EXIT_NOT_PLACED = 3;

    /** The command with its defaults; picocli sets the options given. */
    public FibtestCommand() {
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-t", "--threads"}, paramLabel = "NUM",
            description = "Total number of threads (default: the number of CPUs; never fewer than -f).")
    Integer threads;

    @Option(names = {"-f", "--fast"}, paramLabel = "NUM", description = "Number of fast threads (default: ${DEFAULT-VALUE}).")
    int fast = FibtestOptions.DEFAULT_FAST_THREADS;

    @Option(names = {"-s", "--seconds"}, paramLabel = "NUM", description = "Duration of the measured run (default: ${DEFAULT-VALUE}).")
    int seconds = FibtestOptions.DEFAULT_SECONDS;

    @Option(names = {"-v", "--verbose"}, description = "Print each thread's iterations and Fibonacci value before the total.")
    boolean verbose;

    @Option(names = {"-w", "--warmup"}, paramLabel = "SECONDS",
            description = "Unmeasured warm-up for the JIT before the measured run (default: ${DEFAULT-VALUE}).")
    double warmupSeconds = FibtestOptions.DEFAULT_WARMUP_MILLIS / 1000.0;

    @Option(names = {"-i", "--interval"}, paramLabel = "MS", description = "Live line interval in ms (default: ${DEFAULT-VALUE}).")
    long intervalMillis = FibtestOptions.DEFAULT_INTERVAL_MILLIS;

    @Option(names = {"-q", "--quiet"}, description = "No live throughput lines on stderr.")
    boolean quiet;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--cgroup", hidden = true, paramLabel = "PATH")
    String cgroup;

    @Option(names = "--cgroup-controllers", hidden = true, paramLabel = "LIST")
    String cgroupControllers = "cpu,cpuacct";

    @Option(names = "--until-eof", hidden = true)
    boolean untilEof;

    @Option(names = "--agent", hidden = true)
    boolean agent;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (cgroup != null && !placeSelf(err)) {
            return EXIT_NOT_PLACED;
        }
        FibtestOptions options = options();
        FibtestRun run = new FibtestRun(options);
        if (untilEof) {
            watchStdin(System.in, run);
        }
        FibtestResult result = run.run(
                nanos -> {
                    if (agent) {
                        line(err, AgentProtocol.measuring(nanos));
                    }
                },
                agent ? r -> line(err, r.agentLine()) : options.live() ? r -> line(err, r.humanLine()) : null);
        if (verbose) {
            result.verboseLines().forEach(out::println);
        }
        out.println(result.finalLine());
        out.flush();
        return 0;
    }

    FibtestOptions options() {
        if (warmupSeconds < 0 || Double.isNaN(warmupSeconds)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-w must not be negative (got " + warmupSeconds + ")");
        }
        int cpus = ConfiguredCpus.count();
        try {
            return new FibtestOptions(threads == null ? cpus : threads, fast, seconds, verbose,
                    Math.round(warmupSeconds * 1000), intervalMillis, !quiet, cpus);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private boolean placeSelf(PrintWriter err) {
        try {
            line(err, AgentProtocol.placed(SelfPlacement.join(cgroup, cgroupControllers)));
            return true;
        } catch (CgroupException e) {
            line(err, AgentProtocol.error(e.getMessage()));
            return false;
        }
    }

    /** Ends the run when stdin reaches end of file: the agent closed it, or the agent died. */
    private static void watchStdin(InputStream in, FibtestRun run) {
        Thread watcher = new Thread(() -> {
            byte[] sink = new byte[256];
            try {
                while (in.read(sink) >= 0) {
                    // whatever the agent writes is ignored; only the end matters
                }
            } catch (IOException e) {
                // a broken stdin is as good as a closed one
            }
            run.stopNow();
        }, "fibtest-stdin");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void line(PrintWriter w, String text) {
        w.println(text);
        w.flush();
    }
}
