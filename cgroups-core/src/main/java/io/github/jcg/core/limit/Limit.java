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

    /**
     * A bounded limit. Negative values are refused: "no limit" is {@link #unlimited()}.
     *
     * @param value the bound, 0 or more, in the setting's unit (bytes, µs, tasks …)
     * @return the limit
     * @throws IllegalArgumentException when {@code value} is negative
     */
    public static Limit of(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a limit cannot be negative (got " + value + "); use Limit.unlimited() for no limit");
        }
        return new Limit(true, value);
    }

    /**
     * No limit: written as {@code max} on v2, and on v1 as {@code -1} (a blkio throttle as 0,
     * which removes the rule).
     *
     * @return the one unlimited instance
     */
    public static Limit unlimited() {
        return UNLIMITED;
    }

    /**
     * Whether this is "no limit".
     *
     * @return true for {@link #unlimited()}; {@link #value()} then throws
     */
    public boolean isUnlimited() {
        return !bounded;
    }

    /**
     * The bound; throws when there is none, so "unlimited" never leaks out as a number.
     *
     * @return the bound, 0 or more
     * @throws IllegalStateException when the limit is {@link #unlimited()}
     */
    public long value() {
        if (!bounded) {
            throw new IllegalStateException("no limit is set");
        }
        return value;
    }

    /**
     * The bound, for callers that treat "no limit" as absent.
     *
     * @return the bound; empty when unlimited
     */
    public OptionalLong asOptional() {
        return bounded ? OptionalLong.of(value) : OptionalLong.empty();
    }

    /**
     * The v2 spelling: the number, or {@code max}.
     *
     * @return the decimal bound, or {@code max} when unlimited
     */
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
