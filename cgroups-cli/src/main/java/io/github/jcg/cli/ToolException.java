package io.github.jcg.cli;

/**
 * A failure whose exit status the command itself decided, because libcgroup gives that path
 * a code of its own (cgget's ECGVALUEEXISTS for a setting named twice, lscgroup's ECGFAIL).
 * The message is the one line printed after the tool's name.
 */
public final class ToolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ToolException(int status, String message) {
        super(message);
        this.status = status;
    }

    public ToolException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
