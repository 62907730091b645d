package io.github.jcg.core.internal.fs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Flat keyed files: one {@code key value} pair a line ({@code cpu.stat}, {@code memory.stat},
 * {@code cgroup.events}, {@code memory.events}, {@code cpuacct.stat}). Keys keep file order.
 */
public final class FlatKeyed {
    private final Map<String, String> values;

    private FlatKeyed(Map<String, String> values) {
        this.values = values;
    }

    public static FlatKeyed parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            int space = trimmed.indexOf(' ');
            if (space > 0) {
                values.put(trimmed.substring(0, space), trimmed.substring(space + 1).strip());
            }
        }
        return new FlatKeyed(values);
    }

    /** Every key and its raw value, in file order. */
    public Map<String, String> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** The value of {@code key} as a number; empty when the key is absent or not a number. */
    public OptionalLong getLong(String key) {
        String v = values.get(key);
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }
}
