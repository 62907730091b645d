package io.github.jcg.fibtest;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * {@code java -jar fibtest.jar [-t N] [-f N] [-s N] [-v]}: runs {@link FibtestCommand}.
 *
 * <p>Wrong usage behaves as the C original's getopt loop: the problem is named on stderr, the
 * usage goes to stdout, and the exit status is 0.
 */
public final class Fibtest {
    private Fibtest() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one invocation and returns its exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(out, err);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new FibtestCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, args) -> {
            err.println("fibtest: " + e.getMessage());
            e.getCommandLine().usage(out);
            return 0;
        });
        return cli;
    }
}
