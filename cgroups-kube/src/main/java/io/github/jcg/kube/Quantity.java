package io.github.jcg.kube;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity, as apimachinery's {@code resource.Quantity}: {@code 500m},
 * {@code 1.5}, {@code 128Mi}, {@code 1G}, {@code 12e6}.
 *
 * <p>The grammar is the API's: a signed decimal number, then one suffix — a binary SI one
 * ({@code Ki Mi Gi Ti Pi Ei}, powers of 1024), a decimal SI one ({@code n u m k M G T P E},
 * powers of 1000, none for 1), or a decimal exponent ({@code e3}, {@code E-2}). Precision finer
 * than 1n is rounded up to 1n, as the API server does.
 *
 * <p>{@link #milliValue()} and {@link #value()} round up ({@code 0.1m} of CPU is 1m; half a byte
 * is one byte), as {@code MilliValue()} and {@code Value()} do. {@link #toString()} is the
 * canonical form the API server writes back: the format of the suffix it was given (binary SI
 * falls back to decimal SI below 1024 or where it would round), the exponent a multiple of three,
 * the mantissa the shortest integer: {@code 1.5} prints as {@code 1500m}, {@code 1536Mi} stays,
 * {@code 1.5Gi} prints as {@code 1536Mi}, {@code 1500000} as {@code 1500k}.
 *
 * <p>Immutable; {@link #equals} compares amounts, not spellings ({@code 1Ki} equals {@code 1024}).
 */
public final class Quantity implements Comparable<Quantity> {

    /** How a quantity is written back: the family of the suffix it was parsed with. */
    public enum Format {
        /** Powers of 1024: {@code Ki Mi Gi Ti Pi Ei}. */
        BINARY_SI,
        /** Powers of 1000: {@code n u m k M G T P E}, or none. */
        DECIMAL_SI,
        /** {@code e} or {@code E} and a signed power of ten. */
        DECIMAL_EXPONENT
    }

    /** apimachinery's own words for a string that is not a quantity. */
    static final String FORMAT_RULE =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    private static final Pattern SHAPE =
            Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(.*)");
    private static final int NANO_SCALE = 9;

    /** Zero, written {@code 0}. */
    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI);

    private final BigDecimal amount;
    private final Format format;

    private Quantity(BigDecimal amount, Format format) {
        this.amount = amount;
        this.format = format;
    }

    /**
     * Parses a quantity.
     *
     * @param text as in a manifest: {@code 250m}, {@code 1}, {@code 64Mi}, {@code 1e9}
     * @return the quantity
     * @throws IllegalArgumentException when the text is not a quantity; the message quotes it and
     *                                  gives the API's rule
     */
    public static Quantity parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.trim();
        Matcher m = SHAPE.matcher(s);
        if (s.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("invalid quantity '" + text + "': " + FORMAT_RULE);
        }
        BigDecimal number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
        String suffix = m.group(2);
        BigDecimal multiplier;
        Format format;
        switch (suffix) {
            case "Ki": multiplier = pow1024(1); format = Format.BINARY_SI; break;
            case "Mi": multiplier = pow1024(2); format = Format.BINARY_SI; break;
            case "Gi": multiplier = pow1024(3); format = Format.BINARY_SI; break;
            case "Ti": multiplier = pow1024(4); format = Format.BINARY_SI; break;
            case "Pi": multiplier = pow1024(5); format = Format.BINARY_SI; break;
            case "Ei": multiplier = pow1024(6); format = Format.BINARY_SI; break;
            case "n": multiplier = BigDecimal.ONE.scaleByPowerOfTen(-9); format = Format.DECIMAL_SI; break;
            case "u": multiplier = BigDecimal.ONE.scaleByPowerOfTen(-6); format = Format.DECIMAL_SI; break;
            case "m": multiplier = BigDecimal.ONE.scaleByPowerOfTen(-3); format = Format.DECIMAL_SI; break;
            case "": multiplier = BigDecimal.ONE; format = Format.DECIMAL_SI; break;
            case "k": multiplier = BigDecimal.ONE.scaleByPowerOfTen(3); format = Format.DECIMAL_SI; break;
            case "M": multiplier = BigDecimal.ONE.scaleByPowerOfTen(6); format = Format.DECIMAL_SI; break;
            case "G": multiplier = BigDecimal.ONE.scaleByPowerOfTen(9); format = Format.DECIMAL_SI; break;
            case "T": multiplier = BigDecimal.ONE.scaleByPowerOfTen(12); format = Format.DECIMAL_SI; break;
            case "P": multiplier = BigDecimal.ONE.scaleByPowerOfTen(15); format = Format.DECIMAL_SI; break;
            case "E": multiplier = BigDecimal.ONE.scaleByPowerOfTen(18); format = Format.DECIMAL_SI; break;
            default:
                if (suffix.matches("[eE][+-]?[0-9]+")) {
                    int exponent;
                    try {
                        exponent = Integer.parseInt(suffix.substring(1).replace("+", ""));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("invalid quantity '" + text + "': exponent out of range");
                    }
                    if (Math.abs(exponent) > 1000) {
                        throw new IllegalArgumentException("invalid quantity '" + text + "': exponent out of range");
                    }
                    multiplier = BigDecimal.ONE.scaleByPowerOfTen(exponent);
                    format = Format.DECIMAL_EXPONENT;
                } else {
                    throw new IllegalArgumentException("invalid quantity '" + text + "': unknown suffix '"
                            + suffix + "'; " + FORMAT_RULE);
                }
        }
        return new Quantity(roundToNano(number.multiply(multiplier)), format);
    }

    /**
     * A CPU amount in millicores, written as the API server would write it ({@code 250m},
     * {@code 1}).
     *
     * @param milli millicores
     * @return the quantity
     */
    public static Quantity ofMilli(long milli) {
        return new Quantity(BigDecimal.valueOf(milli, 3), Format.DECIMAL_SI);
    }

    /**
     * A whole amount (bytes, pods, cores) in decimal SI.
     *
     * @param value the amount
     * @return the quantity
     */
    public static Quantity of(long value) {
        return new Quantity(BigDecimal.valueOf(value), Format.DECIMAL_SI);
    }

    /**
     * A byte amount written in binary SI where it divides evenly ({@code 1Gi}), as the kubelet
     * reports memory.
     *
     * @param bytes the amount
     * @return the quantity
     */
    public static Quantity ofBytes(long bytes) {
        return new Quantity(BigDecimal.valueOf(bytes), Format.BINARY_SI);
    }

    /** @return the format the canonical form is written in */
    public Format format() {
        return format;
    }

    /** @return the exact amount, at most nine decimal places */
    public BigDecimal amount() {
        return amount;
    }

    /** @return the amount in thousandths, rounded up (away from zero), as {@code MilliValue()} */
    public long milliValue() {
        return amount.scaleByPowerOfTen(3).setScale(0, RoundingMode.UP).longValueExact();
    }

    /** @return the amount rounded up (away from zero) to a whole number, as {@code Value()} */
    public long value() {
        return amount.setScale(0, RoundingMode.UP).longValueExact();
    }

    /** @return whether the amount is zero */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** @return -1, 0 or 1 as the amount is negative, zero or positive */
    public int signum() {
        return amount.signum();
    }

    /**
     * @param other another quantity
     * @return the sum, in this quantity's format (a zero's format yields to the other's)
     */
    public Quantity add(Quantity other) {
        return new Quantity(amount.add(other.amount), isZero() ? other.format : format);
    }

    /**
     * @param other another quantity
     * @return the difference, in this quantity's format
     */
    public Quantity subtract(Quantity other) {
        return new Quantity(amount.subtract(other.amount), isZero() ? other.format : format);
    }

    /**
     * @param other another quantity
     * @return the larger of the two (this one on a tie)
     */
    public Quantity max(Quantity other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(Quantity o) {
        return amount.compareTo(o.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && amount.compareTo(q.amount) == 0;
    }

    @Override
    public int hashCode() {
        return amount.stripTrailingZeros().hashCode();
    }

    /** @return the canonical form, as the API server writes the quantity back */
    @Override
    public String toString() {
        if (amount.signum() == 0) {
            return "0";
        }
        Format f = format;
        if (f == Format.BINARY_SI) {
            boolean whole = amount.stripTrailingZeros().scale() <= 0;
            if (amount.abs().compareTo(BigDecimal.valueOf(1024)) < 0 || !whole) {
                f = Format.DECIMAL_SI;
            }
        }
        if (f == Format.BINARY_SI) {
            BigInteger mantissa = amount.toBigIntegerExact();
            BigInteger k = BigInteger.valueOf(1024);
            int power = 0;
            while (power < 6 && mantissa.mod(k).signum() == 0) {
                mantissa = mantissa.divide(k);
                power++;
            }
            String[] suffixes = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
            return mantissa + suffixes[power];
        }
        // decimal: strip every factor of ten, then bring the exponent down to a multiple of three
        BigDecimal stripped = amount.stripTrailingZeros();
        BigInteger mantissa = stripped.unscaledValue();
        int exponent = -stripped.scale();
        int down = Math.floorMod(exponent, 3);
        mantissa = mantissa.multiply(BigInteger.TEN.pow(down));
        exponent -= down;
        return mantissa + suffix(exponent, f);
    }

    private static String suffix(int exponent, Format f) {
        if (f == Format.DECIMAL_EXPONENT) {
            return exponent == 0 ? "" : "e" + exponent;
        }
        switch (exponent) {
            case -9: return "n";
            case -6: return "u";
            case -3: return "m";
            case 0: return "";
            case 3: return "k";
            case 6: return "M";
            case 9: return "G";
            case 12: return "T";
            case 15: return "P";
            case 18: return "E";
            default: return "e" + exponent;
        }
    }

    private static BigDecimal pow1024(int n) {
        return new BigDecimal(BigInteger.valueOf(1024).pow(n));
    }

    private static BigDecimal roundToNano(BigDecimal v) {
        return v.scale() > NANO_SCALE ? v.setScale(NANO_SCALE, RoundingMode.UP) : v;
    }
}
