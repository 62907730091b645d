package io.github.jcg.demo;

import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.sample.UsageSnapshot;
import io.github.jcg.fibtest.ConfiguredCpus;
import io.github.jcg.fibtest.LiveReport;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo, step by step as the cgroups article tells it: create a group, run fibtest in
 * it, watch it, choke it with a tiny quota, loosen it to a middle limit, remove the limit and
 * watch it breathe again. Measures each phase with the group's own accounting and the
 * workload's own throughput, and cleans up on every way out.
 */
public final class DemoAgent {
    static final long PLACED_TIMEOUT_MILLIS = 30_000;
    static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final DemoSettings settings;
    private final boolean keep;
    private final ProgressPrinter progress;
    private final PrintWriter err;

    /**
     * @param out  progress (and nothing else); {@code quiet} silences it
     * @param err  where the interrupted-cleanup line goes
     */
    public DemoAgent(DemoSettings settings, boolean keep, boolean quiet, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.keep = keep;
        this.progress = new ProgressPrinter(out, quiet);
        this.err = err;
    }

    /** Runs the whole demo; the group is gone (unless kept) and the workload stopped when this returns or throws. */
    public DemoReport run() {
        Preflight.requireRoot(Preflight.uid());
        List<Phase> phases = phases();
        CgroupHost host = CgroupHost.discover();
        DemoGroup group = DemoGroup.plan(host, settings.group());
        try (Cleanup cleanup = new Cleanup(group, keep, err).installHook()) {
            DemoReport report;
            try {
                report = runIn(host, group, phases, cleanup);
            } catch (RuntimeException e) {
                if (cleanup.interrupted()) {
                    // Ctrl-C: the shutdown hook took the group away under our feet and said so
                    throw new DemoInterruptedException();
                }
                throw e;
            }
            cleanup.run();
            progress.say("");
            progress.say("6. " + cleanup.outcome());
            return report;
        }
    }

    private List<Phase> phases() {
        try {
            return settings.phases();
        } catch (IllegalArgumentException e) {
            throw new DemoException(e.getMessage(), e);
        }
    }

    private DemoReport runIn(CgroupHost host, DemoGroup group, List<Phase> phases, Cleanup cleanup) {
        CgroupVersion version = group.version();
        progress.say("jcg demo: CFS bandwidth throttling, step by step (" + host.mode().name().toLowerCase(java.util.Locale.ROOT)
                + " host, cpu controller on cgroup " + version.name().toLowerCase(java.util.Locale.ROOT) + ")");
        int cpus = ConfiguredCpus.count();
        long weight = settings.effectiveWeight(cpus);
        group.create();
        if (weight > 0) {
            group.weight(weight);
        }
        // try every limit once now, so a quota the kernel refuses fails before anything runs
        for (Phase p : phases) {
            group.apply(p.limit());
        }
        group.apply(CpuLimit.none());
        progress.say("1. created group " + group.path() + " in " + String.join(" and ", group.directories())
                + (weight == DemoSettings.HIGH_WEIGHT ? " (CPU weight " + weight + ", so busy neighbours cannot mask the quota)"
                : weight > 0 ? " (CPU weight " + weight + ")" : ""));

        WorkloadProcess workload = WorkloadProcess.start(WorkloadCommand.ignoringSigint(WorkloadCommand.build(
                WorkloadCommand.currentJava(), WorkloadCommand.currentClassPath(), settings, group.path(), group.controllers())));
        cleanup.track(workload);
        long pid = workload.awaitPlaced(PLACED_TIMEOUT_MILLIS);
        if (!group.processes().contains(pid)) {
            throw new DemoException("the workload (pid " + pid + ") reported it joined " + group.path()
                    + " but is not listed in its cgroup.procs");
        }
        progress.say("2. started fibtest (pid " + pid + ", " + settings.threads() + " fast thread"
                + (settings.threads() == 1 ? "" : "s") + "); it placed itself in the group before starting any thread");
        workload.awaitMeasuring(PLACED_TIMEOUT_MILLIS + Math.round(settings.warmupSeconds() * 1000));
        progress.say("3. JIT warmed up for " + Numbers.plain(settings.warmupSeconds()) + " s; watching the group's "
                + (version == CgroupVersion.V2 ? "cpu.stat" : "cpuacct.usage and cpu.stat") + " every second");
        progress.say("4. phases: " + describe(phases));

        PhaseRunner runner = new PhaseRunner(group, workload, progress, version);
        for (Phase p : phases) {
            runner.run(p);
        }
        Optional<String> finalLine = workload.stop(STOP_TIMEOUT_MILLIS);
        progress.say("");
        progress.say("5. stopped fibtest; it printed: " + finalLine.map(String::strip).orElse("(nothing)"));

        DemoContext context = new DemoContext(group.path(), group.controllers(), host.mode().name().toLowerCase(java.util.Locale.ROOT),
                version.name().toLowerCase(java.util.Locale.ROOT), group.directories(), settings.threads(), cpus, weight, pid);
        List<PhaseResult> results = results(runner, workload.log(), context);
        return new DemoReport(context, results, runner.spans(), runner.ticks(), workload.log().all(),
                Checks.evaluate(results, CpuEmulation.detect()), finalLine, keep);
    }

