package io.github.jcg.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of {@code /proc/<pid>/cgroup}: {@code id:controllers:path} (v2 is {@code 0::path}).
 * Split on the first two colons only: a path may contain ':'.
 */
public record ProcCgroup(int id, List<String> controllers, String path) {
    public static List<ProcCgroup> parse(String text) {
        List<ProcCgroup> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int a = line.indexOf(':');
            int b = line.indexOf(':', a + 1);
            String ctrls = line.substring(a + 1, b);
            out.add(new ProcCgroup(Integer.parseInt(line.substring(0, a)),
                    ctrls.isEmpty() ? List.of() : List.of(ctrls.split(",")), line.substring(b + 1)));
        }
        return out;
    }

    /** The path of the hierarchy that holds {@code controller} ({@code name=systemd} works too). */
    public static Optional<String> pathOf(List<ProcCgroup> lines, String controller) {
        return lines.stream().filter(l -> l.controllers().contains(controller)).map(ProcCgroup::path).findFirst();
    }

    /** The v2 ({@code 0::}) path. */
    public static Optional<String> v2Path(List<ProcCgroup> lines) {
        return lines.stream().filter(l -> l.id() == 0).map(ProcCgroup::path).findFirst();
    }
}
