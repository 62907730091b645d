package io.github.jcg.core.limit;

import io.github.jcg.core.InvalidValueException;

import java.util.BitSet;

/**
 * A set of CPU or memory-node numbers in the kernel's list syntax ({@code 0-3,5}), as
 * {@code cpuset.cpus} and {@code cpuset.mems} take it. Immutable.
 */
public final class CpuList {
    /** The kernel's NR_CPUS ceiling on common configurations; a larger number is a typo. */
    public static final int MAX_ID = 8191;

    private final BitSet ids;

    private CpuList(BitSet ids) {
        this.ids = ids;
    }

    /**
     * Parses list syntax. An empty (or blank) string is the empty set, as the kernel reads it.
     *
     * @param text comma-separated numbers and inclusive ranges, such as {@code 0-3,5}; whitespace
     *             around the whole is ignored, inside it is not
     * @return the set; overlapping items are merged
     * @throws InvalidValueException on an empty item, a range that runs backwards, something
     *                               other than digits, or a number above {@value #MAX_ID}
     */
    public static CpuList parse(String text) {
        BitSet ids = new BitSet();
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return new CpuList(ids);
        }
        for (String part : trimmed.split(",", -1)) {
            if (part.isEmpty()) {
                throw invalid(text, "has an empty item between commas");
            }
            int dash = part.indexOf('-');
            int from = parseId(text, dash < 0 ? part : part.substring(0, dash));
            int to = dash < 0 ? from : parseId(text, part.substring(dash + 1));
            if (to < from) {
                throw invalid(text, "has a range that runs backwards (" + part + ")");
            }
            ids.set(from, to + 1);
        }
        return new CpuList(ids);
    }

    /**
     * The set of the given numbers.
     *
     * @param ids CPU or memory-node numbers, in any order, repeats allowed; none for the empty set
     * @return the set
     * @throws InvalidValueException when a number is negative or above {@value #MAX_ID}
     */
    public static CpuList of(int... ids) {
        BitSet set = new BitSet();
        for (int id : ids) {
            if (id < 0 || id > MAX_ID) {
                throw new InvalidValueException("cpu list", Integer.toString(id), "must hold numbers from 0 to " + MAX_ID);
            }
            set.set(id);
        }
        return new CpuList(set);
    }

    private static int parseId(String text, String number) {
        if (number.isEmpty() || !number.chars().allMatch(Character::isDigit) || number.length() > 5) {
            throw invalid(text, "must be numbers and ranges like 0-3,5");
        }
        int id = Integer.parseInt(number);
        if (id > MAX_ID) {
            throw invalid(text, "must hold numbers from 0 to " + MAX_ID);
        }
        return id;
    }

    private static InvalidValueException invalid(String text, String why) {
        return new InvalidValueException("cpu list", "'" + text + "'", why);
    }

    /**
     * Whether the set holds no number. An empty {@code cpuset.cpus} or {@code cpuset.mems} on
     * v1 means no task can be attached to the group.
     *
     * @return true for the empty set
     */
    public boolean isEmpty() {
        return ids.isEmpty();
    }

    /**
     * Whether a number is in the set.
     *
     * @param id a CPU or memory-node number
     * @return true when it is in the set; false for a negative number, which no CPU has
     */
    public boolean contains(int id) {
        return id >= 0 && ids.get(id);
    }

    /**
     * How many numbers the set holds.
     *
     * @return the count: 5 for {@code 0-3,5}
     */
    public int size() {
        return ids.cardinality();
    }

    /**
     * Whether another set lies within this one, as a child's cpuset must lie within its parent's.
     *
     * @param other the possible subset
     * @return true when every number of {@code other} is in this set; true for an empty {@code other}
     */
    public boolean containsAll(CpuList other) {
        BitSet rest = (BitSet) other.ids.clone();
        rest.andNot(ids);
        return rest.isEmpty();
    }

    /**
     * The numbers in the set.
     *
     * @return a new array, ascending
     */
    public int[] toArray() {
        return ids.stream().toArray();
    }

    /** Canonical list syntax: ascending, ranges collapsed ({@code 0-3,5}); empty set is "". */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        int start = ids.nextSetBit(0);
        while (start >= 0) {
            int end = ids.nextClearBit(start) - 1;
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(start);
            if (end > start) {
                out.append('-').append(end);
            }
            start = ids.nextSetBit(end + 1);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuList other && other.ids.equals(ids);
    }

    @Override
    public int hashCode() {
        return ids.hashCode();
    }
}
