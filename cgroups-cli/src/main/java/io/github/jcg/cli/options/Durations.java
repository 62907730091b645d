package io.github.jcg.cli.options;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time limits as people write them: {@code 10s}, {@code 1.5s}, {@code 500ms}, {@code 2m}, {@code 1h}, or plain seconds. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)\\s*(ms|s|m|min|h)?");

    private Durations() {
    }

    /**
     * Parses a positive duration.
     *
     * @throws IllegalArgumentException naming what was wrong, for anything else (zero included)
     */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 30s, 1.5s, 500ms, 2m or 1h");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (unit) {
            case "ms" -> 1_000_000L;
            case "m", "min" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 1_000_000_000L;
        });
        BigDecimal nanos = amount.multiply(nanosPerUnit);
        if (nanos.signum() <= 0) {
            throw new IllegalArgumentException("'" + text + "' is zero; a time limit must be positive");
        }
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too long; at most 292 years");
        }
        return Duration.ofNanos(nanos.longValue());
    }
}