    private static List<PhaseResult> results(PhaseRunner runner, ThroughputLog log, DemoContext context) {
        List<PhaseSpan> spans = runner.spans();
        double baseline = log.rateBetween(spans.get(0).windowStartNanos(), spans.get(0).endNanos());
        List<PhaseResult> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            PhaseSpan s = spans.get(i);
            List<Double> perSecond = new ArrayList<>();
            for (LiveReport r : log.between(s.startNanos(), s.endNanos())) {
                perSecond.add(r.iterationsPerSecond());
            }
            out.add(new PhaseResult(s.phase(), runner.windows().get(i), log.rateBetween(s.windowStartNanos(), s.endNanos()),
                    baseline, context.demandCores(), perSecond));
        }
        return out;
    }

    private static String describe(List<Phase> phases) {
        List<String> parts = new ArrayList<>();
        for (Phase p : phases) {
            parts.add(p.name() + " " + p.seconds() + " s" + (p.limit().isLimited() ? " (" + p.limit().describe() + ")" : ""));
        }
        return String.join(" → ", parts) + "; the first " + phases.get(0).settleSeconds()
                + " s of each are settle time, left out of its numbers";
    }

    /** Holds each phase's limit for its length, sampling the group once a second. */
    static final class PhaseRunner {
        private final DemoGroup group;
        private final WorkloadProcess workload;
        private final ProgressPrinter progress;
        private final CgroupVersion version;
        private final List<PhaseSpan> spans = new ArrayList<>();
        private final List<CpuWindow> windows = new ArrayList<>();
        private final List<CpuTick> ticks = new ArrayList<>();

        PhaseRunner(DemoGroup group, WorkloadProcess workload, ProgressPrinter progress, CgroupVersion version) {
            this.group = group;
            this.workload = workload;
            this.progress = progress;
            this.version = version;
        }

        void run(Phase phase) {
            group.apply(phase.limit());
            UsageSnapshot previous = group.sample();
            long start = previous.monotonicNanos();
            progress.phaseStarts(phase, version);
            UsageSnapshot windowStart = phase.settleSeconds() == 0 ? previous : null;
            for (int s = 1; s <= phase.seconds(); s++) {
                sleepUntil(start + s * 1_000_000_000L);
                if (!workload.isAlive()) {
                    throw new DemoException("the workload exited during the " + phase.name() + " phase: "
                            + workload.diagnostics());
                }
                UsageSnapshot now = group.sample();
                CpuWindow second = CpuWindow.between(previous, now);
                ticks.add(new CpuTick(now.monotonicNanos(), second.seconds(), second.cpuPercent(), second.periods(),
                        second.throttledPeriods(), phase.role()));
                LiveReport latest = workload.log().latest();
                // a report from before this phase's limit would describe the previous phase
                boolean current = latest != null && latest.monotonicNanos() - start > 0;
                progress.second(phase, s, current ? latest.iterationsPerSecond() : Double.NaN, second.cpuPercent(),
                        second.throttledPeriods(), second.periods());
                if (s == phase.settleSeconds()) {
                    windowStart = now;
                }
                previous = now;
            }
            spans.add(new PhaseSpan(phase, start, windowStart.monotonicNanos(), previous.monotonicNanos()));
            windows.add(CpuWindow.between(windowStart, previous));
        }

        List<PhaseSpan> spans() {
            return spans;
        }

        List<CpuWindow> windows() {
            return windows;
        }

        List<CpuTick> ticks() {
            return ticks;
        }

        private static void sleepUntil(long due) {
            long left;
            while ((left = due - System.nanoTime()) > 0) {
                try {
                    Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DemoException("interrupted");
                }
            }
        }
    }
}
