package io.github.jcg.core;

import java.util.Locale;

/**
 * Byte counts as the kernel's {@code memparse()} reads them: digits with an optional
 * binary suffix K, M, G, T, P or E (either case). {@code 512M} is 512 × 2^20.
 */
public final class ByteQuantity {
    private ByteQuantity() {
    }

    /** Parses a kernel-style quantity; throws {@link InvalidValueException} naming the setting. */
    public static long parse(String setting, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new InvalidValueException(setting, "''", "needs a number of bytes (e.g. 268435456 or 256M) or max");
        }
        int shift = 0;
        char last = Character.toUpperCase(t.charAt(t.length() - 1));
        int suffix = "KMGTPE".indexOf(last);
        if (suffix >= 0) {
            shift = 10 * (suffix + 1);
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || !t.chars().allMatch(Character::isDigit) || t.length() > 19) {
            throw new InvalidValueException(setting, "'" + text + "'",
                    "must be a number of bytes with an optional K, M, G or T suffix (e.g. 256M), or max");
        }
        long base;
        try {
            base = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(setting, "'" + text + "'", "is larger than " + Long.MAX_VALUE + " bytes");
        }
        if (shift > 0 && base > (Long.MAX_VALUE >> shift)) {
            throw new InvalidValueException(setting, "'" + text + "'", "is larger than " + Long.MAX_VALUE + " bytes");
        }
        return base << shift;
    }

    /** A {@link Limit} in bytes: {@code max} (and v1's {@code -1}) is no limit. */
    public static Limit parseLimit(String setting, String text, boolean allowMinusOne) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("max") || (allowMinusOne && t.equals("-1"))) {
            return Limit.unlimited();
        }
        return Limit.of(parse(setting, text));
    }
}
