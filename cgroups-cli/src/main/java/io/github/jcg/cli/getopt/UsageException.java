package io.github.jcg.cli.getopt;

import java.util.Optional;

/**
 * The command line is not what the tool accepts. The message is getopt's when parsing failed,
 * or the command's own for a combination it refuses; either way without the program name.
 * <p>Run under a libcgroup name, what libcgroup prints comes first: most mistakes get only its
 * {@code Wrong input parameters, …} line, so that line leads and jcg's explanation follows; a
 * few get words of their own, which either begin the message ({@link #inLibcgroupWords}) or are a
 * line of their own ({@link #afterLine}, cgset's {@code Usage is …}).
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean ownWords;
    private final String libcgroupLine;

    /** A mistake libcgroup answers with its {@code Wrong input parameters} line only. */
    public UsageException(String message) {
        this(message, false, null);
    }

    private UsageException(String message, boolean ownWords, String libcgroupLine) {
        super(message);
        this.ownWords = ownWords;
        this.libcgroupLine = libcgroupLine;
    }

    /** A mistake whose message begins with the words libcgroup (or glibc's getopt) prints for it. */
    public static UsageException inLibcgroupWords(String message) {
        return new UsageException(message, true, null);
    }

    /** A mistake libcgroup answers with {@code line} (complete, with its tool name) instead of its usual one. */
    public static UsageException afterLine(String line, String message) {
        return new UsageException(message, false, line);
    }

    /** Whether the message already begins with libcgroup's words. */
    public boolean inOwnWords() {
        return ownWords;
    }

    /** The line libcgroup prints for this mistake instead of {@code Wrong input parameters, …}. */
    public Optional<String> libcgroupLine() {
        return Optional.ofNullable(libcgroupLine);
    }
}
