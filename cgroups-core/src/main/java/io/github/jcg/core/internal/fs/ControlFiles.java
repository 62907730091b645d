package io.github.jcg.core.internal.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
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

    /**
     * The text of a file, opened with {@code O_NOFOLLOW}: a symbolic link in its place is
     * refused ({@link ConfinedDirectory.LinkRefusedException}). Only the last name is checked;
     * {@link ConfinedDirectory} confines every directory on the way too.
     */
    public static String read(Path file) throws IOException {
        try (SeekableByteChannel channel = open(file, StandardOpenOption.READ)) {
            return readAll(channel);
        }
    }

    /**
     * Writes {@code value} in one system call, as the kernel expects (a cgroup file parses
     * each write on its own; {@code cgroup.procs} takes one id per write). The file must
     * exist: cgroup files are never created by writing. Opened with {@code O_NOFOLLOW}, so a
     * link as the file itself is refused; writes to groups go through
     * {@link ConfinedDirectory#write}, which also confines the directories above it.
     */
    public static void write(Path file, String value) throws IOException {
        byte[] bytes = bytesOf(value);
        try (SeekableByteChannel channel = open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            channel.write(buffer);
            if (buffer.hasRemaining()) {
                throw new IOException("short write to " + file + ": " + buffer.remaining() + " bytes not taken");
            }
        }
    }

    private static SeekableByteChannel open(Path file, StandardOpenOption mode) throws IOException {
        try {
            return Files.newByteChannel(file, mode, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw ConfinedDirectory.refusedIfLink(file, e);
        }
    }

    /** What one write carries: an empty write(2) never reaches the kernel; a lone newline is how echo clears a file. */
    static byte[] bytesOf(String value) {
        return (value.isEmpty() ? "\n" : value).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a channel to its end. cgroup files report a size of 0 or 4096 whatever they hold, so the size is no guide. */
    static String readAll(ReadableByteChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (channel.read(buffer) >= 0) {
            if (!buffer.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2);
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
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
