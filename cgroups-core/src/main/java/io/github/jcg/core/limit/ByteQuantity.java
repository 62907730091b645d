package io.github.jcg.core.limit;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.InvalidValueException;

import java.math.BigInteger;

/**
 * Byte counts as the kernel's {@code memparse()} reads them: digits with an optional
 * binary suffix K, M, G, T, P or E (either case). {@code 512M} is 512 × 2^20.
 *
 * <h2>Range</h2>
 * The kernel's memory files ({@code memory.limit_in_bytes}, {@code memory.soft_limit_in_bytes},
 * {@code memory.memsw.limit_in_bytes}, {@code memory.max} and the other v2 memory limits)
 * read an unsigned 64-bit number, so they take anything up to 2^64 − 1
 * ({@link KernelRanges#MAX_MEMORY_BYTES}); a larger one would silently wrap around in the
 * kernel's parser, and is refused here. The kernel then rounds down to whole pages and clamps
 * at {@code PAGE_COUNTER_MAX} pages, which reads back as "no limit"
 * ({@link KernelRanges#V1_MEMORY_UNLIMITED} on v1, {@code max} on v2). Every value above
 * 2^63 − 1 is at or above that clamp on any page size, so {@link #parseLimit} and
 * {@link #memoryLimit} turn it into {@link Limit#unlimited()}: a {@link Limit} stays a
 * {@code long} and never holds a number the kernel would not keep. A raw write
 * ({@code cgset -r memory.limit_in_bytes=18446744073709551615}) is only checked against this
 * range; the text goes to the kernel as it was given.
 */
public final class ByteQuantity {
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger U64_MAX = new BigInteger(KernelRanges.MAX_MEMORY_BYTES);

    private ByteQuantity() {
    }

    /**
     * Parses a kernel-style quantity that must fit a {@code long} (up to 2^63 − 1); throws
     * {@link InvalidValueException} naming the setting. For the memory limits, whose range is
     * the kernel's unsigned one, use {@link #parseLimit}.
     *
     * @param setting the setting's name, for the message (e.g. {@code memory.max})
     * @param text    digits with an optional suffix; surrounding whitespace is ignored
     * @return the number of bytes
     * @throws InvalidValueException when the text is not a quantity, or is above 2^63 − 1 bytes
     */
    public static long parse(String setting, String text) {
        BigInteger bytes = parseUnsigned(setting, text, "");
        if (bytes.compareTo(LONG_MAX) > 0) {
            throw new InvalidValueException(setting, "'" + text + "'", "is larger than " + Long.MAX_VALUE + " bytes");
        }
        return bytes.longValue();
    }

    private static BigInteger parseUnsigned(String setting, String text, String orNoLimit) {
        String t = text.strip();
        String expected = "must be a number of bytes with an optional K, M, G or T suffix (e.g. 256M)" + orNoLimit;
        if (t.isEmpty()) {
            throw new InvalidValueException(setting, "''", expected);
        }
        int shift = 0;
        char last = Character.toUpperCase(t.charAt(t.length() - 1));
        int suffix = "KMGTPE".indexOf(last);
        if (suffix >= 0) {
            shift = 10 * (suffix + 1);
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException(setting, "'" + text + "'", expected);
        }
        // 2^64 − 1 has 20 digits: a longer number (leading zeros aside) is out of range whatever it says
        String digits = t.replaceFirst("^0+(?=.)", "");
        BigInteger bytes = digits.length() > 20 ? U64_MAX.add(BigInteger.ONE) : new BigInteger(digits).shiftLeft(shift);
        if (bytes.compareTo(U64_MAX) > 0) {
            throw new InvalidValueException(setting, "'" + text + "'", "is larger than " + U64_MAX
                    + " bytes, the most the kernel reads (a larger number would wrap around to a small limit)");
        }
        return bytes;
    }

    /**
     * A memory limit as a control file of {@code version} spells it: v1 writes no limit as
     * {@code -1}, v2 as {@code max} (lower case; the kernel takes nothing else). Any number
     * from 0 to 2^64 − 1 is taken, as the kernel takes it; above 2^63 − 1 it is
     * {@link Limit#unlimited()} (see the class comment).
     *
     * @param setting the setting's name, for the message (e.g. {@code memory.limit_in_bytes})
     * @param text    a quantity such as {@code 512M}, or the version's "no limit"; surrounding
     *                whitespace is ignored
     * @param version whose spelling of "no limit" is accepted: {@code -1} for v1, {@code max} for v2
     * @return the limit in bytes, or {@link Limit#unlimited()}
     * @throws InvalidValueException when the text is neither, or is above 2^64 − 1 bytes
     */
    public static Limit parseLimit(String setting, String text, CgroupVersion version) {
        String t = text.strip();
        String noLimit = version == CgroupVersion.V1 ? "-1" : "max";
        if (t.equals(noLimit)) {
            return Limit.unlimited();
        }
        return memoryLimit(setting, parseUnsigned(setting, text, ", or " + noLimit + " for no limit"));
    }

    /**
     * A byte count for a memory limit, in the kernel's range 0 to 2^64 − 1: the number itself
     * up to 2^63 − 1, {@link Limit#unlimited()} above (the kernel clamps it to no limit).
     * Throws {@link InvalidValueException} for a negative count or one above 2^64 − 1.
     *
     * @param setting the setting's name, for the message
     * @param bytes   the byte count
     * @return {@link Limit#of(long)} of the count, or {@link Limit#unlimited()} above 2^63 − 1
     * @throws InvalidValueException when the count is negative or above 2^64 − 1
     */
    public static Limit memoryLimit(String setting, BigInteger bytes) {
        if (bytes.signum() < 0) {
            throw new InvalidValueException(setting, bytes.toString(), "must not be negative");
        }
        if (bytes.compareTo(U64_MAX) > 0) {
            throw new InvalidValueException(setting, bytes.toString(), "is larger than " + U64_MAX
                    + " bytes, the most the kernel reads (a larger number would wrap around to a small limit)");
        }
        return bytes.compareTo(LONG_MAX) > 0 ? Limit.unlimited() : Limit.of(bytes.longValue());
    }
}
