package io.github.jcg.cli.top;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether our output goes to a terminal, and its size as systemd's {@code columns()} and
 * {@code lines()} take it: {@code $COLUMNS}/{@code $LINES} first, then the terminal itself.
 */
final class Tty {
    private Tty() {
    }

    /**
     * Whether standard output is a terminal. Read from where fd 1 points, which costs no
     * native code in the batch path (the terminal library loads only for the live view).
     */
    static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    static boolean stdinIsTerminal() {
        return isTerminal(0);
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    /** A positive number from the environment, or 0. */
    static int fromEnvironment(String name) {
        String v = System.getenv(name);
        if (v == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(v.strip());
            return n > 0 ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
