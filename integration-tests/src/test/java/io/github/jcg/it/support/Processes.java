package io.github.jcg.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs host commands to completion with a time limit, capturing both streams. */
public final class Processes {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private Processes() {
    }

    public static Result run(String... command) {
        return run(List.of(command), DEFAULT_TIMEOUT, Map.of(), null);
    }

    public static Result run(List<String> command, Duration timeout) {
        return run(command, timeout, Map.of(), null);
    }

    /**
     * Runs {@code command} in {@code dir} (null: the current directory) with extra environment
     * variables; kills it (and its descendants) when it outlives {@code timeout}.
     */
    public static Result run(List<String> command, Duration timeout, Map<String, String> env, Path dir) {
        Process p = start(command, env, dir);
        return finish(command, p, timeout);
    }

    public static Process start(List<String> command, Map<String, String> env, Path dir) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /** Waits for a started process and collects what it wrote. */
    public static Result finish(List<String> command, Process p, Duration timeout) {
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command)
                        + "\n  stdout so far: " + out.getNow("?") + "\n  stderr so far: " + err.getNow("?"));
            }
            return new Result(command, p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new AssertionError("interrupted while running " + command, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("could not read the output of " + command, e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        });
    }

    /** Whether an executable of this name is on PATH. */
    public static boolean onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Path.of(dir, name).toFile().canExecute()) {
                return true;
            }
        }
        return false;
    }
}
