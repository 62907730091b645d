package io.github.jcg.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting shared by the report's table, checks and progress lines. */
final class Numbers {
    private Numbers() {
    }

    /** A percentage with at most two decimals and no trailing zeros: {@code 2 %}, {@code 50.5 %}. */
    static String percent(double value) {
        return plain(value) + " %";
    }

    /** At most two decimals, trailing zeros dropped. */
    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** {@code 12.3 %} with a fixed decimal count; {@code -} when unknown. */
    static String fixedPercent(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f %%", value);
    }

    /** Iterations per second in millions: {@code 2512.3 M}. */
    static String millions(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
    }

    static String seconds(double seconds) {
        if (Double.isNaN(seconds)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }
}
