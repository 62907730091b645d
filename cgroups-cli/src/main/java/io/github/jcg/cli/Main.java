package io.github.jcg.cli;

import java.io.PrintWriter;

/**
 * The {@code jcg} entry point. The launcher passes the name it was invoked by in
 * {@code JCG_INVOKED_AS}, so a link named {@code cgcreate} behaves as cgcreate.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String invokedAs = System.getenv().getOrDefault("JCG_INVOKED_AS", "jcg");
        int status = run(invokedAs, args, new PrintWriter(System.out, false), new PrintWriter(System.err, true));
        System.exit(status);
    }

    /**
     * Runs one invocation as the tool {@code invokedAs} ({@code jcg}, or a libcgroup tool
     * name such as {@code cgget}) and returns its exit status; output is flushed first.
     */
    public static int run(String invokedAs, String[] args, PrintWriter out, PrintWriter err) {
        try {
            return Tools.commandLine(invokedAs, args, out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
