package io.github.jcg.core.internal.fs;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code /proc/<pid>/cgroup}. */
public final class ProcessCgroupParser {
    private ProcessCgroupParser() {
    }

    public static List<ProcessCgroupEntry> parse(String text) {
        List<ProcessCgroupEntry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            // split on the first two ':' only: the path itself may contain ':'
            int first = line.indexOf(':');
            int second = first < 0 ? -1 : line.indexOf(':', first + 1);
            if (second < 0) {
                continue;
            }
            try {
                int id = Integer.parseInt(line.substring(0, first));
                String list = line.substring(first + 1, second);
                List<String> controllers = list.isEmpty() ? List.of() : List.of(list.split(","));
                entries.add(new ProcessCgroupEntry(id, controllers, line.substring(second + 1)));
            } catch (NumberFormatException e) {
                // not a cgroup line
            }
        }
        return entries;
    }
}
