package io.github.jcg.cli.commands;

import io.github.jcg.cli.commands.ExecTarget.Outcome;
import io.github.jcg.core.Errno;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What execvp would do, found without an exec: files made under a temporary directory (a copy
 * of the host's {@code true} for a native ELF), searched as glibc searches PATH.
 */
class ExecTargetTest {
    @TempDir
    Path dir;
    private Path elf;

    @BeforeEach
    void nativeBinary() throws IOException {
        Path hostTrue = Path.of("/bin/true");
        assumeThat(hostTrue).isRegularFile();
        elf = executable("elf", Files.readAllBytes(hostTrue));
    }

    private Path executable(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private Path script(String name, String content) throws IOException {
        return executable(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static Outcome runs(Path file) {
        return Outcome.runs(file.toString());
    }

    @Test
    void aNativeElfRuns() {
        assertThat(ExecTarget.find(elf.toString(), null)).isEqualTo(runs(elf));
    }

    @Test
    void aScriptRunsWhenItsInterpreterDoes() throws IOException {
        Path sh = script("sh-script", "#! /bin/sh -e\necho hi\n");
        Path nested = script("nested", "#!" + sh + "\n");

        assertThat(ExecTarget.find(sh.toString(), null)).isEqualTo(runs(sh));
        assertThat(ExecTarget.find(nested.toString(), null)).as("an interpreter that is a script").isEqualTo(runs(nested));
    }

    @Test
    void whatOnlyAnExecCanTellIsLeftToTheExec() throws IOException {
        // glibc runs these with /bin/sh (ENOEXEC), or execve fails with ENOENT and execvp searches on
        Path plain = script("no-shebang", "echo hi\n");
        Path missing = script("missing-interpreter", "#!/nonexistent/sh\n");
        Path carriageReturn = script("crlf", "#!/bin/sh\r\n");
        Path longLine = script("long", "#!/bin/sh " + "x".repeat(300) + "\n");
        Path empty = script("empty-shebang", "#!\n");
        Path data = executable("data", new byte[] {1, 2, 3});

        for (Path p : new Path[] {plain, missing, carriageReturn, longLine, empty, data}) {
            assertThat(ExecTarget.find(p.toString(), null)).as(p.getFileName().toString()).isEqualTo(Outcome.UNKNOWN);
        }
    }

    @Test
    void anElfForAnotherMachineOrWithoutItsLoaderIsLeftToTheExec() throws IOException {
        byte[] bytes = Files.readAllBytes(elf);
        byte[] foreign = bytes.clone();
        foreign[18] = (byte) 40; // EM_ARM
        assertThat(ExecTarget.find(executable("arm", foreign).toString(), null)).isEqualTo(Outcome.UNKNOWN);

        int loader = indexOf(bytes, "ld-linux".getBytes(StandardCharsets.US_ASCII));
        assumeThat(loader).as("a dynamically linked true").isNotNegative();
        byte[] noLoader = bytes.clone();
        noLoader[loader] = 'X';
        assertThat(ExecTarget.find(executable("no-loader", noLoader).toString(), null)).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aPathThatIsMissingFailsWithEnoentAndOneThatCannotRunWithEacces() throws IOException {
        Path notExecutable = dir.resolve("not-executable");
        Files.writeString(notExecutable, "#!/bin/sh\n");

        assertThat(ExecTarget.find(dir.resolve("absent").toString(), null)).isEqualTo(Outcome.fails(Errno.ENOENT));
        assertThat(ExecTarget.find(notExecutable.toString(), null)).isEqualTo(Outcome.fails(Errno.EACCES));
        assertThat(ExecTarget.find(dir.toString(), null)).as("a directory").isEqualTo(Outcome.fails(Errno.EACCES));
        assertThat(ExecTarget.find("", null)).isEqualTo(Outcome.fails(Errno.ENOENT));
    }

    @Test
    void thePathSearchSkipsWhatIsMissingOrNotExecutableAndStopsAtTheFirstExecutable() throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        Path c = Files.createDirectory(dir.resolve("c"));
        Files.writeString(a.resolve("cmd"), "not executable");
        Files.createDirectory(b.resolve("cmd"));
        Files.copy(elf, c.resolve("cmd"));
        Files.copy(elf, c.resolve("other"));
        Files.writeString(b.resolve("other"), "echo no shebang");
        Files.setPosixFilePermissions(b.resolve("other"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String path = dir.resolve("none") + ":" + a + ":" + b + ":" + c;

        assertThat(ExecTarget.find("cmd", path)).isEqualTo(Outcome.runs(c + "/cmd"));
        assertThat(ExecTarget.find("other", path)).as("the first executable decides").isEqualTo(Outcome.UNKNOWN);
        assertThat(ExecTarget.find("cmd", a + ":" + b)).as("found, never executable").isEqualTo(Outcome.fails(Errno.EACCES));
        assertThat(ExecTarget.find("cmd", dir.resolve("none").toString())).isEqualTo(Outcome.fails(Errno.ENOENT));
    }

    @Test
    void anEmptyPathEntryIsTheCurrentDirectoryAndNoPathIsGlibcsDefault() {
        // the tests run in the module's directory, where pom.xml is not executable
        assertThat(ExecTarget.find("pom.xml", ":/nonexistent")).isEqualTo(Outcome.fails(Errno.EACCES));
        assertThat(ExecTarget.find("pom.xml", "/nonexistent")).isEqualTo(Outcome.fails(Errno.ENOENT));
        assertThat(ExecTarget.find("true", null).file()).hasValueSatisfying(f -> assertThat(f).isIn("/bin/true", "/usr/bin/true"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
