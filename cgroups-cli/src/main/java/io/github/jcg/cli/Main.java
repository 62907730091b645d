package io.github.jcg.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code jcg} entry point. The launcher passes the name it was invoked by in
 * {@code JCG_INVOKED_AS}, so a link named {@code cgcreate} behaves as cgcreate.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String invokedAs = System.getenv().getOrDefault("JCG_INVOKED_AS", "jcg");
        // UTF-8 whatever the locale: sparklines, µ and box characters must not turn into '?'
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int status = run(invokedAs, args, out, err);
        System.exit(status);
    }

    /**
     * Runs one invocation as the tool {@code invokedAs} ({@code jcg}, or a libcgroup tool
     * name such as {@code cgget}) and returns its exit status; output is flushed first.
     */
    public static int run(String invokedAs, String[] args, PrintWriter out, PrintWriter err) {
        try {
            return Tools.run(invokedAs, args, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
