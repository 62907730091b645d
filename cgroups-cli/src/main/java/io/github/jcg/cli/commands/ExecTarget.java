package io.github.jcg.cli.commands;

import io.github.jcg.core.Errno;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What {@code execvp} would do with a command word, found without running it, and only where it
 * is certain: run a file (the launcher then execs that file itself, and no libc binding is
 * loaded), or fail with ENOENT or EACCES (jcg then reports it as cgexec does). What counts as certain is an executable regular file that the kernel runs without
 * help: a native ELF whose program interpreter is there, or a {@code #!} script whose
 * interpreter is such a file. The search is glibc's: a word with a {@code /} is the file, any
 * other word is looked for in each {@code PATH} directory in turn (an empty one is the current
 * directory; no {@code PATH} is {@code /bin:/usr/bin}), skipping what is missing or not
 * executable, and stopping at the first executable file.
 *
 * <p>Anything less gives empty, and jcg's own exec then makes the attempt and reports exactly
 * as execvp does: a file only glibc's {@code /bin/sh}
 * fallback or a binfmt_misc handler runs, a 32-bit or foreign ELF, a missing interpreter
 * (execve's ENOENT, after which execvp goes on searching), an error other than "no such file".
 */
final class ExecTarget {
    /** glibc's confstr(_CS_PATH): the search path when PATH is unset. */
    private static final String DEFAULT_PATH = "/bin:/usr/bin";
    /** The kernel reads a {@code #!} line from its first BINPRM_BUF_SIZE bytes. */
    private static final int BINPRM_BUF_SIZE = 256;
    /** Interpreters of interpreters followed before giving up (the kernel allows a few more). */
    private static final int MAX_DEPTH = 3;
    private static final int PT_INTERP = 3;
    private static final int ELF64_HEADER = 64;
    private static final int ELF64_PHDR = 56;
    private static final int MAX_PHNUM = 512;

    /** What one candidate of the search is: execvp skips the first two, stops at the others. */
    private enum Kind { ABSENT, NOT_EXECUTABLE, CERTAIN, UNCERTAIN }

    /**
     * The outcome: the file to exec, named so that no shell searches again (it has a {@code /});
     * or the errno execvp would fail with; or neither, when only an exec can tell.
     */
    record Outcome(Optional<String> file, Optional<Errno> failure) {
        static final Outcome UNKNOWN = new Outcome(Optional.empty(), Optional.empty());

        static Outcome runs(String file) {
            return new Outcome(Optional.of(file), Optional.empty());
        }

        static Outcome fails(Errno errno) {
            return new Outcome(Optional.empty(), Optional.of(errno));
        }
    }

    private ExecTarget() {
    }

    /**
     * What execvp would do with {@code word}.
     *
     * @param word         the command's first word
     * @param pathVariable the value of {@code PATH}, or null when it is unset
     */
    static Outcome find(String word, String pathVariable) {
        if (word.isEmpty()) {
            return Outcome.fails(Errno.ENOENT);
        }
        if (word.indexOf('/') >= 0) {
            return switch (kind(word)) {
                case ABSENT -> Outcome.fails(Errno.ENOENT);
                case NOT_EXECUTABLE -> Outcome.fails(Errno.EACCES);
                case CERTAIN -> Outcome.runs(word);
                case UNCERTAIN -> Outcome.UNKNOWN;
            };
        }
        boolean deniedSomewhere = false;
        for (String dir : (pathVariable == null ? DEFAULT_PATH : pathVariable).split(":", -1)) {
            // glibc's buffer: the directory, a '/' if it is not empty, the word
            String candidate = dir.isEmpty() ? "./" + word : dir + "/" + word;
            switch (kind(candidate)) {
                case ABSENT -> {
                    // execve's ENOENT: execvp tries the next directory
                }
                case NOT_EXECUTABLE -> deniedSomewhere = true; // EACCES: remembered, and on
                case CERTAIN -> {
                    return Outcome.runs(candidate);
                }
                case UNCERTAIN -> {
                    return Outcome.UNKNOWN;
                }
            }
        }
        return Outcome.fails(deniedSomewhere ? Errno.EACCES : Errno.ENOENT);
    }

    private static Kind kind(String file) {
        Path path;
        BasicFileAttributes attributes;
        try {
            path = Path.of(file);
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Kind.ABSENT;
        } catch (IOException | InvalidPathException e) {
            return Kind.UNCERTAIN;
        }
        // execve refuses a directory, a fifo or a device with EACCES, as a file without x
        if (!attributes.isRegularFile() || !Files.isExecutable(path)) {
            return Kind.NOT_EXECUTABLE;
        }
        return runsAlone(path, 0) ? Kind.CERTAIN : Kind.UNCERTAIN;
    }

    /** Whether the kernel runs this executable file without binfmt_misc or a shell's fallback. */
    private static boolean runsAlone(Path file, int depth) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(BINPRM_BUF_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(head, 0);
            head.flip();
            if (head.remaining() >= 4 && head.getInt(0) == 0x464c457f) { // "\177ELF"
                return nativeElf(channel, head);
            }
            if (head.remaining() >= 2 && head.get(0) == '#' && head.get(1) == '!') {
                Optional<Path> interpreter = interpreter(head);
                return depth < MAX_DEPTH && interpreter.isPresent() && executable(interpreter.get())
                        && runsAlone(interpreter.get(), depth + 1);
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A 64-bit little-endian executable for this machine, its program interpreter present. */
    private static boolean nativeElf(FileChannel channel, ByteBuffer head) throws IOException {
        int machine = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> 62;
            case "aarch64" -> 183;
            default -> -1;
        };
        if (head.remaining() < ELF64_HEADER || head.get(4) != 2 /* ELFCLASS64 */ || head.get(5) != 1 /* LSB */
                || head.getShort(18) != machine) {
            return false;
        }
        int type = head.getShort(16);
        long phoff = head.getLong(32);
        int phentsize = Short.toUnsignedInt(head.getShort(54));
        int phnum = Short.toUnsignedInt(head.getShort(56));
        if ((type != 2 && type != 3) || phentsize != ELF64_PHDR || phnum > MAX_PHNUM || phoff < 0) {
            return false;
        }
        ByteBuffer headers = ByteBuffer.allocate(phnum * ELF64_PHDR).order(ByteOrder.LITTLE_ENDIAN);
        if (channel.read(headers, phoff) != headers.capacity()) {
            return false;
        }
        for (int i = 0; i < phnum; i++) {
            int at = i * ELF64_PHDR;
            if (headers.getInt(at) == PT_INTERP) {
                long offset = headers.getLong(at + 8);
                long size = headers.getLong(at + 32);
                if (size < 2 || size > 4096 || offset < 0) {
                    return false;
                }
                ByteBuffer name = ByteBuffer.allocate((int) size);
                if (channel.read(name, offset) != size || name.get((int) size - 1) != 0) {
                    return false;
                }
                return executable(Path.of(new String(name.array(), 0, (int) size - 1, fileNames())));
            }
        }
        return true; // static: nothing else to load
    }

    /** The interpreter a {@code #!} line names: after blanks, up to the next blank or the newline. */
    private static Optional<Path> interpreter(ByteBuffer head) {
        int end = -1;
        for (int i = 2; i < head.limit(); i++) {
            if (head.get(i) == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return Optional.empty(); // a line longer than the kernel reads: let execvp find out
        }
        int from = 2;
        while (from < end && isBlank(head.get(from))) {
            from++;
        }
        int to = from;
        while (to < end && !isBlank(head.get(to)) && head.get(to) != 0) {
            to++;
        }
        if (to == from) {
            return Optional.empty();
        }
        return Optional.of(Path.of(new String(head.array(), from, to - from, fileNames())));
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean executable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    /** How file names are turned into strings and back (the locale's, as for the environment). */
    static Charset fileNames() {
        return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    }
}
