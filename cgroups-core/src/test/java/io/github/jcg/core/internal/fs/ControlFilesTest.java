package io.github.jcg.core.internal.fs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControlFilesTest {

    @Test
    void writeNeverCreatesAFile(@TempDir Path dir) {
        Path missing = dir.resolve("cpu.max");

        assertThatThrownBy(() -> ControlFiles.write(missing, "max 100000")).isInstanceOf(NoSuchFileException.class);
        assertThat(missing).doesNotExist();
    }

    @Test
    void writeAndReadAnExistingFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("pids.max"), "");

        ControlFiles.write(file, "max");

        assertThat(ControlFiles.read(file)).isEqualTo("max");
    }

    @Test
    void refusesToFollowASymbolicLinkEitherWay(@TempDir Path dir) throws IOException {
        Path outside = Files.writeString(dir.resolve("outside"), "secret");
        Path link = Files.createSymbolicLink(dir.resolve("cpu.max"), outside);

        assertThatThrownBy(() -> ControlFiles.write(link, "1")).isInstanceOf(IOException.class).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> ControlFiles.read(link)).isInstanceOf(IOException.class);
        assertThat(Files.readString(outside)).isEqualTo("secret");
    }

    @Test
    void plainNamesAreSingleFileNames() {
        assertThat(ControlFiles.isPlainName("cpu.max")).isTrue();
        assertThat(ControlFiles.isPlainName("a b:c")).isTrue();
        assertThat(ControlFiles.isPlainName("../cpu.max")).isFalse();
        assertThat(ControlFiles.isPlainName("a/b")).isFalse();
        assertThat(ControlFiles.isPlainName("..")).isFalse();
        assertThat(ControlFiles.isPlainName(".")).isFalse();
        assertThat(ControlFiles.isPlainName("")).isFalse();
        assertThat(ControlFiles.isPlainName(null)).isFalse();
        assertThat(ControlFiles.isPlainName("a\nb")).isFalse();
        assertThat(ControlFiles.isPlainName("x".repeat(256))).isFalse();
    }
}
