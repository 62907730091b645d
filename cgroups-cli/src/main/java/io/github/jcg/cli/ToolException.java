package io.github.jcg.cli;

import io.github.jcg.cli.compat.LibcgroupWords;

import java.util.Optional;

/**
 * A failure whose exit status the command itself decided, because libcgroup gives that path
 * a code of its own (cgget's ECGVALUEEXISTS for a setting named twice, lscgroup's ECGFAIL).
 * The message is the one line printed after the tool's name; run under a libcgroup name, the
 * words libcgroup prints for the same failure, when given, come first on that line.
 */
public final class ToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient LibcgroupWords words;

    public ToolException(int status, String message) {
        this(status, null, message, null);
    }

    public ToolException(int status, String message, Throwable cause) {
        this(status, null, message, cause);
    }

    /** A failure libcgroup reports with {@code words}; {@code message} is jcg's explanation. */
    public ToolException(int status, LibcgroupWords words, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.words = words;
    }

    public int status() {
        return status;
    }

    /** What libcgroup prints for this failure, when the command knows it. */
    public Optional<LibcgroupWords> words() {
        return Optional.ofNullable(words);
    }
}
