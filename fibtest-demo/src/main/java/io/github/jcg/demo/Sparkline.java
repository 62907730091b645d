package io.github.jcg.demo;

import java.util.List;

/**
 * A row of Unicode blocks, one per value, for a terminal: {@code ▁} for nothing up to
 * {@code █} for {@code max}. Rows drawn against the same {@code max} can be compared by eye.
 */
public final class Sparkline {
    static final String BLOCKS = "▁▂▃▄▅▆▇█";

    private Sparkline() {
    }

    /**
     * One block per value, scaled so {@code max} is a full block. Values at or below zero get
     * the lowest block, values above {@code max} the highest, unknown (NaN) ones a space.
     */
    public static String of(List<Double> values, double max) {
        StringBuilder out = new StringBuilder(values.size());
        for (double v : values) {
            out.append(block(v, max));
        }
        return out.toString();
    }

    static char block(double value, double max) {
        if (Double.isNaN(value)) {
            return ' ';
        }
        if (!(max > 0) || value <= 0) {
            return BLOCKS.charAt(0);
        }
        int last = BLOCKS.length() - 1;
        long index = Math.round(value / max * last);
        return BLOCKS.charAt((int) Math.max(0, Math.min(last, index)));
    }
}
