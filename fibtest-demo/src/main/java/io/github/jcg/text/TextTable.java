package io.github.jcg.text;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table, as jcg prints them ({@code jcg info}, the demo's report): rows of cells,
 * each column padded to its widest cell, columns two spaces apart, no trailing blanks.
 *
 * <p>Widths count code points, not Java {@code char}s, so text outside the Basic Multilingual
 * Plane (a surrogate pair is one code point) lines up like any other; like a terminal, a wide
 * or combining character is still taken as one column. A column is left-aligned unless its
 * flag says right (numbers read best right-aligned).
 */
public final class TextTable {
    private static final String GAP = "  ";

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    /** @param rightAligned one flag per column: whether that column is right-aligned */
    public TextTable(boolean... rightAligned) {
        if (rightAligned.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.rightAligned = rightAligned.clone();
    }

    /** A table of {@code columns} left-aligned columns. */
    public static TextTable leftAligned(int columns) {
        return new TextTable(new boolean[columns]);
    }

    /** Adds a row; it must have one cell per column. */
    public TextTable row(String... cells) {
        if (cells.length != rightAligned.length) {
            throw new IllegalArgumentException("expected " + rightAligned.length + " cells, got " + cells.length);
        }
        rows.add(cells.clone());
        return this;
    }

    /** The rows as lines, each starting with {@code indent}. */
    public List<String> lines(String indent) {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        List<String> out = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - width(row[i]));
                line.append(rightAligned[i] ? pad + row[i] : row[i] + pad);
                if (i < row.length - 1) {
                    line.append(GAP);
                }
            }
            out.add(line.toString().stripTrailing());
        }
        return out;
    }

    /** Prints {@link #lines(String)}, one {@code println} each. */
    public void print(PrintWriter out, String indent) {
        lines(indent).forEach(out::println);
    }

    /** The columns a cell takes: its code points. */
    static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
