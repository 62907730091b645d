package io.github.jcg.core.internal.fs;

import io.github.jcg.core.internal.fs.ConfinedDirectory.LinkRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link ConfinedDirectory} on a plain tree: {@code mount/a/b/pids.max} inside, and
 * {@code outside/b/pids.max} that a planted link would lead to.
 */
class ConfinedDirectoryTest {
    @TempDir
    Path tmp;
    private Path mount;
    private Path outside;

    @BeforeEach
    void tree() throws IOException {
        mount = Files.createDirectories(tmp.resolve("mount"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(mount.resolve("a/b"));
        Files.writeString(mount.resolve("a/b/pids.max"), "max\n");
        Files.createDirectories(outside.resolve("b"));
        Files.writeString(outside.resolve("b/pids.max"), "max\n");
    }

    @Test
    void writesAndReadsAFileOfTheGroupDirectory() throws IOException {
        try (ConfinedDirectory b = ConfinedDirectory.open(mount, List.of("a", "b"))) {
            b.write("pids.max", "5");
            // a plain file keeps the tail of the longer old value, where cgroupfs would read "5"
            assertThat(b.read("pids.max")).isEqualTo("5ax\n");
        }
        assertThat(Files.readString(mount.resolve("a/b/pids.max"))).isEqualTo("5ax\n");
    }

    @Test
    void neverCreatesAFile() {
        assertThatThrownBy(() -> {
            try (ConfinedDirectory b = ConfinedDirectory.open(mount, List.of("a", "b"))) {
                b.write("cpu.max", "max");
            }
        }).isInstanceOf(NoSuchFileException.class);
        assertThat(mount.resolve("a/b/cpu.max")).doesNotExist();
    }

    @Test
    void aWriteTheFileRefusesIsTheValuesRefusalNotTheFiles() throws IOException {
        // /dev/full opens, and answers every write(2) with ENOSPC, as a control file answers a value it refuses
        Path dev = Path.of("/dev");
        assumeTrue(Files.isWritable(dev.resolve("full")), "no writable /dev/full here");
        try (ConfinedDirectory d = ConfinedDirectory.open(dev, List.of())) {
            assertThatThrownBy(() -> d.write("full", "1"))
                    .isInstanceOf(ConfinedDirectory.ValueRefusedException.class)
                    .hasMessageContaining("No space left on device")
                    .satisfies(e -> assertThat(((ConfinedDirectory.ValueRefusedException) e).writeFailure())
                            .isNotInstanceOf(ConfinedDirectory.ValueRefusedException.class));
        }
        // a file that cannot be opened is the open's failure, not a refused value
        try (ConfinedDirectory b = ConfinedDirectory.open(mount, List.of("a", "b"))) {
            assertThatThrownBy(() -> b.write("cpu.max", "max")).isInstanceOf(NoSuchFileException.class)
                    .isNotInstanceOf(ConfinedDirectory.ValueRefusedException.class);
        }
    }

    @Test
    void aLinkAsADirectoryOnTheWayIsRefusedEvenWhenItPointsInsideTheMount() throws IOException {
        Files.createSymbolicLink(mount.resolve("out"), outside);
        Files.createSymbolicLink(mount.resolve("alias"), mount.resolve("a"));

        assertThatThrownBy(() -> ConfinedDirectory.open(mount, List.of("out", "b")))
                .isInstanceOf(LinkRefusedException.class)
                .hasMessage(mount.resolve("out") + " is a symbolic link; refusing to follow it out of the cgroup hierarchy");
        assertThatThrownBy(() -> ConfinedDirectory.open(mount, List.of("alias", "b")))
                .isInstanceOf(LinkRefusedException.class)
                .hasMessageContaining(mount.resolve("alias").toString());
    }

    @Test
    void aLinkAsTheControlFileIsRefusedAndNothingIsWrittenThroughIt() throws IOException {
        Files.delete(mount.resolve("a/b/pids.max"));
        Files.createSymbolicLink(mount.resolve("a/b/pids.max"), outside.resolve("b/pids.max"));

        try (ConfinedDirectory b = ConfinedDirectory.open(mount, List.of("a", "b"))) {
            assertThatThrownBy(() -> b.write("pids.max", "5")).isInstanceOf(LinkRefusedException.class)
                    .hasMessageContaining(mount.resolve("a/b/pids.max").toString()).hasMessageContaining("symbolic link");
            assertThatThrownBy(() -> b.read("pids.max")).isInstanceOf(LinkRefusedException.class);
        }
        assertThat(Files.readString(outside.resolve("b/pids.max"))).isEqualTo("max\n");
    }

    @Test
    void aDirectorySwappedForALinkAfterTheOpenCannotRedirectTheWrite() throws IOException {
        try (ConfinedDirectory b = ConfinedDirectory.open(mount, List.of("a", "b"))) {
            Object before = b.fileKey();
            // the race a path check loses: the checked directory moves away, a link takes its place
            Files.move(mount.resolve("a"), mount.resolve("a-moved"));
            Files.createSymbolicLink(mount.resolve("a"), outside);
            assertThat(mount.resolve("a/b/pids.max").toRealPath()).isEqualTo(outside.resolve("b/pids.max").toRealPath());

            b.write("pids.max", "7");

            assertThat(b.fileKey()).isEqualTo(before);
        }
        assertThat(Files.readString(outside.resolve("b/pids.max"))).isEqualTo("max\n");
        assertThat(Files.readString(mount.resolve("a-moved/b/pids.max"))).isEqualTo("7ax\n");
    }

    @Test
    void aFileWhereADirectoryShouldBeIsNotOpenedAsOne() throws IOException {
        Files.writeString(mount.resolve("plain"), "");

        assertThatThrownBy(() -> ConfinedDirectory.open(mount, List.of("plain", "b")))
                .isInstanceOf(NotDirectoryException.class).hasMessage(mount.resolve("plain").toString());
    }

    @Test
    void removeDirectoryRemovesAnEmptyChildButNeverFollowsALink() throws IOException {
        Files.createDirectories(mount.resolve("a/empty"));
        Files.createDirectories(outside.resolve("victim"));
        Files.createSymbolicLink(mount.resolve("a/link"), outside.resolve("victim"));

        try (ConfinedDirectory a = ConfinedDirectory.open(mount, List.of("a"))) {
            a.removeDirectory("empty");
            a.removeDirectory("empty"); // gone already: not an error
            assertThatThrownBy(() -> a.removeDirectory("link")).isInstanceOf(FileSystemException.class);
        }
        assertThat(mount.resolve("a/empty")).doesNotExist();
        assertThat(outside.resolve("victim")).isDirectory();
    }

    @Test
    void namesMustBeSingleNames() {
        assertThatThrownBy(() -> ConfinedDirectory.open(mount, List.of("..", "outside"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfinedDirectory.open(mount, List.of("a/b"))).isInstanceOf(IllegalArgumentException.class);
    }
}
