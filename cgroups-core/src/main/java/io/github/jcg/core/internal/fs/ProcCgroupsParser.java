package io.github.jcg.core.internal.fs;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code /proc/cgroups}: {@code #subsys_name hierarchy num_cgroups enabled}. */
public final class ProcCgroupsParser {
    private ProcCgroupsParser() {
    }

    public static List<ControllerStatus> parse(String text) {
        List<ControllerStatus> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            try {
                rows.add(new ControllerStatus(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), "1".equals(f[3])));
            } catch (NumberFormatException e) {
                // a row we cannot read says nothing reliable about that controller: leave it out
            }
        }
        return rows;
    }
}
