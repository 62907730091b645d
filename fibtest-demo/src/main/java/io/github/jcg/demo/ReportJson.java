package io.github.jcg.demo;

import io.github.jcg.fibtest.LiveReport;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * The report for scripts ({@code --json}). Shares and limits are percentages of one CPU
 * (100 = one CPU); a limit that is not set is {@code null}; times are seconds from the start
 * of the baseline phase.
 */
public final class ReportJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private ReportJson() {
    }

    /** Writes the report as one JSON document followed by a newline; the writer stays open. */
    public static void write(DemoReport report, List<Path> charts, Writer out) throws java.io.IOException {
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            context(json, report.context());
            json.writeName("phases");
            json.writeStartArray();
            for (int i = 0; i < report.results().size(); i++) {
                phase(json, report.results().get(i), report.spans().get(i), report);
            }
            json.writeEndArray();
            checks(json, report.checks());
            timeline(json, report);
            if (report.finalLine().isPresent()) {
                json.writeStringProperty("workloadFinalLine", report.finalLine().get().strip());
            } else {
                json.writeNullProperty("workloadFinalLine");
            }
            json.writeName("charts");
            json.writeStartArray();
            for (Path chart : charts) {
                json.writeString(chart.toAbsolutePath().toString());
            }
            json.writeEndArray();
            json.writeBooleanProperty("groupKept", report.groupKept());
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    private static void context(JsonGenerator json, DemoContext c) {
        json.writeStringProperty("group", c.group());
        json.writeStringProperty("controllers", c.controllers());
        json.writeStringProperty("hostMode", c.hostMode());
        json.writeStringProperty("cgroupVersion", c.cgroupVersion());
        json.writeName("directories");
        json.writeStartArray();
        for (String dir : c.directories()) {
            json.writeString(dir);
        }
        json.writeEndArray();
        json.writeNumberProperty("threads", c.threads());
        json.writeNumberProperty("cpus", c.cpus());
        json.writeNumberProperty("cpuWeight", c.weight());
        json.writeNumberProperty("workloadPid", c.workloadPid());
    }

    private static void phase(JsonGenerator json, PhaseResult r, PhaseSpan span, DemoReport report) {
        CpuLimit limit = r.phase().limit();
        json.writeStartObject();
        json.writeStringProperty("name", r.phase().name());
        if (limit.isLimited()) {
            json.writeNumberProperty("quotaMicros", limit.quota().value());
        } else {
            json.writeNullProperty("quotaMicros");
        }
        json.writeNumberProperty("periodMicros", limit.periodMicros());
        number(json, "limitCpuPercent", limit.isLimited() ? limit.percentOfCpu() : Double.NaN);
        number(json, "expectedCpuPercent", r.expectedPercent());
        number(json, "measuredCpuPercent", r.measuredPercent());
        number(json, "iterationsPerSecond", r.iterationsPerSecond());
        number(json, "percentOfBaseline", r.percentOfBaseline());
        number(json, "expectedPercentOfBaseline", r.expectedPercentOfBaseline());
        json.writeNumberProperty("periods", r.cpu().periods());
        json.writeNumberProperty("throttledPeriods", r.cpu().throttledPeriods());
        number(json, "throttledRatio", r.throttledRatio());
        number(json, "throttledSeconds", r.cpu().throttledSeconds());
        number(json, "periodCostMicros", report.result(PhaseRole.BASELINE).map(r::periodCostMicros).orElse(Double.NaN));
        number(json, "startSeconds", report.secondsSinceOrigin(span.startNanos()));
        number(json, "windowStartSeconds", report.secondsSinceOrigin(span.windowStartNanos()));
        number(json, "endSeconds", report.secondsSinceOrigin(span.endNanos()));
        number(json, "windowSeconds", r.cpu().seconds());
        json.writeEndObject();
    }

    private static void checks(JsonGenerator json, List<Check> checks) {
        json.writeName("checks");
        json.writeStartArray();
        for (Check c : checks) {
            json.writeStartObject();
            json.writeStringProperty("name", c.name());
            json.writeBooleanProperty("passed", c.passed());
            json.writeStringProperty("detail", c.detail());
            json.writeStringProperty("tolerance", c.tolerance());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void timeline(JsonGenerator json, DemoReport report) {
        json.writeName("cpuSamples");
        json.writeStartArray();
        for (CpuTick t : report.ticks()) {
            json.writeStartObject();
            number(json, "t", report.secondsSinceOrigin(t.monotonicNanos()));
            json.writeStringProperty("phase", t.role().label());
            number(json, "cpuPercent", t.cpuPercent());
            json.writeNumberProperty("periods", t.periods());
            json.writeNumberProperty("throttledPeriods", t.throttledPeriods());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeName("throughputSamples");
        json.writeStartArray();
        for (LiveReport r : report.reports()) {
            json.writeStartObject();
            number(json, "t", report.secondsSinceOrigin(r.monotonicNanos()));
            number(json, "iterationsPerSecond", r.iterationsPerSecond());
            json.writeNumberProperty("totalIterations", r.totalIterations());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** A number rounded to 4 decimals; {@code null} when not finite (JSON has no NaN). */
    private static void number(JsonGenerator json, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.writeNullProperty(name);
        } else {
            json.writeNumberProperty(name, Math.round(value * 10_000) / 10_000.0);
        }
    }
}
