package io.github.jcg.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessIdsTest {
    @TempDir
    Path tmp;

    @Test
    void realAndEffectiveIdsComeFromTheirColumns() throws IOException {
        Path status = tmp.resolve("status");
        Files.writeString(status, "Name:\tjava\nUid:\t1000\t0\t0\t0\nGid:\t100\t100\t100\t100\n");

        ProcessIds ids = ProcessIds.of(status);

        assertThat(ids.uid()).isEqualTo(1000);
        assertThat(ids.effectiveUid()).isZero();
        assertThat(ids.gid()).isEqualTo(100);
        assertThat(ids.isRoot()).isTrue();
    }

    @Test
    void aStatusWithoutIdsIsAClearError() throws IOException {
        Path status = tmp.resolve("status");
        Files.writeString(status, "Name:\tjava\n");

        assertThatThrownBy(() -> ProcessIds.of(status)).isInstanceOf(CgroupException.class).hasMessageContaining("Uid:/Gid:");
    }

    @Test
    void thisProcessHasIds() {
        assertThat(ProcessIds.current().uid()).isGreaterThanOrEqualTo(0);
    }
}
