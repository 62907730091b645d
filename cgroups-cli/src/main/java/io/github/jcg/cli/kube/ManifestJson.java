package io.github.jcg.cli.kube;

import io.github.jcg.kube.Container;
import io.github.jcg.kube.LimitRange;
import io.github.jcg.kube.Manifest;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.ResourceList;
import io.github.jcg.kube.ResourceQuota;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

import java.io.Writer;
import java.util.List;

/**
 * Writes manifests back as a {@code kind: List} JSON document that
 * {@link io.github.jcg.kube.Manifests} reads: what the node's state file holds. Only the fields
 * the model reads are written; quantities in their canonical form, which parses back to the same
 * amount.
 */
final class ManifestJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private ManifestJson() {
    }

    static void writeList(List<Manifest> items, Writer out) {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("apiVersion", "v1");
            json.writeStringProperty("kind", "List");
            json.writeArrayPropertyStart("items");
            for (Manifest m : items) {
                write(m, json);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void write(Manifest m, JsonGenerator json) {
        json.writeStartObject();
        json.writeStringProperty("apiVersion", "v1");
        json.writeStringProperty("kind", m.kind());
        json.writeObjectPropertyStart("metadata");
        json.writeStringProperty("name", m.name());
        json.writeStringProperty("namespace", m.namespace());
        if (m instanceof Pod p) {
            json.writeStringProperty("uid", p.uid());
        }
        json.writeEndObject();
        json.writeObjectPropertyStart("spec");
        if (m instanceof Pod p) {
            json.writeNumberProperty("priority", p.priority());
            resources("overhead", p.overhead(), json);
            containers("initContainers", p.initContainers(), json);
            containers("containers", p.containers(), json);
        } else if (m instanceof LimitRange l) {
            json.writeArrayPropertyStart("limits");
            for (LimitRange.Item item : l.items()) {
                json.writeStartObject();
                json.writeStringProperty("type", item.type());
                resources("max", item.max(), json);
                resources("min", item.min(), json);
                resources("default", item.defaultLimits(), json);
                resources("defaultRequest", item.defaultRequests(), json);
                resources("maxLimitRequestRatio", item.maxLimitRequestRatio(), json);
                json.writeEndObject();
            }
            json.writeEndArray();
        } else if (m instanceof ResourceQuota q) {
            resources("hard", q.hard(), json);
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void containers(String field, List<Container> containers, JsonGenerator json) {
        json.writeArrayPropertyStart(field);
        for (Container c : containers) {
            json.writeStartObject();
            json.writeStringProperty("name", c.name());
            if (c.kind() == Container.Kind.SIDECAR) {
                json.writeStringProperty("restartPolicy", "Always");
            }
            json.writeObjectPropertyStart("resources");
            resources("requests", c.requests(), json);
            resources("limits", c.limits(), json);
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void resources(String field, ResourceList list, JsonGenerator json) {
        if (list == null || list.isEmpty()) {
            return;
        }
        json.writeObjectPropertyStart(field);
        list.entries().forEach((k, v) -> json.writeStringProperty(k, v.toString()));
        json.writeEndObject();
    }
}
