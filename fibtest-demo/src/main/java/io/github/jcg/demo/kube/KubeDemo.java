package io.github.jcg.demo.kube;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.ProcessIds;
import io.github.jcg.core.limit.CpuWeight;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.run.GroupProcess;
import io.github.jcg.core.run.RunLimits;
import io.github.jcg.core.run.RunResult;
import io.github.jcg.core.run.Termination;
import io.github.jcg.core.sample.MetricFamily;
import io.github.jcg.core.sample.UsageSnapshot;
import io.github.jcg.demo.CpuWindow;
import io.github.jcg.demo.DemoException;
import io.github.jcg.demo.DemoInterruptedException;
import io.github.jcg.demo.WorkloadProcess;
import io.github.jcg.fibtest.ConfiguredCpus;
import io.github.jcg.kube.Pod;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Act two, step by step: Kubernetes' resource model made visible with the kubelet's own cgroup
 * values, under a cgroupRoot this run creates and removes.
 * <ol>
 *   <li>two Burstable pods, small (requests.cpu 250m) and big (750m), each a fibtest wanting
 *       every CPU: their cpu.shares / cpu.weight give big the larger part, measured and reported;</li>
 *   <li>(1b) the same pods, every thread of both JVMs confined to the last online CPU with
 *       {@code taskset}: on one contended CPU the weights alone split it, 1:3, the rule judged;
 *       then their CPUs are given back (skipped, with a note, where there is no taskset);</li>
 *   <li>big recreated with limits.cpu = requests.cpu, about a third of the machine: its CFS
 *       quota throttles it to the limit, alive, and small takes the CPU it leaves;</li>
 *   <li>hog, limits.memory 64Mi, running {@code tail /dev/zero}: the OOM killer ends it with
 *       SIGKILL and its group counts the kill (skipped with {@code --no-oom}).</li>
 * </ol>
 * The workloads of steps 1 and 2 join the container groups in the cpu (and v1 cpuacct)
 * hierarchies only: on a host whose supervisor keeps its processes in their memory groups they
 * never leave them. Only hog joins the memory hierarchy.
 */
public final class KubeDemo {
    static final long PLACED_TIMEOUT_MILLIS = 30_000;
    static final long STOP_TIMEOUT_MILLIS = 10_000;
    /** Seconds the fibtest workloads may run past the act's planned end before they stop on their own. */
    static final int SAFETY_SECONDS = 120;
    /** The kernel's default CPU weight (v1: 1024 shares), which the node's root has between measurements. */
    static final long DEFAULT_WEIGHT = 100;
    private static final Set<MetricFamily> CPU_METRICS = EnumSet.of(MetricFamily.CPU_USAGE, MetricFamily.THROTTLING);
    /** The note printed when step 3 is skipped. */
    public static final String NO_OOM_NOTE = "step 3 (a memory limit OOM-kills) skipped (--no-oom): on this host processes"
            + " may not leave their memory group, and hog would have to join its pod's";

