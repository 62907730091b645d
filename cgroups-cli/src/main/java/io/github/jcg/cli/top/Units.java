package io.github.jcg.cli.top;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as systemd-cgtop prints them, so a script that reads its output reads ours:
 * sizes in binary units with one truncated decimal ({@code 445.3M}, {@code 512B}), CPU time
 * as a time span ({@code 21min 52.116346s}), and its parser for {@code -d} delays.
 */
public final class Units {
    private static final String[] BYTE_SUFFIXES = {"E", "P", "T", "G", "M", "K"};
    private static final long[] BYTE_FACTORS = {1L << 60, 1L << 50, 1L << 40, 1L << 30, 1L << 20, 1L << 10};

    private static final String[] SPAN_SUFFIXES = {"y", "month", "w", "d", "h", "min", "s", "ms", "us"};
    private static final long[] SPAN_MICROS = {31_557_600_000_000L, 2_629_800_000_000L, 604_800_000_000L,
            86_400_000_000L, 3_600_000_000L, 60_000_000L, 1_000_000L, 1_000L, 1L};

    private Units() {
    }

    /**
     * A size as systemd's {@code format_bytes}: the largest binary unit not above it, one
     * decimal that is cut, not rounded, and a bare number with {@code B} below 1 KiB.
     */
    public static String bytes(long value) {
        if (value < 0) {
            return "-";
        }
        for (int i = 0; i < BYTE_FACTORS.length; i++) {
            if (value >= BYTE_FACTORS[i]) {
                long whole = value / BYTE_FACTORS[i];
                // the tenth is taken from the next smaller unit, as systemd does (floor of floor)
                long tenth = i != BYTE_FACTORS.length - 1
                        ? (value / BYTE_FACTORS[i + 1] * 10 / 1024) % 10
                        : (value * 10 / 1024) % 10;
                return whole + "." + tenth + BYTE_SUFFIXES[i];
            }
        }
        return value + "B";
    }

    /**
     * A duration in microseconds as systemd's {@code format_timespan} with full accuracy:
     * each unit from years down, space separated, and the last part below a minute in dot
     * notation ({@code 1h 2min 3.500000s}); {@code 0} for zero.
     */
    public static String timespan(long micros) {
        if (micros <= 0) {
            return "0";
        }
        StringBuilder out = new StringBuilder();
        long t = micros;
        for (int i = 0; i < SPAN_MICROS.length && t > 0; i++) {
            long unit = SPAN_MICROS[i];
            if (t < unit) {
                continue;
            }
            long whole = t / unit;
            long rest = t % unit;
            if (out.length() > 0) {
                out.append(' ');
            }
            int digits = Long.toString(unit).length() - 1;
            if (t < 60_000_000L && rest > 0 && digits > 0) {
                String fraction = Long.toString(rest);
                out.append(whole).append('.');
                for (int z = fraction.length(); z < digits; z++) {
                    out.append('0');
                }
                out.append(fraction).append(SPAN_SUFFIXES[i]);
                t = 0;
            } else {
                out.append(whole).append(SPAN_SUFFIXES[i]);
                t = rest;
            }
        }
        return out.toString();
    }

    /**
     * Parses a delay as systemd's {@code parse_sec} accepts it: a number of seconds
     * ({@code 1}, {@code 0.5}) or numbers with units ({@code 500ms}, {@code 1min 30s},
     * {@code 2h}); returns microseconds.
     *
     * @throws IllegalArgumentException when the text is not a duration
     */
    public static long parseDelayMicros(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty delay");
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i == s.length()) {
                break;
            }
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("'" + text + "' is not a duration");
            }
            BigDecimal number;
            try {
                number = new BigDecimal(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration", e);
            }
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int unitStart = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            total = total.add(number.multiply(BigDecimal.valueOf(unitMicros(s.substring(unitStart, i), text))));
        }
        if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too long a delay");
        }
        return total.longValue();
    }

    private static long unitMicros(String unit, String text) {
        return switch (unit) {
            case "", "s", "sec", "second", "seconds" -> 1_000_000L;
            case "ms", "msec" -> 1_000L;
            case "us", "usec", "µs" -> 1L;
            case "m", "min", "minute", "minutes" -> 60_000_000L;
            case "h", "hr", "hour", "hours" -> 3_600_000_000L;
            case "d", "day", "days" -> 86_400_000_000L;
            case "w", "week", "weeks" -> 604_800_000_000L;
            default -> throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + unit + "'");
        };
    }

    /** A delay for people: {@code 1s}, {@code 250ms}, {@code 1.25s}. */
    public static String delay(long micros) {
        if (micros % 1_000_000L == 0) {
            return micros / 1_000_000L + "s";
        }
        if (micros < 1_000_000L && micros % 1_000L == 0) {
            return micros / 1_000L + "ms";
        }
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString() + "s";
    }

    /** One decimal, as C's {@code %.1f}: the exact binary value, rounded half to even. */
    public static String oneDecimal(double value) {
        return decimals(value, 1);
    }

    /** Two decimals, for CPU limits in cores ({@code 0.50}). */
    public static String twoDecimals(double value) {
        return decimals(value, 2);
    }

    private static String decimals(double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        // cheaper than String.format (no Formatter, no locale lookup) and rounds as glibc's printf
        return new BigDecimal(value).setScale(places, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Throttled time per second of wall time, as a span ({@code 493ms}, {@code 1.20s}, {@code 0}). */
    public static String perSecondSpan(double nanosPerSecond) {
        if (nanosPerSecond < 500) {
            return "0";
        }
        if (nanosPerSecond < 1_000_000) {
            return Math.round(nanosPerSecond / 1_000) + "us";
        }
        if (nanosPerSecond < 1_000_000_000) {
            return Math.round(nanosPerSecond / 1_000_000) + "ms";
        }
        return twoDecimals(nanosPerSecond / 1e9) + "s";
    }
}
