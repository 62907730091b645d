package io.github.jcg.it.support;

import java.util.List;

/**
 * What one finished command gave: its exit status and everything it wrote.
 *
 * @param command what ran, for messages
 * @param exit    the exit status
 * @param out     standard output
 * @param err     standard error
 */
public record Result(List<String> command, int exit, String out, String err) {
    public Result {
        command = List.copyOf(command);
    }

    /** Whether it exited 0. */
    public boolean ok() {
        return exit == 0;
    }

    /** stdout's lines. */
    public List<String> lines() {
        return out.lines().toList();
    }

    /** This result, or an {@link AssertionError} that shows everything when it did not exit 0. */
    public Result requireOk() {
        if (exit != 0) {
            throw new AssertionError("failed: " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        return String.join(" ", command) + "\n  exit " + exit + "\n  stdout: " + indent(out) + "\n  stderr: " + indent(err);
    }

    private static String indent(String text) {
        return text.isEmpty() ? "(empty)" : text.strip().replace("\n", "\n          ");
    }
}
