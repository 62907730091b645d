package io.github.jcg.core.internal.fs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nested keyed files: a key then {@code sub=value} pairs on each line. Used by v2
 * {@code io.stat} and {@code io.max} ({@code 8:0 rbytes=1 wbytes=2 ...}) and by the
 * pressure files ({@code some avg10=0.00 avg60=0.00 avg300=0.00 total=0}).
 */
public final class NestedKeyed {
    private NestedKeyed() {
    }

    /** Line key → (sub-key → raw value); both levels keep file order. */
    public static Map<String, Map<String, String>> parse(String text) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] tokens = line.strip().split("\\s+");
            if (tokens.length == 0 || tokens[0].isEmpty()) {
                continue;
            }
            Map<String, String> row = rows.computeIfAbsent(tokens[0], k -> new LinkedHashMap<>());
            for (int i = 1; i < tokens.length; i++) {
                int eq = tokens[i].indexOf('=');
                if (eq > 0) {
                    row.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
                }
            }
        }
        return rows;
    }
}
