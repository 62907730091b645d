package io.github.jcg.core.internal.controller;

import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.limit.KernelRanges;

/**
 * The small checks that raw control-file values share, for the modules' {@link ControllerModule#check}
 * and the core's checks of {@code cgroup.*} files: a number, one of a few words, a range.
 * Each refusal is an {@link InvalidValueException} that names the file and what it takes.
 */
public final class RawValues {
    private RawValues() {
    }

    /** The value as a number, or a refusal that says what {@code file} takes instead. */
    public static long number(String file, String value, String expected) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(file, "'" + value + "'", "must be " + expected);
        }
    }

    /** Refuses a value that is none of {@code allowed}. */
    public static void oneOf(String file, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return;
            }
        }
        throw new InvalidValueException(file, "'" + value + "'", "must be " + String.join(" or ", allowed));
    }

    /** Refuses a number outside {@code min..max}; {@code unit} follows the range in the message. */
    public static void range(String setting, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new InvalidValueException(setting, Long.toString(value), "must be from " + min + " to " + max + unit);
        }
    }

    /** Refuses a CFS period outside the kernel's 1 ms to 1 s. */
    public static void period(String setting, long period) {
        range(setting, period, KernelRanges.MIN_CFS_MICROS, KernelRanges.MAX_CFS_PERIOD_MICROS, " µs");
    }
}
