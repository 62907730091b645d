package io.github.jcg.cli.kernel;

import io.github.jcg.cli.Run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** libcgroup's real tools (cgroup-tools), run side by side with jcg. */
final class Peer {
    private static final Path BIN = Path.of("/usr/bin");

    private Peer() {
    }

    static boolean installed(String tool) {
        return Files.isExecutable(BIN.resolve(tool));
    }

    static Run run(String tool, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(BIN.resolve(tool).toString());
        command.addAll(args);
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(tool + " " + args + " did not finish in 30 s");
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
