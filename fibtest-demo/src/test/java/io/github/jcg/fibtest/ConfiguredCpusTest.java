package io.github.jcg.fibtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConfiguredCpusTest {
    @Test
    void countsEveryPossibleCpu(@TempDir Path dir) throws Exception {
        Path possible = Files.writeString(dir.resolve("possible"), "0-3,6\n");

        assertThat(ConfiguredCpus.count(possible)).isEqualTo(5);
    }

    @Test
    void fallsBackToTheJvmsCountWithoutSysfs(@TempDir Path dir) {
        assertThat(ConfiguredCpus.count(dir.resolve("missing"))).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