    private final KubeDemoSettings settings;
    private final boolean quiet;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param settings what to do
     * @param quiet    no step-by-step progress
     * @param out      the progress
     * @param err      where the interrupted-cleanup line goes
     */
    public KubeDemo(KubeDemoSettings settings, boolean quiet, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.quiet = quiet;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the act; the cgroupRoot is gone and every workload stopped when this returns or throws.
     *
     * @return the outcome
     * @throws DemoException            when the act cannot run, in one line
     * @throws DemoInterruptedException on Ctrl-C (the cleanup ran and said so)
     */
    public KubeReport run() {
        long uid = uid();
        if (uid != 0) {
            throw new DemoException("jcg demo --kube creates the kubelet's cgroups and sets CPU and memory limits,"
                    + " which needs root (uid is " + uid + "); run as root (sudo ./jcg demo --kube)");
        }
        CgroupHost host = CgroupHost.discover();
        String cpuControllers = cpuControllers(host.layout());
        String cgroupRoot = "/jcg-demo-kube-" + String.format(Locale.ROOT, "%08x", ThreadLocalRandom.current().nextInt());
        for (Hierarchy h : host.layout().hierarchies()) {
            if (Files.exists(h.mountPoint().resolve(cgroupRoot.substring(1)))) {
                throw new DemoException(cgroupRoot + " exists already in " + h.mountPoint() + "; run the demo again (the name is random)");
            }
        }
        int cpus = ConfiguredCpus.count();
        KubeletGroups kubelet = KubeletWiring.create(host, cgroupRoot, cpus);
        try (KubeCleanup cleanup = new KubeCleanup(host, cgroupRoot, err).installHook()) {
            Act act = new Act(host, kubelet, cpuControllers, cpus, cleanup);
            try {
                act.run();
            } catch (RuntimeException e) {
                if (cleanup.interrupted()) {
                    throw new DemoInterruptedException();
                }
                throw e;
            }
            String outcome = cleanup.run();
            say("");
            say("Cleanup: " + outcome);
            return act.report(outcome);
        }
    }

    /** The controllers a fibtest joins: cpu, and cpuacct where v1 mounts it (for cpuacct.usage). */
    static String cpuControllers(HostLayout layout) {
        Hierarchy cpu = layout.hierarchyOf(Controller.CPU).orElseThrow(() -> new DemoException(
                "no cpu controller on this host, so neither requests nor limits can be turned into cgroup values (available: "
                        + layout.describeAvailable() + ")"));
        if (cpu.version() == CgroupVersion.V2) {
            return "cpu";
        }
        return layout.hierarchyOf(Controller.CPUACCT).isPresent() ? "cpu,cpuacct" : "cpu";
    }

    /** The controllers hog joins: its memory group, and the CPU ones as the fibtests. */
    static String hogControllers(HostLayout layout, String cpuControllers) {
        if (layout.hierarchyOf(Controller.MEMORY).isEmpty()) {
            throw new DemoException("no memory controller on this host, so a memory limit cannot be shown; pass --no-oom"
                    + " (available: " + layout.describeAvailable() + ")");
        }
        return cpuControllers + ",memory";
    }

    private static long uid() {
        try {
            return ProcessIds.current().effectiveUid();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void say(String line) {
        if (!quiet) {
            out.println(line);
            out.flush();
        }
    }

    /** One pod while it runs: its plan, its workload, its groups. */
    private record Running(PodGroups groups, WorkloadProcess workload, Cgroup container, Cgroup podGroup) {
        String name() {
            return groups.pod().name();
        }
    }

    /** A CPU step's measurements per pod. */
    private record Measured(CpuWindow window, CpuWindow throttling) {
    }

    /** The act's state while it runs. */
    private final class Act {
        private final CgroupHost host;
        private final KubeletGroups kubelet;
        private final String cpuControllers;
        private final int cpus;
        private final int threads;
        private final KubeCleanup cleanup;
        private final DemoPods pods;
        private final CgroupVersion version;
        private final List<PodRow> rows = new ArrayList<>();
        private final List<PodTick> ticks = new ArrayList<>();
        private final List<StepSpan> spans = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private long originNanos;
        private boolean nodeWeighed;

        Act(CgroupHost host, KubeletGroups kubelet, String cpuControllers, int cpus, KubeCleanup cleanup) {
            this.host = host;
            this.kubelet = kubelet;
            this.cpuControllers = cpuControllers;
            this.cpus = cpus;
            this.threads = settings.threadsOn(cpus);
            this.cleanup = cleanup;
            this.pods = new DemoPods(kubelet.cgroupRoot().substring(1));
            this.version = host.layout().hierarchyOf(Controller.CPU).map(Hierarchy::version).orElse(CgroupVersion.V1);
        }

        void run() {
            say(String.format(Locale.ROOT, "jcg demo --kube: Kubernetes' resource model on this kernel (%s host, cpu on cgroup %s,"
                    + " %d CPUs); the kubelet's cgroupRoot is %s", mode(), versionName(), cpus, kubelet.cgroupRoot()));
            long limitMillis = DemoPods.limitMillis(cpus);
            // step 1
            Pod small = pods.small();
            Pod big = pods.big();
            say("");
            say("1. " + KubeStep.REQUESTS.story() + ": two Burstable pods, each a fibtest with " + threads + " fast thread"
                    + (threads == 1 ? "" : "s") + " (wanting every CPU)");
            Running smallRun = start(small, List.of(small, big));
            Running bigRun = start(big, List.of(small, big));
            originNanos = System.nanoTime();
            List<Measured> step1 = measure(KubeStep.REQUESTS, List.of(smallRun, bigRun));
            addRows(KubeStep.REQUESTS, List.of(smallRun, bigRun), step1);

            // step 1b: the same pods on one CPU, where the weights alone decide
            say("");
            oneCpuStep(List.of(smallRun, bigRun));

            // step 2: a pod's resources cannot change; big is deleted and created again with a limit
            say("");
            say("2. " + KubeStep.CPU_LIMIT.story() + ": big deleted and created again with requests.cpu = limits.cpu = "
                    + limitMillis + "m (a pod's resources are immutable)");
            bigRun.workload().stop(STOP_TIMEOUT_MILLIS);
            kubelet.delete(bigRun.groups());
            Pod limited = pods.bigLimited(limitMillis);
            Running limitedRun = start(limited, List.of(small, limited));
            List<Measured> step2 = measure(KubeStep.CPU_LIMIT, List.of(smallRun, limitedRun));
            addRows(KubeStep.CPU_LIMIT, List.of(smallRun, limitedRun), step2);
            for (Running r : List.of(smallRun, limitedRun)) {
                r.workload().stop(STOP_TIMEOUT_MILLIS);
                kubelet.delete(r.groups());
            }

            // step 3
            say("");
            if (settings.noOom()) {
                notes.add(NO_OOM_NOTE);
                say("3. " + NO_OOM_NOTE);
            } else {
                oomStep();
            }
        }

        private Running start(Pod pod, List<Pod> podsOnNode) {
            PodGroups groups = kubelet.plan(pod, podsOnNode);
            kubelet.apply(groups);
            say(String.format(Locale.ROOT, "   %-5s %s, %s: %s %s, %s %s%s → %s", pod.name(), groups.qosClass(),
                    describe(pod), weightFile(), groups.planned().cpuWeight(), quotaFile(), groups.planned().cpuQuota(),
                    "-".equals(groups.planned().memoryLimit()) ? "" : ", " + memoryFile() + " " + groups.planned().memoryLimit(),
                    groups.containerGroup()));
            int seconds = 4 * settings.stepSeconds() + (int) Math.ceil(settings.warmupSeconds()) + SAFETY_SECONDS;
            WorkloadProcess workload = WorkloadProcess.fibtest(threads, seconds, settings.warmupSeconds(),
                    groups.containerGroup(), cpuControllers);
            cleanup.track(workload);
            long pid = workload.awaitPlaced(PLACED_TIMEOUT_MILLIS);
            Cgroup container = host.group(groups.containerGroup(), ControllerSelection.parse(cpuControllers));
            if (!container.processes().contains(pid)) {
                throw new DemoException("the workload of pod " + pod.name() + " (pid " + pid + ") said it joined "
                        + groups.containerGroup() + " but is not in its cgroup.procs");
            }
            workload.awaitMeasuring(PLACED_TIMEOUT_MILLIS + Math.round(settings.warmupSeconds() * 1000));
            return new Running(groups, workload, container, host.group(groups.podGroup(), ControllerSelection.parse(cpuControllers)));
        }

        /**
         * Gives the node's root its weight for the measurement only: a process outside the node
         * (a workload JVM starting up before it joins its pod's group) would be starved by it.
         */
        private void weighNode(long weight) {
            if (settings.nodeWeight() <= 0) {
                return;
            }
            Cgroup node = host.group(kubelet.cgroupRoot(), ControllerSelection.parse("cpu"));
            node.apply(Resources.builder().cpuWeight(CpuWeight.weight(weight)).build());
            if (!nodeWeighed && weight == settings.nodeWeight()) {
                nodeWeighed = true;
                String file = version == CgroupVersion.V2 ? "cpu.weight" : "cpu.shares";
                say(String.format(Locale.ROOT, "   while it is measured, the node's root %s has CPU weight %d (%s %s), so that"
                        + " the host's other processes do not change the node's part of the machine", kubelet.cgroupRoot(),
                        weight, file, node.read(file).strip()));
            }
        }

        /** Samples every pod once a second; measures each over the window after the settle time. */
        private List<Measured> measure(KubeStep step, List<Running> running) {
            weighNode(settings.nodeWeight());
            try {
                return measureWeighed(step, running);
            } finally {
                weighNode(DEFAULT_WEIGHT);
            }
        }

        private List<Measured> measureWeighed(KubeStep step, List<Running> running) {
            int n = running.size();
            UsageSnapshot[] previous = new UsageSnapshot[n];
            UsageSnapshot[] windowStart = new UsageSnapshot[n];
            UsageSnapshot[] podPrevious = new UsageSnapshot[n];
            UsageSnapshot[] podWindowStart = new UsageSnapshot[n];
            for (int i = 0; i < n; i++) {
                previous[i] = sample(running.get(i).container());
                podPrevious[i] = sample(running.get(i).podGroup());
                if (settings.settleSeconds() == 0) {
                    windowStart[i] = previous[i];
                    podWindowStart[i] = podPrevious[i];
                }
            }
            long start = System.nanoTime();
            double startSeconds = seconds(start);
            int total = settings.stepSeconds();
            for (int s = 1; s <= total; s++) {
                sleepUntil(start + s * 1_000_000_000L);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "   step %-2s %3d/%d s ", step.label(), s, total));
                for (int i = 0; i < n; i++) {
                    Running r = running.get(i);
                    if (!r.workload().isAlive()) {
                        throw new DemoException("the workload of pod " + r.name() + " exited during step " + step.label()
                                + ": " + r.workload().diagnostics());
                    }
                    UsageSnapshot now = sample(r.container());
                    UsageSnapshot podNow = sample(r.podGroup());
                    CpuWindow second = CpuWindow.between(previous[i], now);
                    CpuWindow podSecond = CpuWindow.between(podPrevious[i], podNow);
                    double cores = second.cpuPercent() / 100;
                    ticks.add(new PodTick(seconds(now.monotonicNanos()), step, r.name(), cores));
                    CpuWindow throttling = throttlingOf(second, podSecond);
                    line.append(String.format(Locale.ROOT, "  %-5s %5.2f CPUs", r.name(), cores));
                    if (throttling.periods() > 0) {
                        line.append(String.format(Locale.ROOT, " (throttled %d/%d)", throttling.throttledPeriods(), throttling.periods()));
                    }
                    if (s == settings.settleSeconds()) {
                        windowStart[i] = now;
                        podWindowStart[i] = podNow;
                    }
                    previous[i] = now;
                    podPrevious[i] = podNow;
                }
                if (s <= settings.settleSeconds()) {
                    line.append("   (settling, not measured)");
                }
                say(line.toString());
            }
            spans.add(new StepSpan(step, startSeconds, startSeconds + settings.settleSeconds(), seconds(System.nanoTime())));
            List<Measured> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                CpuWindow window = CpuWindow.between(windowStart[i], previous[i]);
                CpuWindow podWindow = CpuWindow.between(podWindowStart[i], podPrevious[i]);
                out.add(new Measured(window, throttlingOf(window, podWindow)));
            }
            return out;
        }

        /**
         * Step 1b: every thread of both JVMs on one CPU for the step, then on the CPUs each had
         * before, so that step 2 finds them as step 1 left them.
         */
        private void oneCpuStep(List<Running> running) {
            String title = "1b. " + KubeStep.ONE_CPU.story() + ": ";
            Optional<KubeAffinity> found = KubeAffinity.find();
            if (found.isEmpty()) {
                skipOneCpu(title, "no taskset on PATH (util-linux or busybox)");
                return;
            }
            KubeAffinity affinity = found.get();
            List<String> originals = new ArrayList<>();
            for (Running r : running) {
                originals.add(affinity.allowedList(r.workload().pid()));
            }
            Optional<Integer> contended = KubeAffinity.lastCommon(KubeAffinity.onlineCpus(cpus), originals);
            if (contended.isEmpty()) {
                skipOneCpu(title, "the pods' JVMs share no online CPU (" + String.join(" and ", originals) + ")");
                return;
            }
            String cpu = Integer.toString(contended.get());
            say(title + "every thread of both JVMs confined to CPU " + cpu + " (" + affinity.command() + " -a -p -c " + cpu
                    + " PID), the same pods and groups");
            List<Running> confined = new ArrayList<>();
            RuntimeException failure = null;
            try {
                for (Running r : running) {
                    int threadCount = affinity.set(r.workload().pid(), cpu);
                    confined.add(r);
                    say(String.format(Locale.ROOT, "   %-5s pid %d: %d threads, Cpus_allowed_list %s → %s", r.name(),
                            r.workload().pid(), threadCount, originals.get(running.indexOf(r)), cpu));
                }
                addRows(KubeStep.ONE_CPU, running, measure(KubeStep.ONE_CPU, running));
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                for (Running r : confined) {
                    String original = originals.get(running.indexOf(r));
                    try {
                        affinity.set(r.workload().pid(), original);
                    } catch (RuntimeException e) {
                        if (failure == null) {
                            failure = new DemoException("could not give pod " + r.name() + "'s JVM (pid " + r.workload().pid()
                                    + ") its CPUs " + original + " back after step 1b: " + e.getMessage(), e);
                        } else {
                            failure.addSuppressed(e);
                        }
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            say("   both JVMs given their CPUs back (" + String.join(", ", originals) + ")");
            notes.add("step 1b ran every thread of both JVMs on CPU " + cpu + " only (" + affinity.command() + " -a -p -c " + cpu
                    + "), then gave them their CPUs back (" + String.join(", ", new java.util.LinkedHashSet<>(originals)) + ")");
        }

        private void skipOneCpu(String title, String why) {
            String note = "step 1b (" + KubeStep.ONE_CPU.story() + ") skipped: " + why + "; the 1:3 rule is judged on step 1";
            notes.add(note);
            say(title + "skipped: " + why + "; the 1:3 rule is judged on step 1");
        }

        private void addRows(KubeStep step, List<Running> running, List<Measured> measured) {
            double sum = 0;
            for (Measured m : measured) {
                sum += m.window().cpuPercent() / 100;
            }
            for (int i = 0; i < running.size(); i++) {
                Running r = running.get(i);
                Measured m = measured.get(i);
                double cores = m.window().cpuPercent() / 100;
                var container = r.groups().pod().containers().get(0);
                rows.add(new PodRow(step, r.name(), container.requests(), container.limits(), r.groups().qosClass(),
                        r.groups().planned(), cores, sum > 0 ? cores / sum : Double.NaN, m.throttling().periods(),
                        m.throttling().throttledPeriods(), -1, r.workload().isAlive(), 0));
            }
        }

        private void oomStep() {
            Pod hog = pods.hog();
            String controllers = hogControllers(host.layout(), cpuControllers);
            say("3. " + KubeStep.MEMORY_LIMIT.story() + ": pod hog, limits.memory " + DemoPods.HOG_MEMORY
                    + " (requests defaulted to it), runs tail /dev/zero, which grows without bound");
            PodGroups groups = kubelet.plan(hog, List.of(hog));
            kubelet.apply(groups);
            say(String.format(Locale.ROOT, "   hog   %s, %s: %s %s → %s", groups.qosClass(), describe(hog), memoryFile(),
                    groups.planned().memoryLimit(), groups.containerGroup()));
            Cgroup container = host.group(groups.containerGroup(), ControllerSelection.parse(controllers));
            ProcessBuilder tail = new ProcessBuilder("tail", "/dev/zero")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            RunResult result;
            long pid;
            try {
                GroupProcess process = GroupProcess.launch(container, tail);
                pid = process.pid();
                say("   started tail /dev/zero (pid " + pid + ") in hog's container group; waiting for the kernel (at most "
                        + settings.oomSeconds() + " s)");
                result = process.await(RunLimits.none().withWallTime(Duration.ofSeconds(settings.oomSeconds())));
            } catch (IOException e) {
                throw new DemoException("cannot start tail /dev/zero in " + groups.containerGroup() + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted while hog ran");
            }
            long oomKills = result.oomKills().orElse(-1);
            boolean outOfTime = result.termination() == Termination.WALL_TIME_LIMIT;
            int signal = outOfTime ? 0 : result.signal().orElse(0);
            var c = hog.containers().get(0);
            rows.add(new PodRow(KubeStep.MEMORY_LIMIT, hog.name(), c.requests(), c.limits(), groups.qosClass(), groups.planned(),
                    Double.NaN, Double.NaN, 0, 0, oomKills, outOfTime, signal));
            String peak = result.memoryPeak().map(p -> String.format(Locale.ROOT, "%.1f MiB", p.value() / 1048576.0)).orElse("unknown");
            say(String.format(Locale.ROOT, "   tail ended after %.1f s: %s, exit status %d; its group's memory peaked at %s;"
                    + " oom_kill %s", result.wallTime().toMillis() / 1000.0, result.termination().words(), result.exitStatus(),
                    peak, oomKills < 0 ? "not counted here" : Long.toString(oomKills)));
            notes.add("hog's memory peaked at " + peak + " against its limit of " + DemoPods.HOG_MEMORY
                    + "; over a CPU limit (step 2) a container is only throttled, over a memory limit it is killed");
            kubelet.delete(groups);
        }

        /** The container's throttling, or the pod group's where the quota bit at the pod level only. */
        private CpuWindow throttlingOf(CpuWindow container, CpuWindow pod) {
            return container.throttledPeriods() >= pod.throttledPeriods() ? container : pod;
        }

        KubeReport report(String cleanupOutcome) {
            KubeContext context = new KubeContext(kubelet.cgroupRoot(), mode(), versionName(), cpus, threads,
                    settings.settleSeconds(), settings.windowSeconds(), weightFile(), quotaFile(), memoryFile());
            List<String> allNotes = new ArrayList<>(KubeRules.notes(rows));
            allNotes.addAll(notes);
            return new KubeReport(context, rows, KubeRules.evaluate(rows), spans, ticks, allNotes, cleanupOutcome);
        }

        private String weightFile() {
            return version == CgroupVersion.V2 ? "cpu.weight" : "cpu.shares";
        }

        private String quotaFile() {
            return version == CgroupVersion.V2 ? "cpu.max" : "cpu.cfs_quota_us";
        }

        private String memoryFile() {
            return host.layout().hierarchyOf(Controller.MEMORY).map(Hierarchy::version).orElse(version) == CgroupVersion.V2
                    ? "memory.max" : "memory.limit_in_bytes";
        }

        private String mode() {
            return host.mode().name().toLowerCase(Locale.ROOT);
        }

        private String versionName() {
            return version.name().toLowerCase(Locale.ROOT);
        }

        private double seconds(long nanos) {
            return (nanos - originNanos) / 1e9;
        }
    }

    static String describe(Pod pod) {
        var c = pod.containers().get(0);
        return "requests " + (c.requests().isEmpty() ? "none" : c.requests()) + ", limits " + (c.limits().isEmpty() ? "none" : c.limits());
    }

    /** Longest a read may take for its time stamp to stand for it. */
    static final long SAMPLE_SKEW_NANOS = 20_000_000;

    /**
     * One sample whose time stamp is the time of its reads: the core stamps a snapshot before
     * reading the files, so a sampler held off the CPU in between (a busy host) would pair old
     * time with new counts; such a sample is read again.
     */
    static UsageSnapshot sample(Cgroup group) {
        UsageSnapshot snapshot = group.usage(CPU_METRICS);
        for (int attempt = 0; attempt < 3 && System.nanoTime() - snapshot.monotonicNanos() > SAMPLE_SKEW_NANOS; attempt++) {
            snapshot = group.usage(CPU_METRICS);
        }
        return snapshot;
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
