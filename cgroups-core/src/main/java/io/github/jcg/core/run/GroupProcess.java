package io.github.jcg.core.run;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.sample.Metric;
import io.github.jcg.core.sample.MetricFamily;
import io.github.jcg.core.sample.UsageSnapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A command started inside a group: it is in the group before it runs one instruction of its
 * own, so everything it does and every process it starts is charged to the group and limited by
 * it. The handle gives its pid, waits for it, kills the whole group, and, through
 * {@link #await(RunLimits)}, runs it to the end under CPU-time and wall-time limits and returns
 * what the whole tree used.
 *
 * <p>How the command gets in first: a JVM cannot run code between fork and exec (where cgexec
 * writes its own pid into the group), and the kernel's race-free way, {@code clone3} with
 * {@code CLONE_INTO_CGROUP}, is out of reach of a running JVM: the child of a {@code clone3}
 * would return into Java code in a copy of a multi-threaded VM. So the command starts behind a
 * two-word helper, {@code /bin/sh} running {@code kill -STOP $$ && exec "$@"}: the helper stops
 * itself, the launcher moves it into the group in every hierarchy (all or nothing, as
 * {@link Cgroup#attach(long)}), continues it, and only then does it exec the command, same PID.
 * When the move fails, the helper is killed and the command never runs.
 */
public final class GroupProcess {
    private static final Path SHELL = Path.of("/bin/sh");
    /** The helper's whole program: stop until placed, then become the command. */
    private static final String HELPER = "kill -STOP $$ && exec \"$@\"";
    /** The helper's $0, which the shell names in its own messages ("jcg-launch: exec: …: not found"). */
    private static final String HELPER_NAME = "jcg-launch";
    private static final long STOP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** What a run reads at its start and its end. */
    private static final Set<MetricFamily> ACCOUNTING = EnumSet.of(MetricFamily.CPU, MetricFamily.THROTTLING,
            MetricFamily.MEMORY, MetricFamily.PEAKS, MetricFamily.MEMORY_EVENTS, MetricFamily.PIDS,
            MetricFamily.PIDS_EVENTS, MetricFamily.IO_BYTES);

    private final Cgroup group;
    private final Process process;
    private final long startNanos;
    private final UsageSnapshot before;
    private volatile boolean stopRequested;

    private GroupProcess(Cgroup group, Process process, long startNanos, UsageSnapshot before) {
        this.group = group;
        this.process = process;
        this.startNanos = startNanos;
        this.before = before;
    }

    /**
     * Starts {@code command} inside {@code group}: the same as {@link Cgroup#launch(ProcessBuilder)}.
     * The builder's command, directory, environment and redirections are used as they are; the
     * builder itself is not changed.
     *
     * @param group   the group, which must exist in every hierarchy of its selection
     * @param command what to run; a program without {@code /} is looked for in the PATH of the
     *                builder's environment, as a shell looks for it
     * @return the running command
     * @throws IOException              when the helper cannot be started ({@code /bin/sh}
     *                                  missing) or does not stop within 10 s
     * @throws IllegalArgumentException when the builder has no command
     * @throws io.github.jcg.core.CgroupException when the group refuses the process (missing,
     *                                  no permission, a v2 group with controllers enabled for
     *                                  its children …): the command was not run
     */
    public static GroupProcess launch(Cgroup group, ProcessBuilder command) throws IOException {
        List<String> words = command.command();
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no command to launch: the ProcessBuilder's command is empty");
        }
        if (!Files.isExecutable(SHELL)) {
            throw new IOException(SHELL + " is missing: it starts the command stopped, so that the command runs inside the group from its first instruction");
        }
        ProcessBuilder helper = new ProcessBuilder();
        helper.command().add(SHELL.toString());
        helper.command().add("-c");
        helper.command().add(HELPER);
        helper.command().add(HELPER_NAME);
        helper.command().addAll(words);
        helper.directory(command.directory());
        helper.environment().clear();
        helper.environment().putAll(command.environment());
        helper.redirectInput(command.redirectInput());
        helper.redirectOutput(command.redirectOutput());
        helper.redirectError(command.redirectError());
        helper.redirectErrorStream(command.redirectErrorStream());
        long start = System.nanoTime();
        Process process = helper.start();
        UsageSnapshot before;
        try {
            // read while the helper starts and stops itself: the command has not run yet
            before = group.usage(ACCOUNTING);
            awaitStopped(process);
            group.attach(process.pid());
            resume(process);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return new GroupProcess(group, process, start, before);
    }

    /** Waits until the helper has stopped itself (state T in /proc/PID/stat). */
    private static void awaitStopped(Process process) throws IOException {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        long deadline = System.nanoTime() + STOP_TIMEOUT_NANOS;
        while (true) {
            String text;
            try {
                text = new String(Files.readAllBytes(stat), StandardCharsets.US_ASCII);
            } catch (NoSuchFileException e) {
                text = "";
            }
            int close = text.lastIndexOf(')');
            // T: stopped; t: stopped under a tracer (strace -f, a debugger), which stops it the same way
            if (close > 0 && close + 2 < text.length() && (text.charAt(close + 2) == 'T' || text.charAt(close + 2) == 't')) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("the launch helper (" + SHELL + ") ended before it could be put in the group, with status "
                        + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the launch helper (" + SHELL + ") did not stop itself within 10 s");
            }
            LockSupport.parkNanos(50_000);
        }
    }

    /**
     * SIGCONT. The JDK sends only SIGTERM and SIGKILL, and binding libc (jnr-ffi) costs more
     * start-up than one short process: a shell's {@code kill} sends it.
     */
    private static void resume(Process process) throws IOException {
        Process kill = new ProcessBuilder(SHELL.toString(), "-c", "kill -CONT " + process.pid() + " 2>/dev/null")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        try {
            if (kill.waitFor() != 0) {
                throw new IOException("could not continue the launch helper " + process.pid() + " (kill -CONT exited " + kill.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while continuing the launch helper", e);
        }
    }

    /**
     * The command's process id: the helper's, which the command took over by exec.
     *
     * @return the pid, as in {@code /proc}
     */
    public long pid() {
        return process.pid();
    }

    /**
     * The command as the JDK sees it: its streams (where the builder asked for pipes), its exit.
     *
     * @return the process
     */
    public Process process() {
        return process;
    }

    /**
     * The group it runs in.
     *
     * @return the group given to {@link #launch}
     */
    public Cgroup group() {
        return group;
    }

    /**
     * Waits for the command itself to end (not for processes it left in the group).
     *
     * @return its status as a shell reports it: its exit code, or 128 + the signal that killed it
     * @throws InterruptedException when this thread is interrupted while waiting
     */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Waits for the command itself to end, at most {@code timeout}.
     *
     * @param timeout how long to wait
     * @return true when it ended, false when it is still running
     * @throws InterruptedException when this thread is interrupted while waiting
     */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Kills every process in the group, the command and all it started, as
     * {@link Cgroup#kill()} does; a run in {@link #await} then ends as {@link Termination#STOPPED}.
     *
     * @throws io.github.jcg.core.GroupBusyException when processes are still there after 5 s
     */
    public void killGroup() {
        stopRequested = true;
        group.kill();
    }

    /**
     * Runs the command to its end under {@code limits}, then kills whatever it left running in
     * the group (daemons, background jobs), and accounts for the whole tree. When a limit is
     * reached, or this thread is interrupted, the whole group is killed; nothing the command
     * started is left running when this returns or throws.
     *
     * @param limits CPU-time and wall-time limits, and the sampling interval
     * @return why it ended and what it used
     * @throws InterruptedException when this thread is interrupted while waiting (the group was
     *                              killed first, as it is when sampling fails)
     * @throws io.github.jcg.core.GroupBusyException when processes are still in the group 5 s
     *                              after they were killed
     */
    public RunResult await(RunLimits limits) throws InterruptedException {
        Sampling sampling = new Sampling(before, limits.cpuTime().isPresent());
        long interval = limits.sampleInterval().toNanos();
        OptionalLong deadline = limits.wallTime().map(d -> OptionalLong.of(startNanos + d.toNanos())).orElse(OptionalLong.empty());
        long cpuLimit = limits.cpuTime().map(Duration::toNanos).orElse(Long.MAX_VALUE);
        Termination forced = null;
        long end;
        try {
            sampling.sample(group);
            while (true) {
                long wait = interval;
                if (deadline.isPresent()) {
                    wait = Math.max(0, Math.min(wait, deadline.getAsLong() - System.nanoTime()));
                }
                if (process.waitFor(wait, TimeUnit.NANOSECONDS)) {
                    end = System.nanoTime();
                    break;
                }
                if (stopRequested) {
                    forced = Termination.STOPPED;
                } else if (deadline.isPresent() && System.nanoTime() >= deadline.getAsLong()) {
                    forced = Termination.WALL_TIME_LIMIT;
                } else if (sampling.sample(group) - sampling.cpuBefore >= cpuLimit) {
                    forced = Termination.CPU_TIME_LIMIT;
                }
                if (forced != null) {
                    end = System.nanoTime();
                    group.kill();
                    process.waitFor();
                    break;
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            // whatever went wrong, nothing of the run may outlive it
            try {
                group.kill();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        if (stopRequested) {
            forced = Termination.STOPPED;
        }
        int status = process.exitValue();
        int leftOver = group.processes().size();
        if (leftOver > 0) {
            group.kill();
        }
        UsageSnapshot after = group.usage(ACCOUNTING);
        return sampling.result(forced, status, Duration.ofNanos(end - startNanos), leftOver, after);
    }

    /**
     * What a run samples while it waits: CPU time for a CPU-time limit, and the usage behind any
     * peak the kernel does not keep for this run.
     */
    private static final class Sampling {
        private final UsageSnapshot before;
        private final long cpuBefore;
        private final Set<MetricFamily> families = EnumSet.noneOf(MetricFamily.class);
        private final boolean kernelMemoryPeak;
        private final boolean kernelSwapPeak;
        private final boolean kernelPidsPeak;
        private long memoryMax = -1;
        private long swapMax = -1;
        private long pidsMax = -1;

        Sampling(UsageSnapshot before, boolean cpuLimit) {
            this.before = before;
            this.cpuBefore = before.get(Metric.CPU_USAGE_NANOS).orElse(0);
            // a kernel peak counts this run only when the group had never been charged before it
            this.kernelMemoryPeak = isZero(before, Metric.MEMORY_PEAK_BYTES);
            this.kernelSwapPeak = isZero(before, Metric.SWAP_PEAK_BYTES);
            this.kernelPidsPeak = isZero(before, Metric.PIDS_PEAK);
            if (cpuLimit) {
                families.add(MetricFamily.CPU_USAGE);
            }
            if (!kernelMemoryPeak && before.has(Metric.MEMORY_CURRENT_BYTES)) {
                families.add(MetricFamily.MEMORY_USAGE);
            }
            if (!kernelSwapPeak && before.has(Metric.SWAP_CURRENT_BYTES)) {
                families.add(MetricFamily.MEMORY);
            }
            if (!kernelPidsPeak && before.has(Metric.PIDS_CURRENT)) {
                families.add(MetricFamily.PIDS_CURRENT);
            }
        }

        private static boolean isZero(UsageSnapshot s, Metric m) {
            return s.get(m).orElse(-1) == 0;
        }

        /** Takes one sample, when anything needs one; returns the group's CPU time, or 0. */
        long sample(Cgroup group) {
            if (families.isEmpty()) {
                return 0;
            }
            UsageSnapshot s = group.usage(families);
            memoryMax = Math.max(memoryMax, s.get(Metric.MEMORY_CURRENT_BYTES).orElse(-1));
            swapMax = Math.max(swapMax, s.get(Metric.SWAP_CURRENT_BYTES).orElse(-1));
            pidsMax = Math.max(pidsMax, s.get(Metric.PIDS_CURRENT).orElse(-1));
            return s.get(Metric.CPU_USAGE_NANOS).orElse(0);
        }

        RunResult result(Termination forced, int status, Duration wall, int leftOver, UsageSnapshot after) {
            OptionalLong oomKills = delta(after, Metric.MEMORY_EVENTS_OOM_KILL);
            OptionalLong pidsHits = delta(after, Metric.PIDS_EVENTS_MAX);
            Termination why;
            if (forced != null) {
                why = forced;
            } else if (oomKills.orElse(0) > 0 && status != 0) {
                why = Termination.OOM_KILL;
            } else if (pidsHits.orElse(0) > 0 && status != 0) {
                why = Termination.PIDS_LIMIT;
            } else if (status > 128) {
                why = Termination.SIGNALED;
            } else {
                why = Termination.EXITED;
            }
            return new RunResult(why, status, wall,
                    delta(after, Metric.CPU_USER_NANOS), delta(after, Metric.CPU_SYSTEM_NANOS), delta(after, Metric.CPU_USAGE_NANOS),
                    peak(after, Metric.MEMORY_PEAK_BYTES, kernelMemoryPeak, memoryMax),
                    peak(after, Metric.SWAP_PEAK_BYTES, kernelSwapPeak, swapMax),
                    peak(after, Metric.PIDS_PEAK, kernelPidsPeak, pidsMax),
                    oomKills, pidsHits, delta(after, Metric.CPU_THROTTLED_PERIODS), delta(after, Metric.CPU_THROTTLED_NANOS),
                    delta(after, Metric.IO_READ_BYTES), delta(after, Metric.IO_WRITE_BYTES), leftOver, after);
        }

        /** What the run added to a counter; empty where the host does not count it. */
        private OptionalLong delta(UsageSnapshot after, Metric m) {
            OptionalLong now = after.get(m);
            if (now.isEmpty()) {
                return now;
            }
            return OptionalLong.of(Math.max(0, now.getAsLong() - before.get(m).orElse(0)));
        }

        private static Optional<Peak> peak(UsageSnapshot after, Metric m, boolean kernel, long sampled) {
            if (kernel && after.has(m)) {
                return Optional.of(new Peak(after.getAsLong(m), Peak.Source.KERNEL));
            }
            return sampled >= 0 ? Optional.of(new Peak(sampled, Peak.Source.SAMPLED)) : Optional.empty();
        }
    }
}
