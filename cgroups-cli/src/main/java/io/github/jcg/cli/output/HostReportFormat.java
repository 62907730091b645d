package io.github.jcg.cli.output;

import io.github.jcg.core.ControllerReport;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostReport;
import io.github.jcg.text.TextTable;
import tools.jackson.core.JsonGenerator;

import java.io.PrintWriter;
import java.util.Locale;

/** The host report as a person reads it, and as JSON. */
public final class HostReportFormat {
    private HostReportFormat() {
    }

    public static void text(HostReport report, PrintWriter out) {
        out.println("Mode: " + report.mode().name().toLowerCase(Locale.ROOT) + " — " + report.mode().libcgroupModeLine());
        out.println();
        out.println("Hierarchies:");
        TextTable hierarchies = TextTable.leftAligned(6).row("ID", "VERSION", "CONTROLLERS", "MOUNT", "ROOT", "OWN GROUP");
        for (Hierarchy h : report.hierarchies()) {
            hierarchies.row(Integer.toString(h.id()), version(h), h.label(), h.mountedAt(), h.mountRoot(),
                    h.ownGroupOnMount().map(Object::toString).orElse(h.ownGroup().map(g -> g + " (outside mount)").orElse("-")));
        }
        hierarchies.print(out, "  ");
        out.println();
        out.println("Controllers:");
        TextTable controllers = TextTable.leftAligned(5).row("NAME", "ENABLED", "AVAILABLE", "VERSION", "MOUNT");
        for (ControllerReport c : report.controllers()) {
            controllers.row(c.name(), c.enabled() ? "yes" : "no", c.available() ? "yes" : "no",
                    c.hierarchy().map(HostReportFormat::version).orElse("-"),
                    c.hierarchy().map(Hierarchy::mountedAt).orElse("-"));
        }
        controllers.print(out, "  ");
        out.flush();
    }

    public static void json(HostReport report, PrintWriter out) {
        Json.writeLine(out, json -> {
            json.writeStartObject();
            json.writeStringProperty("mode", report.mode().name().toLowerCase(Locale.ROOT));
            json.writeStringProperty("libcgroupMode", report.mode().libcgroupModeLine());
            json.writeName("hierarchies");
            json.writeStartArray();
            for (Hierarchy h : report.hierarchies()) {
                hierarchy(json, h);
            }
            json.writeEndArray();
            json.writeName("controllers");
            json.writeStartArray();
            for (ControllerReport c : report.controllers()) {
                json.writeStartObject();
                json.writeStringProperty("name", c.name());
                json.writeBooleanProperty("enabled", c.enabled());
                json.writeBooleanProperty("available", c.available());
                if (c.hierarchy().isPresent()) {
                    json.writeStringProperty("version", version(c.hierarchy().get()));
                    json.writeStringProperty("mountPoint", c.hierarchy().get().mountedAt());
                } else {
                    json.writeNullProperty("version");
                    json.writeNullProperty("mountPoint");
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void hierarchy(JsonGenerator json, Hierarchy h) {
        json.writeStartObject();
        json.writeNumberProperty("id", h.id());
        json.writeStringProperty("version", version(h));
        json.writeName("controllers");
        json.writeStartArray();
        h.controllers().forEach(c -> json.writeString(c.kernelName()));
        json.writeEndArray();
        if (h.name().isPresent()) {
            json.writeStringProperty("name", h.name().get());
        }
        json.writeStringProperty("mountPoint", h.mountedAt());
        json.writeStringProperty("mountRoot", h.mountRoot());
        if (h.ownGroup().isPresent()) {
            json.writeStringProperty("ownGroup", h.ownGroup().get());
        } else {
            json.writeNullProperty("ownGroup");
        }
        if (h.ownGroupOnMount().isPresent()) {
            json.writeStringProperty("ownGroupOnMount", h.ownGroupOnMount().get().toString());
        } else {
            json.writeNullProperty("ownGroupOnMount");
        }
        json.writeEndObject();
    }

    private static String version(Hierarchy h) {
        return h.version().name().toLowerCase(Locale.ROOT);
    }
}
