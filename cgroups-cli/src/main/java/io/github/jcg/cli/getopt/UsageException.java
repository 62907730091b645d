package io.github.jcg.cli.getopt;

/** The command line is not what the tool accepts; the message is getopt's (without the program name). */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
