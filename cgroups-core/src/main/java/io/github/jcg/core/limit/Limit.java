package io.github.jcg.core.limit;

import java.util.OptionalLong;

/**
 * A limit that is either a number or "no limit". The kernel spells no limit as {@code max}
 * (v2), {@code -1} (v1 writes) or a huge page-rounded number (v1 memory reads); jcg spells
 * it {@link #unlimited()}, so a reader never mistakes a sentinel for a value.
 */
public final class Limit {
    private static final Limit UNLIMITED = new Limit(false, 0);

    private final boolean bounded;
    private final long value;

    private Limit(boolean bounded, long value) {
        this.bounded = bounded;
        this.value = value;
    }

    /** A bounded limit. Negative values are refused: "no limit" is {@link #unlimited()}. */
    public static Limit of(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a limit cannot be negative (got " + value + "); use Limit.unlimited() for no limit");
        }
        return new Limit(true, value);
    }

    public static Limit unlimited() {
        return UNLIMITED;
    }

    public boolean isUnlimited() {
        return !bounded;
    }

    /** The bound; throws when there is none, so "unlimited" never leaks out as a number. */
    public long value() {
        if (!bounded) {
            throw new IllegalStateException("no limit is set");
        }
        return value;
    }

    public OptionalLong asOptional() {
        return bounded ? OptionalLong.of(value) : OptionalLong.empty();
    }

    /** The v2 spelling: the number, or {@code max}. */
    public String toV2String() {
        return bounded ? Long.toString(value) : "max";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Limit other && other.bounded == bounded && other.value == value;
    }

    @Override
    public int hashCode() {
        return bounded ? Long.hashCode(value) : -1;
    }

    @Override
    public String toString() {
        return toV2String();
    }
}
