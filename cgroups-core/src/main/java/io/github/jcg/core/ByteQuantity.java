package io.github.jcg.core;

/**
 * Byte counts as the kernel's {@code memparse()} reads them: digits with an optional
 * binary suffix K, M, G, T, P or E (either case). {@code 512M} is 512 × 2^20.
 */
public final class ByteQuantity {
    private ByteQuantity() {
    }

    /** Parses a kernel-style quantity; throws {@link InvalidValueException} naming the setting. */
    public static long parse(String setting, String text) {
        return parse(setting, text, "");
    }

    private static long parse(String setting, String text, String orNoLimit) {
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
        if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9') || t.length() > 19) {
            throw new InvalidValueException(setting, "'" + text + "'", expected);
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

    /**
     * A {@link Limit} in bytes as a control file of {@code version} spells it: v1 writes no
     * limit as {@code -1}, v2 as {@code max} (lower case; the kernel takes nothing else).
     */
    public static Limit parseLimit(String setting, String text, CgroupVersion version) {
        String t = text.strip();
        String noLimit = version == CgroupVersion.V1 ? "-1" : "max";
        if (t.equals(noLimit)) {
            return Limit.unlimited();
        }
        return Limit.of(parse(setting, text, ", or " + noLimit + " for no limit"));
    }
}
