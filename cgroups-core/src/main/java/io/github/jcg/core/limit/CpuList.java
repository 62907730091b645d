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

    /** Parses list syntax. An empty (or blank) string is the empty set, as the kernel reads it. */
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

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    public boolean contains(int id) {
        return ids.get(id);
    }

    public int size() {
        return ids.cardinality();
    }

    public boolean containsAll(CpuList other) {
        BitSet rest = (BitSet) other.ids.clone();
        rest.andNot(ids);
        return rest.isEmpty();
    }

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
