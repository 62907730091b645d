package io.github.jcg.cli;

import io.github.jcg.cli.compat.LibcgroupWords;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * One run of a {@link GetoptCommand}: the name it reports itself by ({@code cgget} when run as
 * that tool, {@code jcg get} otherwise), where it prints, and whether {@code --debug} was given.
 */
public final class Invocation {
    private final String name;
    private final int argumentCount;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean debug;

    Invocation(String name, int argumentCount, PrintWriter out, PrintWriter err, boolean debug) {
        this.name = name;
        this.argumentCount = argumentCount;
        this.out = out;
        this.err = err;
        this.debug = debug;
    }

    /** The tool name at the start of error lines: {@code cgdelete}, or {@code jcg delete}. */
    public String name() {
        return name;
    }

    /** How many words followed the command name (cgget without any prints nothing useful). */
    public int argumentCount() {
        return argumentCount;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** Whether {@code --debug} was given: failures add their stack trace. */
    public boolean debug() {
        return debug;
    }

    /** Whether jcg runs as one of libcgroup's tools ({@code cgdelete}), not as {@code jcg delete}. */
    public boolean isLibcgroupTool() {
        return Commands.isLibcgroupName(name);
    }

    /**
     * Prints one failure line for a command that goes on after it: under a libcgroup name,
     * libcgroup's words for the failure first, then jcg's explanation.
     */
    public void failure(LibcgroupWords words, String message, Exception cause) {
        err.println(GetoptRunner.failureLine(name, isLibcgroupTool() ? Optional.of(words) : Optional.empty(), message));
        err.flush();
        if (debug && cause != null) {
            cause.printStackTrace(err);
            err.flush();
        }
    }

    /** Prints one failure line for a command that goes on after it (cgdelete, cgclassify). */
    public void failure(String message) {
        err.println(name + ": " + message);
        err.flush();
    }

    /** The same, with the stack trace after it when {@code --debug} was given. */
    public void failure(String message, Exception cause) {
        failure(message);
        if (debug) {
            cause.printStackTrace(err);
            err.flush();
        }
    }
}
