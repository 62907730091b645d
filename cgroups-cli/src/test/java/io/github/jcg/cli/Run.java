package io.github.jcg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs jcg in-process, as a given tool name, and keeps what it printed. */
public record Run(int status, String out, String err) {
    public static Run as(String invokedAs, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(invokedAs, args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    /** The error output's lines. */
    public String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\n");
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
