package io.github.jcg.cli.top;

import io.github.jcg.cli.output.Json;
import io.github.jcg.core.limit.Limit;
import tools.jackson.core.JsonGenerator;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * {@code -o json}: one object per refresh, on one line. A value the host cannot provide is
 * {@code null}; a limit that is not set is the string {@code "max"} (the kernel's word), so
 * "unknown" and "unlimited" never look alike. The OOM and pressure fields are there when their
 * options are given, as their columns are: they cost file reads per group.
 */
final class JsonOutput {
    private final PrintWriter out;
    private final String mode;
    private final int cpus;

    JsonOutput(PrintWriter out, String mode, int cpus) {
        this.out = out;
        this.mode = mode;
        this.cpus = cpus;
    }

    void print(List<GroupRow> rows, TopSettings settings, int iteration, OptionalDouble intervalSeconds) {
        Json.writeLine(out, json -> {
            json.writeStartObject();
            json.writeNumberProperty("iteration", iteration);
            json.writeNumberProperty("timestampMillis", System.currentTimeMillis());
            number(json, "intervalSeconds", intervalSeconds);
            json.writeStringProperty("hierarchyMode", mode);
            json.writeNumberProperty("cpus", cpus);
            json.writeStringProperty("root", settings.root.toString());
            json.writeNumberProperty("depth", settings.depth);
            json.writeStringProperty("counting", settings.counting.name().toLowerCase(Locale.ROOT));
            json.writeStringProperty("order", settings.order.optionValue());
            json.writeName("groups");
            json.writeStartArray();
            for (GroupRow r : rows) {
                group(json, r, settings);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void group(JsonGenerator json, GroupRow r, TopSettings settings) {
        json.writeStartObject();
        json.writeStringProperty("path", r.path().toString());
        number(json, "tasks", r.tasks());
        number(json, "cpuPercent", r.cpuPercent());
        number(json, "cpuTimeNanos", r.cpuNanos());
        number(json, "memoryBytes", r.memoryBytes());
        number(json, "readBytesPerSecond", r.readBytesPerSecond());
        number(json, "writeBytesPerSecond", r.writeBytesPerSecond());
        if (r.cpuQuotaMicros().isPresent() && r.cpuQuotaMicros().get().isUnlimited()) {
            json.writeStringProperty("cpuLimitCores", "max");
        } else {
            number(json, "cpuLimitCores", r.cpuLimitCores());
        }
        limit(json, "cpuQuotaMicros", r.cpuQuotaMicros());
        number(json, "cpuPeriodMicros", r.cpuPeriodMicros());
        number(json, "throttledPercent", r.throttledPercent());
        number(json, "throttledNanosPerSecond", r.throttledNanosPerSecond());
        limit(json, "memoryLimitBytes", r.memoryLimit());
        number(json, "memoryPercentOfLimit", r.memoryPercentOfLimit());
        if (settings.oomKills) {
            number(json, "oomKills", r.oomKills());
        }
        if (settings.pressure) {
            number(json, "cpuPressureSomeAvg10Percent", r.cpuPressure());
            number(json, "memoryPressureSomeAvg10Percent", r.memoryPressure());
            number(json, "ioPressureSomeAvg10Percent", r.ioPressure());
        }
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, String name, OptionalDouble v) {
        if (v.isPresent()) {
            json.writeNumberProperty(name, v.getAsDouble());
        } else {
            json.writeNullProperty(name);
        }
    }

    private static void number(JsonGenerator json, String name, OptionalLong v) {
        if (v.isPresent()) {
            json.writeNumberProperty(name, v.getAsLong());
        } else {
            json.writeNullProperty(name);
        }
    }

    private static void limit(JsonGenerator json, String name, Optional<Limit> v) {
        if (v.isEmpty()) {
            json.writeNullProperty(name);
        } else if (v.get().isUnlimited()) {
            json.writeStringProperty(name, "max");
        } else {
            json.writeNumberProperty(name, v.get().value());
        }
    }
}
