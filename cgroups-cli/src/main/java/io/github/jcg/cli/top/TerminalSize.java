package io.github.jcg.cli.top;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The size of the terminal standard output is on, for batch output on a terminal:
 * {@code $COLUMNS} and {@code $LINES} first, as systemd's {@code columns()} and {@code lines()}
 * do, then the terminal's own, then 80×24.
 */
final class TerminalSize {
    private static Size cached;

    private TerminalSize() {
    }

    static int columns() {
        int env = Tty.fromEnvironment("COLUMNS");
        return env > 0 ? env : queried().getColumns();
    }

    static int lines() {
        int env = Tty.fromEnvironment("LINES");
        return env > 0 ? env : queried().getRows();
    }

    private static synchronized Size queried() {
        if (cached == null) {
            Size size = new Size(80, 24);
            try (Terminal t = TerminalBuilder.builder().system(true).dumb(false).nativeSignals(false).build()) {
                Size s = t.getSize();
                if (s.getColumns() > 0 && s.getRows() > 0) {
                    size = s;
                }
            } catch (Exception | LinkageError e) {
                // no terminal to ask: the defaults
            }
            cached = size;
        }
        return cached;
    }
}
