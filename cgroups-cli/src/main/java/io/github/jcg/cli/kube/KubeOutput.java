package io.github.jcg.cli.kube;

import io.github.jcg.cli.output.Json;
import io.github.jcg.kube.ResourceList;
import io.github.jcg.kube.cgroups.PlannedFile;
import io.github.jcg.kube.cgroups.PlannedGroup;
import io.github.jcg.kube.cgroups.PodPlan;
import io.github.jcg.text.TextTable;
import picocli.CommandLine;
import tools.jackson.core.JsonGenerator;

import java.io.PrintWriter;
import java.util.List;

/**
 * How {@code jcg kube} prints plans: a table of every group, file, value and the formula it came
 * from; or, with {@code -o json}, one object a pod:
 * <pre>{"pod": "web", "namespace": "default", "uid": "…", "qosClass": "Burstable",
 *  "groups": [{"path": "/kubepods/burstable/pod…", "role": "pod", "container": null,
 *              "files": {"cpu.shares": "256", …}, "formulas": {"cpu.shares": "…", …}}, …]}</pre>
 * {@code files} holds exactly what is (or would be) written, in write order.
 */
final class KubeOutput {
    private KubeOutput() {
    }

    /** Whether {@code -o} asks for JSON; anything but text or json is a usage error. */
    static boolean json(CommandLine.Model.CommandSpec spec, String output) {
        if (!output.equals("text") && !output.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown output format '" + output + "'; use text or json");
        }
        return output.equals("json");
    }

    static void resources(String field, ResourceList list, JsonGenerator g) {
        g.writeObjectPropertyStart(field);
        list.entries().forEach((k, v) -> g.writeStringProperty(k, v.toString()));
        g.writeEndObject();
    }

    /** The plan as a table: one row a file, the group's path on its first file's row. */
    static void planText(PodPlan plan, PrintWriter out) {
        out.println("pod/" + plan.pod().name() + " (namespace " + plan.pod().namespace() + ", uid " + plan.pod().uid()
                + "): QoS class " + plan.qosClass().apiName());
        groupsText(plan.groups(), out);
    }

    static void groupsText(List<PlannedGroup> groups, PrintWriter out) {
        TextTable table = TextTable.leftAligned(4);
        table.row("GROUP", "FILE", "VALUE", "FORMULA");
        for (PlannedGroup g : groups) {
            String label = g.path();
            if (g.files().isEmpty()) {
                table.row(label, "(none)", "", "");
            }
            for (PlannedFile f : g.files()) {
                table.row(label, f.name(), f.value(), f.formula());
                label = "";
            }
        }
        table.print(out, "");
    }

    static void planJson(PodPlan plan, PrintWriter out) {
        Json.writeLine(out, g -> {
            g.writeStartObject();
            g.writeStringProperty("pod", plan.pod().name());
            g.writeStringProperty("namespace", plan.pod().namespace());
            g.writeStringProperty("uid", plan.pod().uid());
            g.writeStringProperty("qosClass", plan.qosClass().apiName());
            g.writeArrayPropertyStart("groups");
            for (PlannedGroup group : plan.groups()) {
                g.writeStartObject();
                g.writeStringProperty("path", group.path());
                g.writeStringProperty("role", group.role().name().toLowerCase(java.util.Locale.ROOT));
                if (group.container() == null || group.container().isEmpty()) {
                    g.writeNullProperty("container");
                } else {
                    g.writeStringProperty("container", group.container());
                }
                g.writeObjectPropertyStart("files");
                group.files().forEach(f -> g.writeStringProperty(f.name(), f.value()));
                g.writeEndObject();
                g.writeObjectPropertyStart("formulas");
                group.files().forEach(f -> g.writeStringProperty(f.name(), f.formula()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
