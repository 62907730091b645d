package io.github.jcg.cli.options;

import io.github.jcg.core.limit.ByteQuantity;
import io.github.jcg.core.limit.KernelRanges;
import io.github.jcg.core.limit.Limit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts in the units people use, as Kubernetes writes them: CPUs in cores ({@code 1.5}),
 * millicores ({@code 500m}) or percent of one CPU ({@code 20%}); bytes with {@code K M G T P E}
 * (powers of 1000; {@code k} too) or {@code Ki Mi Gi Ti Pi Ei} (powers of 1024), or an exponent
 * ({@code 1e9}). {@code max} and {@code none} mean no limit. Note that {@code 256M} is
 * 256 000 000 bytes here, as in Kubernetes, not 256 MiB as in the kernel's own files.
 */
public final class Quantities {
    private static final Pattern NUMBER = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE]([+-]?[0-9]+))?(.*)");
    private static final Pattern PLAIN = Pattern.compile("[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Quantities() {
    }

    /**
     * A memory limit in bytes, or no limit. Refuses fractions of a byte. Takes the kernel's
     * range, 0 to 2^64 − 1: above 2^63 − 1 the kernel clamps to no limit, and so does this
     * ({@link ByteQuantity#memoryLimit}); above 2^64 − 1 it is refused, as the kernel would wrap it.
     */
    public static Limit bytes(String text) {
        if (isNoLimit(text)) {
            return Limit.unlimited();
        }
        BigInteger bytes = wholeInteger(text, decimal(text, true), "bytes");
        if (bytes.compareTo(new BigInteger(KernelRanges.MAX_MEMORY_BYTES)) > 0) {
            throw invalid(text, "is larger than " + KernelRanges.MAX_MEMORY_BYTES + " bytes, the most the kernel reads");
        }
        return ByteQuantity.memoryLimit("bytes", bytes);
    }

    /** A count (processes) or no limit: a whole number, decimal suffixes allowed ({@code 1k}). */
    public static Limit count(String text) {
        if (isNoLimit(text)) {
            return Limit.unlimited();
        }
        BigDecimal value = decimal(text, false);
        return Limit.of(whole(text, value, "a count"));
    }

    /**
     * CPUs in millicores, or empty for no limit. {@code 1.5} is 1500, {@code 500m} is 500,
     * {@code 20%} is 200 (a fifth of one CPU). Finer than one millicore is refused, as in Kubernetes.
     */
    public static OptionalLong milliCpus(String text) {
        if (isNoLimit(text)) {
            return OptionalLong.empty();
        }
        String t = text.strip();
        BigDecimal millis;
        if (t.endsWith("%")) {
            millis = plainNumber(text, t.substring(0, t.length() - 1)).multiply(BigDecimal.TEN);
        } else if (t.endsWith("m")) {
            millis = plainNumber(text, t.substring(0, t.length() - 1));
        } else {
            millis = plainNumber(text, t).multiply(THOUSAND);
        }
        if (millis.signum() <= 0) {
            throw invalid(text, "must be more than 0 CPUs (e.g. 500m, 1.5 or 20%), or max for no limit");
        }
        if (millis.stripTrailingZeros().scale() > 0) {
            throw invalid(text, "is finer than one millicore (0.001 CPU); round it, e.g. 1.234 or 1234m");
        }
        return OptionalLong.of(whole(text, millis, "millicores"));
    }

    private static boolean isNoLimit(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.equals("max") || t.equals("none");
    }

    private static BigDecimal plainNumber(String text, String digits) {
        String d = digits.strip();
        if (!PLAIN.matcher(d).matches()) {
            throw invalid(text, "is not a CPU amount; write cores (1.5), millicores (500m) or percent of one CPU (20%)");
        }
        return new BigDecimal(d);
    }

    private static BigDecimal decimal(String text, boolean binarySuffixes) {
        Matcher m = NUMBER.matcher(text.strip());
        if (!m.matches()) {
            throw invalid(text, expected(binarySuffixes));
        }
        BigDecimal value = new BigDecimal(m.group(1));
        if (m.group(2) != null) {
            int exponent = Integer.parseInt(m.group(2));
            if (Math.abs(exponent) > 30) {
                throw invalid(text, "has an exponent out of range");
            }
            value = value.scaleByPowerOfTen(exponent);
        }
        return value.multiply(multiplier(text, m.group(3), binarySuffixes));
    }

    private static BigDecimal multiplier(String text, String suffix, boolean binarySuffixes) {
        return switch (suffix) {
            case "" -> BigDecimal.ONE;
            case "k", "K" -> BigDecimal.TEN.pow(3);
            case "M" -> BigDecimal.TEN.pow(6);
            case "G" -> BigDecimal.TEN.pow(9);
            case "T" -> BigDecimal.TEN.pow(12);
            case "P" -> BigDecimal.TEN.pow(15);
            case "E" -> BigDecimal.TEN.pow(18);
            case "Ki", "Mi", "Gi", "Ti", "Pi", "Ei" -> {
                if (!binarySuffixes) {
                    throw invalid(text, expected(false));
                }
                yield new BigDecimal(BigInteger.ONE.shiftLeft(10 * (1 + "KMGTPE".indexOf(suffix.charAt(0)))));
            }
            default -> throw invalid(text, expected(binarySuffixes));
        };
    }

    private static String expected(boolean binarySuffixes) {
        return binarySuffixes
                ? "is not a byte quantity; write e.g. 256Mi or 1.5Gi (powers of 1024), 500M or 2G (powers of 1000), or max"
                : "is not a count; write a whole number such as 100 (or 2k), or max";
    }

    private static BigInteger wholeInteger(String text, BigDecimal value, String what) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw invalid(text, "is not a whole number of " + what + " (" + value.toPlainString() + ")");
        }
        return stripped.toBigIntegerExact();
    }

    private static long whole(String text, BigDecimal value, String what) {
        BigInteger integer = wholeInteger(text, value, what);
        if (integer.compareTo(LONG_MAX) > 0) {
            throw invalid(text, "is larger than " + Long.MAX_VALUE + " " + what);
        }
        return integer.longValueExact();
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("'" + text + "' " + why);
    }
}
