package io.github.jcg.kube;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A Kubernetes resource quantity, as apimachinery's {@code resource.Quantity}: {@code 500m},
 * {@code 1.5}, {@code 128Mi}, {@code 1G}, {@code 12e6}.
 *
 * <p>The grammar is the API's: an optional sign, a decimal number ({@code 1}, {@code 1.5},
 * {@code .5}, {@code 1.}), then one suffix — a binary SI one ({@code Ki Mi Gi Ti Pi Ei}, powers of
 * 1024), a decimal SI one ({@code n u m k M G T P E}, powers of 1000, none for 1), or a decimal
 * exponent ({@code e3}, {@code E-2}, {@code e+6}). No white space is allowed (a manifest's value is
 * trimmed before it gets here, as the API's JSON decoder does). apimachinery's scanner is more
 * lenient than its own error message says, and this one follows the scanner: a missing number
 * counts as zero, so {@code Ki}, {@code m}, {@code .} and {@code -} all parse as 0.
 *
 * <p>Precision finer than 1n is rounded up (away from zero) to the next nano, so that asking for a
 * little of a resource never yields none. A binary SI amount above 2<sup>63</sup>-1 is capped
 * there, and a binary SI amount strictly between -1 and 1 switches to decimal SI, as the API
 * does.
 *
 * <p>{@link #milliValue()} and {@link #value()} round up, away from zero ({@code 0.1m} of CPU is
 * 1m; half a byte is one byte), as {@code MilliValue()} and {@code Value()} do.
 *
 * <p>{@link #toString()} is what the API server writes back. In general that is the canonical
 * form: the format of the suffix it was given (binary SI falls back to decimal SI between -1024 and
 * 1024 or where it is not a whole number), the exponent a multiple of three, the mantissa an
 * integer without trailing thousands: {@code 1.5} prints as {@code 1500m}, {@code 1.5Gi} as
 * {@code 1536Mi}, {@code 1.5Ki} as {@code 1536}, {@code 1500000} as {@code 1500k}, {@code 1e3} as
 * {@code 1e3}. But like apimachinery, a text that its fast path takes for canonical is echoed
 * verbatim, and that test is looser than canonical form: {@code +1}, {@code 1.500} and
 * {@code 1E3} print as written. Two corner cases differ from apimachinery on purpose, where its
 * output loses the amount: a decimal SI amount of 1000E or more prints with the {@code E} suffix
 * ({@code 1000E}, where apimachinery drops the suffix), and a binary SI amount of 1024Ei or more
 * prints in {@code Ei}. An exponent outside -1000..1000 is refused (apimachinery truncates it to
 * 32 bits).
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

    /** apimachinery's words ({@code ErrFormatWrong}) for a text that does not scan as a quantity. */
    static final String FORMAT_RULE =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    /** apimachinery's words ({@code ErrSuffix}) for a suffix that scans but means nothing. */
    static final String SUFFIX_RULE = "unable to parse quantity's suffix";
    /** What to write instead, after {@link #SUFFIX_RULE}. */
    private static final String SUFFIX_HINT =
            " (use Ki Mi Gi Ti Pi Ei, n u m k M G T P E, or e and an exponent)";

    /** The letters apimachinery's scanner takes into a suffix before an exponent's sign and digits. */
    private static final String SUFFIX_LETTERS = "eEinumkKMGTP";
    private static final int NANO_SCALE = 9;
    private static final int MAX_EXPONENT = 1000;
    /** The digits of an int64, less one: apimachinery's {@code maxInt64Factors}. */
    private static final int MAX_INT64_FACTORS = 18;
    private static final BigDecimal MAX_BINARY = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

    /** Zero, written {@code 0}. */
    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI, "0");

    private final BigDecimal amount;
    private final Format format;
    /** The text as given, when apimachinery would write it back verbatim; else null. */
    private final String echoed;

    private Quantity(BigDecimal amount, Format format) {
        this(amount, format, null);
    }

    private Quantity(BigDecimal amount, Format format, String echoed) {
        this.amount = amount;
        this.format = format;
        this.echoed = echoed;
    }

    /**
     * Parses a quantity, as {@code resource.ParseQuantity}.
     *
     * @param text as in a manifest: {@code 250m}, {@code 1}, {@code 64Mi}, {@code 1e9}; no white
     *             space
     * @return the quantity
     * @throws IllegalArgumentException when the text is not a quantity; the message is one line
     *                                  that quotes it and gives apimachinery's reason
     */
    public static Quantity parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw invalid(text, FORMAT_RULE);
        }
        if (text.equals("0")) {
            return ZERO;
        }
        Scan scan = Scan.of(text);
        Suffix suffix = Suffix.of(text, scan.suffix);

        BigDecimal magnitude = new BigDecimal(new BigInteger(scan.num + scan.denom), scan.denom.length());
        if (suffix.base == 10) {
            magnitude = magnitude.scaleByPowerOfTen(suffix.exponent);
        } else {
            magnitude = magnitude.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(suffix.exponent)));
        }
        if (magnitude.signum() != 0 && magnitude.scale() > NANO_SCALE) {
            // asking for a sliver of a resource gets the smallest amount, never nothing
            magnitude = magnitude.setScale(NANO_SCALE, RoundingMode.UP);
        }
        Format format = suffix.format;
        if (format == Format.BINARY_SI && magnitude.compareTo(MAX_BINARY) > 0) {
            magnitude = MAX_BINARY;
        }
        if (format == Format.BINARY_SI && magnitude.signum() > 0 && magnitude.compareTo(BigDecimal.ONE) < 0) {
            format = Format.DECIMAL_SI;
        }
        BigDecimal amount = scan.positive ? magnitude : magnitude.negate();
        return new Quantity(amount, format, echoesVerbatim(scan, suffix) ? text : null);
    }

    /**
     * Whether apimachinery's fast path would keep the text as the quantity's string: it parsed
     * into an int64 at a scale of at least nano, and a cheap test says it looks canonical.
     */
    private static boolean echoesVerbatim(Scan scan, Suffix suffix) {
        String shifted = scan.num + scan.denom;
        if (suffix.format == Format.BINARY_SI) {
            if (!scan.denom.isEmpty()) {
                return false;
            }
            int precision = 15 - scan.num.length() - suffix.exponent * 3 / 10 - 1;
            if (precision < 0) {
                return false;
            }
            long value = Long.parseLong(shifted);
            try {
                Math.multiplyExact(value, 1L << suffix.exponent);
            } catch (ArithmeticException overflow) {
                return false;
            }
            return suffix.exponent % 10 == 0 && (value & 0x07) != 0;
        }
        int precision = MAX_INT64_FACTORS - shifted.length();
        int scale = suffix.exponent - scan.denom.length();
        return precision >= 0 && scale >= -NANO_SCALE
                && scale % 3 == 0 && !shifted.endsWith("000") && shifted.charAt(0) != '0';
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("invalid quantity '" + text + "': " + reason);
    }

    /** The parts of a quantity's text, as apimachinery's scanner splits it. */
    private static final class Scan {
        boolean positive = true;
        /** The integer digits, leading zeros stripped; {@code 0} when there are none. */
        String num;
        /** The digits after the point, possibly none. */
        String denom = "";
        String suffix = "";

        static Scan of(String text) {
            Scan scan = new Scan();
            int end = text.length();
            int pos = 0;
            if (text.charAt(0) == '-') {
                scan.positive = false;
                pos++;
            } else if (text.charAt(0) == '+') {
                pos++;
            }
            while (pos < end && text.charAt(pos) == '0') {
                pos++;
            }
            int numStart = pos;
            pos = skipDigits(text, pos);
            scan.num = pos == numStart ? "0" : text.substring(numStart, pos);
            if (pos < end && text.charAt(pos) == '.') {
                int denomStart = ++pos;
                pos = skipDigits(text, pos);
                scan.denom = text.substring(denomStart, pos);
            }
            int suffixStart = pos;
            while (pos < end && SUFFIX_LETTERS.indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            if (pos < end && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
                pos++;
            }
            pos = skipDigits(text, pos);
            if (pos < end) {
                throw invalid(text, FORMAT_RULE);
            }
            scan.suffix = text.substring(suffixStart);
            return scan;
        }

        private static int skipDigits(String text, int pos) {
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            return pos;
        }
    }

    /** A suffix's meaning: amount = number × base<sup>exponent</sup>. */
    private record Suffix(int base, int exponent, Format format) {

        static Suffix of(String text, String suffix) {
            switch (suffix) {
                case "": return new Suffix(10, 0, Format.DECIMAL_SI);
                case "n": return new Suffix(10, -9, Format.DECIMAL_SI);
                case "u": return new Suffix(10, -6, Format.DECIMAL_SI);
                case "m": return new Suffix(10, -3, Format.DECIMAL_SI);
                case "k": return new Suffix(10, 3, Format.DECIMAL_SI);
                case "M": return new Suffix(10, 6, Format.DECIMAL_SI);
                case "G": return new Suffix(10, 9, Format.DECIMAL_SI);
                case "T": return new Suffix(10, 12, Format.DECIMAL_SI);
                case "P": return new Suffix(10, 15, Format.DECIMAL_SI);
                case "E": return new Suffix(10, 18, Format.DECIMAL_SI);
                case "Ki": return new Suffix(2, 10, Format.BINARY_SI);
                case "Mi": return new Suffix(2, 20, Format.BINARY_SI);
                case "Gi": return new Suffix(2, 30, Format.BINARY_SI);
                case "Ti": return new Suffix(2, 40, Format.BINARY_SI);
                case "Pi": return new Suffix(2, 50, Format.BINARY_SI);
                case "Ei": return new Suffix(2, 60, Format.BINARY_SI);
                default:
                    break;
            }
            char first = suffix.charAt(0);
            if (suffix.length() < 2 || (first != 'e' && first != 'E')) {
                throw invalid(text, SUFFIX_RULE + SUFFIX_HINT);
            }
            long exponent;
            try {
                exponent = Long.parseLong(suffix.substring(1));
            } catch (NumberFormatException e) {
                throw invalid(text, SUFFIX_RULE + SUFFIX_HINT);
            }
            if (Math.abs(exponent) > MAX_EXPONENT) {
                throw invalid(text, "exponent out of range: jcg reads exponents from -" + MAX_EXPONENT
                        + " to " + MAX_EXPONENT);
            }
            return new Suffix(10, (int) exponent, Format.DECIMAL_EXPONENT);
        }
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

    /**
     * @return the amount in thousandths, rounded up (away from zero), as {@code MilliValue()}
     * @throws ArithmeticException when that does not fit a long (apimachinery's overflows silently)
     */
    public long milliValue() {
        return amount.scaleByPowerOfTen(3).setScale(0, RoundingMode.UP).longValueExact();
    }

    /**
     * @return the amount rounded up (away from zero) to a whole number, as {@code Value()}
     * @throws ArithmeticException when that does not fit a long (apimachinery's overflows silently)
     */
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

    /**
     * @return the text the API server writes back: the text as parsed where apimachinery keeps it
     *         verbatim, else the canonical form (see the class comment)
     */
    @Override
    public String toString() {
        return echoed != null ? echoed : canonical();
    }

    private String canonical() {
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
            while (power < BINARY_SUFFIXES.length - 1 && mantissa.mod(k).signum() == 0) {
                mantissa = mantissa.divide(k);
                power++;
            }
            return mantissa + BINARY_SUFFIXES[power];
        }
        // decimal: move every factor of ten into the exponent, then bring the exponent down to a
        // multiple of three (and, in decimal SI, to at most E's 18)
        BigDecimal stripped = amount.stripTrailingZeros();
        BigInteger mantissa = stripped.unscaledValue();
        int exponent = -stripped.scale();
        int down = Math.floorMod(exponent, 3);
        if (f == Format.DECIMAL_SI && exponent - down > 18) {
            down = exponent - 18;
        }
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
            default: throw new IllegalStateException("no decimal SI suffix for 1e" + exponent);
        }
    }
}
