package io.github.jcg.kube.node;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Go's {@code time.Duration} text, as a {@code KubeletConfiguration} writes durations
 * ({@code metav1.Duration} decodes them with {@code time.ParseDuration}): {@code 100ms},
 * {@code 1.5s}, {@code 1m30s}, {@code 100000us}. The kubelet's messages print durations back
 * with {@code Duration.String()}, so both directions are here, in nanoseconds.
 */
final class GoDuration {

    /** Nanoseconds per unit, with every spelling {@code time.ParseDuration} accepts. */
    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L, // micro sign
            "\u03bcs", 1_000L, // Greek small letter mu
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    private static final long SECOND = 1_000_000_000L;

    private GoDuration() {
    }

    /**
     * Parses a duration as {@code time.ParseDuration} does: an optional sign, then one or more
     * decimal numbers each followed by a unit; {@code 0} alone needs no unit.
     *
     * @param text the duration
     * @return nanoseconds
     * @throws IllegalArgumentException with Go's own words ({@code time: invalid duration "x"})
     */
    static long parseNanos(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigInteger total = BigInteger.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("time: missing unit in duration " + quote(text));
            }
            Long perUnit = UNITS.get(unit);
            if (perUnit == null) {
                throw new IllegalArgumentException("time: unknown unit " + quote(unit) + " in duration "
                        + quote(text));
            }
            BigDecimal value = new BigDecimal(number.endsWith(".") ? number + "0"
                    : number.startsWith(".") ? "0" + number : number);
            // Go drops what is finer than a nanosecond
            total = total.add(value.multiply(BigDecimal.valueOf(perUnit)).toBigInteger());
            if (total.bitLength() > 63) {
                throw invalid(text);
            }
        }
        long nanos = total.longValueExact();
        return negative ? -nanos : nanos;
    }

    /**
     * Writes a duration as Go's {@code Duration.String()}: {@code 0s}, {@code 500ns},
     * {@code 1.5µs}, {@code 100ms}, {@code 1s}, {@code 1m30s}, {@code 2h0m0s}.
     *
     * @param nanos the duration in nanoseconds
     * @return Go's spelling of it
     */
    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        BigInteger u = BigInteger.valueOf(nanos).abs();
        if (u.compareTo(BigInteger.valueOf(SECOND)) < 0) {
            long v = u.longValue();
            if (v < 1_000) {
                return sign + v + "ns";
            }
            if (v < 1_000_000) {
                return sign + (v / 1_000) + fraction(v % 1_000, 3) + "\u00b5s";
            }
            return sign + (v / 1_000_000) + fraction(v % 1_000_000, 6) + "ms";
        }
        BigInteger[] secondsAndNanos = u.divideAndRemainder(BigInteger.valueOf(SECOND));
        long seconds = secondsAndNanos[0].longValue();
        StringBuilder out = new StringBuilder();
        out.append(seconds % 60).append(fraction(secondsAndNanos[1].longValue(), 9)).append('s');
        long minutes = seconds / 60;
        if (minutes > 0) {
            out.insert(0, (minutes % 60) + "m");
            long hours = minutes / 60;
            if (hours > 0) {
                out.insert(0, hours + "h");
            }
        }
        return sign + out;
    }

    /** The digits after the point without trailing zeros, and no point at all for zero. */
    private static String fraction(long value, int digits) {
        if (value == 0) {
            return "";
        }
        String padded = String.format("%0" + digits + "d", value);
        int end = padded.length();
        while (padded.charAt(end - 1) == '0') {
            end--;
        }
        return "." + padded.substring(0, end);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration " + quote(text));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
