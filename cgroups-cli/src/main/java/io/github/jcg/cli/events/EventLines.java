package io.github.jcg.cli.events;

import io.github.jcg.cli.output.Json;
import io.github.jcg.core.event.EventKind;
import io.github.jcg.core.event.GroupEvent;
import io.github.jcg.core.event.PressureTrigger;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How {@code jcg events} prints an event: one line each, flushed at once, so a pipe sees it as
 * it happens. Text: local time, group, kind and, for counters, the rise and the total.
 * JSON: one object a line, the time in UTC.
 */
final class EventLines {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);
    private static final DateTimeFormatter UTC = LOCAL.withZone(ZoneId.of("UTC"));

    private final PrintWriter out;
    private final boolean json;
    private final DateTimeFormatter local;

    EventLines(PrintWriter out, boolean json, ZoneId zone) {
        this.out = out;
        this.json = json;
        this.local = LOCAL.withZone(zone);
    }

    /** The name an event kind goes by on the command line and in the output: {@code oom_kill}. */
    static String name(EventKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    void print(GroupEvent e) {
        if (json) {
            Json.writeLine(out, g -> {
                g.writeStartObject();
                g.writeStringProperty("time", UTC.format(e.time()));
                g.writeStringProperty("group", e.group().toString());
                g.writeStringProperty("event", name(e.kind()));
                g.writeNumberProperty("value", e.value());
                g.writeNumberProperty("delta", e.delta());
                e.trigger().ifPresent(t -> {
                    g.writeName("trigger");
                    g.writeStartObject();
                    g.writeStringProperty("resource", t.resource().name().toLowerCase(Locale.ROOT));
                    g.writeStringProperty("scope", t.full() ? "full" : "some");
                    g.writeNumberProperty("stall_us", t.stall().toNanos() / 1_000);
                    g.writeNumberProperty("window_us", t.window().toNanos() / 1_000);
                    g.writeEndObject();
                });
                g.writeEndObject();
            });
            return;
        }
        out.println(local.format(e.time()) + " " + e.group() + " " + name(e.kind()) + details(e));
        out.flush();
    }

    private static String details(GroupEvent e) {
        if (e.kind().isCounter()) {
            return " +" + e.delta() + " total=" + e.value();
        }
        if (e.kind() == EventKind.PRESSURE) {
            PressureTrigger t = e.trigger().orElseThrow();
            return " " + t + " +" + e.delta() + "us total=" + e.value() + "us";
        }
        return "";
    }
}
