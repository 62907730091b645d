package io.github.jcg.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * The {@code jcg} entry point. The launcher passes the name it was invoked by in
 * {@code JCG_INVOKED_AS}, so a link named {@code cgcreate} behaves as cgcreate.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, new PrintWriter(System.out, false), new PrintWriter(System.err, true));
        System.exit(status);
    }

    /** Runs one invocation and returns its exit status; output is flushed before returning. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = JcgCommand.commandLine(out, err);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
