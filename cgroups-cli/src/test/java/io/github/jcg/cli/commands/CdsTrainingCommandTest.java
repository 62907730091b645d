package io.github.jcg.cli.commands;

import io.github.jcg.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's class-data-sharing training run loads what exec loads on either of its ways:
 * the launcher's hand-over and the JVM's own exec through libc.
 */
class CdsTrainingCommandTest {
    @Test
    void theTrainingRunLoadsBothWaysOfExec(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "cds-training")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());

        assertThat(p.waitFor()).as(output).isZero();
        String loaded = Files.readString(log);
        for (String c : List.of("io.github.jcg.cli.commands.LauncherExec ", "io.github.jcg.cli.commands.ExecTarget ",
                "io.github.jcg.cli.commands.ExecCommand ", "io.github.jcg.core.UndoLog ", "io.github.jcg.core.ProcessReplacement ",
                "io.github.jcg.core.internal.posix.LibC ")) {
            assertThat(loaded).as(c.strip()).contains("] " + c);
        }
    }
}
