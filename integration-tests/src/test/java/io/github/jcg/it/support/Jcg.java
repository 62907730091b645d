package io.github.jcg.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The product as a user runs it: the launcher at the worktree root ({@code ./jcg}, a link to
 * {@code bin/jcg}) and the fat jar it runs. Failsafe passes their places as system properties.
 */
public final class Jcg {
    private Jcg() {
    }

    /** The worktree root (where {@code jcg}, {@code pom.xml} and {@code bin/} are). */
    public static Path root() {
        String p = System.getProperty("jcg.root");
        if (p != null) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("bin/jcg"))) {
                return d;
            }
        }
        throw new IllegalStateException("cannot find the jcg worktree (no bin/jcg above " + Path.of("").toAbsolutePath()
                + "); run through Maven, which sets jcg.root");
    }

    public static Path launcher() {
        return root().resolve("jcg");
    }

    /** {@code cgroups-cli/target/jcg.jar}, built by the package phase before the integration tests. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("jcg.jar", root().resolve("cgroups-cli/target/jcg.jar").toString()));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn package (mvn verify does) first");
        }
        return jar;
    }

    /** Runs {@code ./jcg args…} on the host. */
    public static Result run(String... args) {
        return run(Duration.ofSeconds(60), args);
    }

    public static Result run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        return Processes.run(command, timeout, Map.of(), root());
    }

    /** Starts {@code ./jcg args…} without waiting for it. */
    public static Process start(String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        return Processes.start(command, Map.of(), root());
    }

    /**
     * Runs the launcher through a link named {@code tool} ({@code cgget}, {@code lscgroup} …):
     * how jcg stands in for libcgroup's tools on a PATH.
     */
    public static Result runAs(String tool, String... args) {
        try {
            Path dir = Files.createTempDirectory("jcg-it-tools");
            Path link = dir.resolve(tool);
            Files.createSymbolicLink(link, launcher());
            try {
                List<String> command = new ArrayList<>();
                command.add(link.toString());
                command.addAll(List.of(args));
                return Processes.run(command, Duration.ofSeconds(60), Map.of(), root());
            } finally {
                Files.deleteIfExists(link);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the calling test unless the launcher's jar has {@code jcg command}. */
    public static void requireBuilt(String command) {
        CommandGate.requireBuilt("host", command, Jcg::run);
    }
}
