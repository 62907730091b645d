package io.github.jcg.cli.output;

import java.io.PrintWriter;
import java.util.List;

/**
 * lscgroup's output: {@code <controllers>:<path>} per group, e.g. {@code cpu,cpuacct:/web}.
 * The group a spec names is printed with a trailing slash ({@code cpu:/web/}), the groups
 * below it without, as libcgroup prints them.
 */
public final class LsFormat {
    /**
     * One listed group.
     *
     * @param hierarchy the hierarchy's label ({@code cpu,cpuacct})
     * @param shown     the path as lscgroup prints it
     * @param path      the clean path ({@code /web}), for JSON
     */
    public record Line(String hierarchy, String shown, String path) {
    }

    private LsFormat() {
    }

    public static void text(PrintWriter out, List<Line> lines) {
        for (Line l : lines) {
            out.print(l.hierarchy() + ":" + l.shown() + "\n");
        }
        out.flush();
    }

    /** {@code {"groups": [{"controllers": "cpu", "path": "/web"}, …]}}. */
    public static void json(PrintWriter out, List<Line> lines) {
        Json.writeLine(out, json -> {
            json.writeStartObject();
            json.writeName("groups");
            json.writeStartArray();
            for (Line l : lines) {
                json.writeStartObject();
                json.writeStringProperty("controllers", l.hierarchy());
                json.writeStringProperty("path", l.path());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
