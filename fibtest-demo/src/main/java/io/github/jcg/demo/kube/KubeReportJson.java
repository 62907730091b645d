package io.github.jcg.demo.kube;

import io.github.jcg.demo.Check;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Act two's report for scripts ({@code jcg demo --kube --json}): the context, a row per step and
 * pod (step by {@link KubeStep#key()}: {@code requests}, {@code one-cpu}, {@code cpu-limit},
 * {@code memory-limit}; CPU in CPUs, shares 0..1, null where not measured), the rules (the
 * {@code cpu-split} rule's detail says which step judged it), the notes (step 1's split when
 * step 1b judged the rule), the per-second CPU, the chart files.
 */
public final class KubeReportJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private KubeReportJson() {
    }

    /**
     * Writes the report as one JSON document and a newline; the writer stays open.
     *
     * @param report the outcome
     * @param charts the chart files written
     * @param out    where to write
     * @throws IOException when writing fails
     */
    public static void write(KubeReport report, List<Path> charts, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            KubeContext c = report.context();
            json.writeStartObject();
            json.writeStringProperty("act", "kube");
            json.writeStringProperty("cgroupRoot", c.cgroupRoot());
            json.writeStringProperty("hostMode", c.hostMode());
            json.writeStringProperty("cgroupVersion", c.cgroupVersion());
            json.writeNumberProperty("cpus", c.cpus());
            json.writeNumberProperty("threadsPerPod", c.threads());
            json.writeNumberProperty("settleSeconds", c.settleSeconds());
            json.writeNumberProperty("windowSeconds", c.windowSeconds());
            json.writeName("rows");
            json.writeStartArray();
            for (PodRow r : report.rows()) {
                json.writeStartObject();
                json.writeStringProperty("step", r.step().key());
                json.writeStringProperty("pod", r.pod());
                json.writeStringProperty("requests", r.requests().toString());
                json.writeStringProperty("limits", r.limits().toString());
                json.writeStringProperty("qosClass", r.qosClass());
                json.writeStringProperty(c.weightFile(), r.planned().cpuWeight());
                json.writeStringProperty(c.quotaFile(), r.planned().cpuQuota());
                json.writeStringProperty(c.memoryFile(), r.planned().memoryLimit());
                number(json, "cpus", r.cores());
                number(json, "shareOfPods", r.shareOfPods());
                json.writeNumberProperty("periods", r.periods());
                json.writeNumberProperty("throttledPeriods", r.throttledPeriods());
                number(json, "throttledRatio", r.throttledRatio());
                if (r.oomKills() < 0) {
                    json.writeNullProperty("oomKills");
                } else {
                    json.writeNumberProperty("oomKills", r.oomKills());
                }
                json.writeBooleanProperty("alive", r.alive());
                json.writeNumberProperty("killSignal", r.killSignal());
                json.writeStringProperty("outcome", r.outcome());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeName("checks");
            json.writeStartArray();
            for (Check check : report.checks()) {
                json.writeStartObject();
                json.writeStringProperty("name", check.name());
                json.writeBooleanProperty("passed", check.passed());
                json.writeStringProperty("detail", check.detail());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeName("notes");
            json.writeStartArray();
            for (String note : report.notes()) {
                json.writeString(note);
            }
            json.writeEndArray();
            json.writeName("timeline");
            json.writeStartArray();
            for (PodTick t : report.ticks()) {
                json.writeStartObject();
                json.writeNumberProperty("seconds", t.seconds());
                json.writeStringProperty("step", t.step().key());
                json.writeStringProperty("pod", t.pod());
                number(json, "cpus", t.cores());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeName("charts");
            json.writeStartArray();
            for (Path chart : charts) {
                json.writeString(chart.toAbsolutePath().toString());
            }
            json.writeEndArray();
            json.writeStringProperty("cleanup", report.cleanup());
            json.writeBooleanProperty("passed", report.passed());
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    private static void number(JsonGenerator json, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.writeNullProperty(name);
        } else {
            json.writeNumberProperty(name, value);
        }
    }
}
