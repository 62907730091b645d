package io.github.jcg.demo;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header row and data rows, columns padded to their widest cell. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    /** @param rightAligned one flag per column; numbers read best right-aligned */
    TextTable(boolean... rightAligned) {
        this.rightAligned = rightAligned.clone();
    }

    TextTable row(String... cells) {
        if (cells.length != rightAligned.length) {
            throw new IllegalArgumentException("expected " + rightAligned.length + " cells, got " + cells.length);
        }
        rows.add(cells.clone());
        return this;
    }

    List<String> lines(String indent) {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].codePointCount(0, row[i].length()));
                line.append(rightAligned[i] ? pad + row[i] : row[i] + pad);
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            out.add(line.toString().stripTrailing());
        }
        return out;
    }
}
