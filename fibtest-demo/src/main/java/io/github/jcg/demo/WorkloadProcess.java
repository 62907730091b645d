package io.github.jcg.demo;

import io.github.jcg.fibtest.AgentProtocol;
import io.github.jcg.fibtest.LiveReport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fibtest JVM the agent runs in the group. Its stderr carries the protocol lines
 * ({@link AgentProtocol}, {@link LiveReport}); its stdout the original's output. Closing its
 * stdin ends the run; if this JVM dies, the pipe closes and the workload ends the same way.
 * Public for act two ({@code io.github.jcg.demo.kube}), whose pods run the same workload.
 */
public final class WorkloadProcess {
    private static final int DIAGNOSTIC_LINES = 20;

    private final Process process;
    private final ThroughputLog log = new ThroughputLog();
    private final CompletableFuture<Long> placed = new CompletableFuture<>();
    private final CompletableFuture<Long> measuring = new CompletableFuture<>();
    private final List<String> stdout = new ArrayList<>();
    private final Deque<String> diagnostics = new ArrayDeque<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private WorkloadProcess(Process process) {
        this.process = process;
        this.stdoutReader = reader(process.getInputStream(), this::onStdout, "workload-stdout");
        this.stderrReader = reader(process.getErrorStream(), this::onStderr, "workload-stderr");
    }

    /**
     * Starts fibtest with {@code threads} fast threads, in {@code group} from before its first
     * worker starts, ignoring Ctrl-C (the agent stops it), on this JVM's java and class path.
     *
     * @param threads       fast threads
     * @param seconds       when it stops on its own, if no one stops it first
     * @param warmupSeconds its unmeasured JIT warm-up
     * @param group         the group it joins (it must exist)
     * @param controllers   the controllers whose hierarchies it joins the group in, as
     *                      {@code cpu,cpuacct}; the others it leaves as they are
     * @return the running workload
     * @throws DemoException when it cannot be started
     */
    public static WorkloadProcess fibtest(int threads, int seconds, double warmupSeconds, String group, String controllers) {
        return start(WorkloadCommand.ignoringSigint(WorkloadCommand.build(WorkloadCommand.currentJava(),
                WorkloadCommand.currentClassPath(), threads, seconds, warmupSeconds, group, controllers)));
    }

    static WorkloadProcess start(List<String> command) {
        try {
            return new WorkloadProcess(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new DemoException("cannot start the workload (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    /** @return its process id */
    public long pid() {
        return process.pid();
    }

    /** @return whether it is still running */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return its per-second throughput reports */
    public ThroughputLog log() {
        return log;
    }

    /**
     * Waits for the workload to say it is in its group.
     *
     * @param timeoutMillis how long to wait
     * @return its pid
     * @throws DemoException when it exits, fails to join or says nothing in time
     */
    public long awaitPlaced(long timeoutMillis) {
        return await(placed, timeoutMillis, "join its group");
    }

    /**
     * Waits until its warm-up is over.
     *
     * @param timeoutMillis how long to wait
     * @return the instant ({@link System#nanoTime()}) its measured run began
     * @throws DemoException when it exits or does not finish its warm-up in time
     */
    public long awaitMeasuring(long timeoutMillis) {
        return await(measuring, timeoutMillis, "finish its warm-up");
    }

    /**
     * Ends the run the polite way (stdin closed) and returns the workload's last stdout line,
     * {@code Iterations Completed(M): N }; kills it if it does not finish in time.
     *
     * @param timeoutMillis how long it may take to finish
     * @return its last line, empty when it printed none or had to be killed
     */
    public Optional<String> stop(long timeoutMillis) {
        closeStdin();
        try {
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                kill();
                return Optional.empty();
            }
            stdoutReader.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return Optional.empty();
        }
        synchronized (stdout) {
            return stdout.isEmpty() ? Optional.empty() : Optional.of(stdout.get(stdout.size() - 1));
        }
    }

    /** Kills the workload and waits (briefly) for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return its last lines that were not protocol, for an error message */
    public String diagnostics() {
        synchronized (diagnostics) {
            return String.join(" | ", diagnostics);
        }
    }

    private long await(CompletableFuture<Long> event, long timeoutMillis, String what) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            try {
                return event.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!process.isAlive()) {
                    waitForReaders();
                    if (event.isDone()) {
                        continue;
                    }
                    throw new DemoException("the workload exited (status " + process.exitValue() + ") before it could "
                            + what + ": " + orNothing(diagnostics()));
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new DemoException("the workload did not " + what + " within " + timeoutMillis / 1000 + " s: "
                            + orNothing(diagnostics()));
                }
            } catch (ExecutionException e) {
                throw new DemoException("the workload could not " + what + ": " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted while waiting for the workload to " + what);
            }
        }
    }

    private void onStdout(String line) {
        synchronized (stdout) {
            stdout.add(line);
        }
    }

    private void onStderr(String line) {
        Optional<LiveReport> report = LiveReport.parseAgentLine(line);
        if (report.isPresent()) {
            log.add(report.get());
            return;
        }
        AgentProtocol.valueAfter(AgentProtocol.PLACED, line).ifPresent(placed::complete);
        AgentProtocol.valueAfter(AgentProtocol.MEASURING, line).ifPresent(measuring::complete);
        if (line.startsWith(AgentProtocol.ERROR)) {
            DemoException e = new DemoException(line.substring(AgentProtocol.ERROR.length()));
            placed.completeExceptionally(e);
            measuring.completeExceptionally(e);
        }
        if (!line.startsWith("@")) {
            synchronized (diagnostics) {
                diagnostics.addLast(line.strip());
                while (diagnostics.size() > DIAGNOSTIC_LINES) {
                    diagnostics.removeFirst();
                }
            }
        }
    }

    private void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed: the workload is ending anyway
        }
    }

    private void waitForReaders() {
        try {
            stderrReader.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String orNothing(String text) {
        return text.isEmpty() ? "it printed nothing" : text;
    }

    private static Thread reader(InputStream in, java.util.function.Consumer<String> sink, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the workload is gone; what it said is what we have
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
