package io.github.jcg.cli.top;

import java.io.PrintWriter;
import java.util.List;

/**
 * systemd-cgtop's line output. Not on a terminal: no header, the path column as wide as
 * the longest path, and a blank line between refreshes. On a terminal: the screen is
 * cleared, a header is printed and the rows fit the terminal, as systemd-cgtop does with
 * {@code -b} on a terminal.
 */
final class BatchOutput {
    private static final String HOME_CLEAR = "\033[H\033[2J";
    private static final String UNDERLINE = "\033[0;4m";
    private static final String NORMAL = "\033[0m";

    private final PrintWriter out;
    private final boolean terminal;
    private final boolean dumb;

    BatchOutput(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        String term = System.getenv("TERM");
        this.dumb = term == null || term.isEmpty() || term.equals("dumb");
    }

    /** One refresh. {@code last}: no separator follows. */
    void print(List<GroupRow> rows, TopSettings settings, int columns, int lines, boolean last) {
        Columns table = settings.columns();
        if (terminal) {
            if (!dumb) {
                out.print(HOME_CLEAR);
            }
            Columns.Layout layout = table.fitToWidth(rows, columns);
            out.println((dumb ? "" : UNDERLINE) + table.header(layout) + (dumb ? "" : NORMAL));
            int room = Math.max(lines, 10) - 6;
            for (int i = 0; i < rows.size() && i <= room; i++) {
                out.println(table.row(rows.get(i), layout));
            }
        } else {
            Columns.Layout layout = table.fitToContent(rows);
            StringBuilder block = new StringBuilder(rows.size() * (layout.pathWidth() + 48));
            for (GroupRow r : rows) {
                block.append(table.row(r, layout)).append('\n');
            }
            if (!last) {
                block.append('\n');
            }
            out.print(block);
        }
        out.flush();
    }
}
