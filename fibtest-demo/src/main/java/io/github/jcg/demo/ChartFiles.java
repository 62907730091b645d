package io.github.jcg.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the demo's chart files whole or not at all: into a temporary file next to each, then
 * moved into place, and the temporary file is removed when writing fails.
 */
final class ChartFiles {
    /** Writes a file's content to a stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private ChartFiles() {
    }

    /**
     * Replaces {@code file} with {@code content}, never leaving an empty or partial file: the
     * content goes to a new temporary file in the same directory (created with the process's
     * umask, as the file itself would be), which is then renamed over {@code file}. When
     * anything fails, even an {@link Error} while drawing, the temporary file is removed.
     */
    static void replace(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
    }
}
