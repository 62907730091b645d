package io.github.jcg.core.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The two primitive operations on a control file, with no interpretation: read its text,
 * write a value with exactly one {@code write(2)}. Failures stay {@link IOException}s here;
 * the caller knows the group and file and turns them into a message.
 */
public final class ControlFiles {
    private ControlFiles() {
    }

    public static String read(Path file) throws IOException {
        refuseLink(file);
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code value} in one system call, as the kernel expects (a cgroup file parses
     * each write on its own; {@code cgroup.procs} takes one id per write). The file must
     * exist: cgroup files are never created by writing.
     */
    public static void write(Path file, String value) throws IOException {
        refuseLink(file);
        // an empty write(2) never reaches the kernel; a lone newline is how echo clears a file
        byte[] bytes = (value.isEmpty() ? "\n" : value).getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            channel.write(buffer);
            if (buffer.hasRemaining()) {
                throw new IOException("short write to " + file + ": " + buffer.remaining() + " bytes not taken");
            }
        }
    }

    /**
     * cgroupfs has no symbolic links; one in a fake tree or a tampered mount must not lead a
     * write outside the hierarchy.
     */
    private static void refuseLink(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new IOException(file + " is a symbolic link; refusing to follow it out of the cgroup hierarchy");
        }
    }

    /** True when {@code name} is a single file name: no separators, no dot-dot, no control characters. */
    public static boolean isPlainName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.length() > 255) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    public static boolean isDirectory(Path dir) {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS);
    }
}
