package io.github.jcg.cli.getopt;

/**
 * The command line is not what the tool accepts. The message is getopt's when parsing failed,
 * or the command's own for a combination it refuses; either way without the program name.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
