package io.github.jcg.cli.options;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileModesTest {
    @Test
    void octalDigitsBecomePermissions() {
        assertThat(FileModes.parse("755")).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(FileModes.parse("0640")).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(FileModes.parse("000")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"75", "07555", "75a", "888", "", "rwx"})
    void libcgroupsFormatOnly(String text) {
        assertThatThrownBy(() -> FileModes.parse(text)).hasMessageContaining("not a file mode");
    }

    @Test
    void specialBitsAreRefusedNotDropped() {
        assertThatThrownBy(() -> FileModes.parse("1777")).hasMessageContaining("sticky").hasMessageContaining("777");
    }
}
