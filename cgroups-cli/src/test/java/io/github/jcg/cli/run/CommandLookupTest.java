package io.github.jcg.cli.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding the program as a shell would, before anything is made for it. */
class CommandLookupTest {
    @TempDir
    Path dir;

    @Test
    void aNameIsLookedForInEachPathDirectoryInTurn() throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        Files.writeString(a.resolve("tool"), "#!/bin/sh\n");
        Path exe = Files.writeString(b.resolve("tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(CommandLookup.find("tool", a + ":" + b).status()).isZero();
        assertThat(CommandLookup.find("tool", a.toString()).status()).isEqualTo(126);
        assertThat(CommandLookup.find("other", a + ":" + b).status()).isEqualTo(127);
        assertThat(CommandLookup.find("tool", null).status()).isEqualTo(127);
    }

    @Test
    void aPathIsCheckedAsItIs() throws Exception {
        Path file = Files.writeString(dir.resolve("x"), "");
        assertThat(CommandLookup.find(file.toString(), "").problem()).contains("permission denied");
        assertThat(CommandLookup.find(dir.toString(), "").problem()).contains("is a directory");
        assertThat(CommandLookup.find(dir.resolve("missing").toString(), "").status()).isEqualTo(127);
        assertThat(CommandLookup.find("/bin/sh", "").status()).isZero();
    }
}
