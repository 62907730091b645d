package io.github.jcg.cli.top;

import java.util.ArrayList;
import java.util.List;

/**
 * The live view as lines of text, for a terminal of a given size: two header lines (host,
 * CPUs, refresh interval; what is sorted and counted), the column header, as many rows as
 * fit, and a status line. Pure, so tests check the screen without a terminal; the live
 * view adds the colours.
 */
final class Screen {
    static final int HEADER_LINES = 3;

    /** The screen's text and where the sort column sits in the column header. */
    record Frame(List<String> lines, int sortColumnStart, int sortColumnEnd) {
    }

    private Screen() {
    }

    /**
     * @param hostLine what the first line says about the host (mode, CPUs)
     * @param status   the message of the moment, or the key hint when null
     */
    static Frame render(List<GroupRow> rows, TopSettings settings, String hostLine, String status, int columns, int height) {
        Columns table = settings.columns();
        Columns.Layout layout = table.fitToWidth(rows, columns);
        List<String> lines = new ArrayList<>(height);
        lines.add(cut("jcg top — " + hostLine + ", refresh " + Units.delay(settings.delayMicros)
                + ", depth " + settings.depth + ", root " + settings.root, columns));
        lines.add(cut("Groups: " + rows.size() + "   Order: " + settings.order.optionValue()
                + "   CPU: " + (settings.cpu == CpuDisplay.PERCENTAGE ? "percentage" : "time")
                + "   Counting: " + settings.counting.description()
                + (settings.counting.countsProcesses() ? (settings.recursive ? ", recursive" : ", not recursive") : ""), columns));
        lines.add(cut(table.header(layout), columns));
        int room = Math.max(0, height - HEADER_LINES - 1);
        for (int i = 0; i < rows.size() && i < room; i++) {
            lines.add(cut(table.row(rows.get(i), layout), columns));
        }
        while (lines.size() < height - 1) {
            lines.add("");
        }
        lines.add(cut(status != null ? status
                : "p t c m i: sort   %: time/percent   + -: interval   l: limits   h: help   q: quit", columns));
        int[] starts = table.columnStarts(layout);
        int column = sortColumn(settings.order);
        int start = starts[column];
        int end = column == 4 ? starts[6] - 1 : starts[column + 1] - 1;
        return new Frame(lines, Math.min(start, columns), Math.min(end, columns));
    }

    /** The table column that holds the sort key: path, tasks, CPU, memory, IO (input and output). */
    private static int sortColumn(Order order) {
        return switch (order) {
            case PATH -> 0;
            case TASKS -> 1;
            case CPU -> 2;
            case MEMORY -> 3;
            case IO -> 4;
        };
    }

    static String cut(String line, int columns) {
        return line.length() <= columns ? line : line.substring(0, Math.max(0, columns));
    }
}
