package io.github.jcg.cli.output;

import io.github.jcg.core.Hierarchy;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * lssubsys's output: controllers on no hierarchy first (with {@code -a}), then one line per
 * hierarchy: its controllers joined by commas ({@code cpu,cpuacct}), followed by its mount point
 * ({@code -m}), one line per mount point ({@code -M}), or its hierarchy id ({@code -i}).
 */
public final class LssubsysFormat {
    /** What to print after each hierarchy's controllers. */
    public enum Detail { NONE, HIERARCHY_ID, MOUNT_POINT, ALL_MOUNT_POINTS }

    private LssubsysFormat() {
    }

    public static void text(PrintWriter out, List<String> unmounted, List<Hierarchy> hierarchies, Detail detail) {
        unmounted.forEach(name -> out.print(name + "\n"));
        for (Hierarchy h : hierarchies) {
            switch (detail) {
                case NONE -> out.print(h.label() + "\n");
                case HIERARCHY_ID -> out.print(h.label() + " " + h.id() + "\n");
                case MOUNT_POINT -> out.print(h.label() + " " + h.mountedAt() + "\n");
                case ALL_MOUNT_POINTS -> mountPoints(h).forEach(m -> out.print(h.label() + " " + m + "\n"));
            }
        }
        out.flush();
    }

    /** {@code {"hierarchies": [{"controllers": [...], "id": 1, "version": "v1", "mountPoints": [...]}], "unmounted": [...]}}. */
    public static void json(PrintWriter out, List<String> unmounted, List<Hierarchy> hierarchies) {
        Json.writeLine(out, json -> {
            json.writeStartObject();
            json.writeName("hierarchies");
            json.writeStartArray();
            for (Hierarchy h : hierarchies) {
                json.writeStartObject();
                json.writeName("controllers");
                json.writeStartArray();
                h.controllers().forEach(c -> json.writeString(c.kernelName()));
                json.writeEndArray();
                json.writeNumberProperty("id", h.id());
                json.writeStringProperty("version", h.version().name().toLowerCase(Locale.ROOT));
                json.writeName("mountPoints");
                json.writeStartArray();
                mountPoints(h).forEach(json::writeString);
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeName("unmounted");
            json.writeStartArray();
            unmounted.forEach(json::writeString);
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static List<String> mountPoints(Hierarchy h) {
        List<String> all = new ArrayList<>();
        all.add(h.mountedAt());
        all.addAll(h.otherMountPoints());
        return all;
    }
}
