package io.github.jcg.kube;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads Pod, LimitRange and ResourceQuota manifests, as {@code kubectl apply -f} takes them: YAML
 * or JSON (JSON is YAML), several documents separated by {@code ---}, and {@code kind: List}
 * objects whose {@code items} are read in turn (a List may hold Lists). Empty documents are
 * skipped. Only the fields the node's resource model needs are read; every other field is ignored.
 *
 * <p>What the API server would do to a pod when it is created, before any admission plugin runs,
 * is done here too, so that admission (LimitRange, ResourceQuota) sees what it would see:
 * <ul>
 * <li>defaulting ({@code SetDefaults_Pod} in {@code pkg/apis/core/v1/defaults.go}): in every
 * container, init containers included, a resource with a limit but no request gets a request
 * equal to the limit;</li>
 * <li>{@code metadata.namespace} defaults to {@code default};</li>
 * <li>the priority ({@code Priority} admission, which jcg does not model otherwise):
 * {@code spec.priority} when given, else the built-in class named by
 * {@code spec.priorityClassName} ({@code system-node-critical} 2000001000,
 * {@code system-cluster-critical} 2000000000), else 0 — a cluster's own PriorityClasses are not
 * known here, so give their value as {@code spec.priority};</li>
 * <li>{@code metadata.uid}, which the API server would generate, is taken from the manifest when
 * given, else derived from namespace and name ({@link UUID#nameUUIDFromBytes} of
 * {@code namespace/name}), so the same manifest always names the same pod cgroup.</li>
 * </ul>
 *
 * <p>Some of the API server's validation is done as well, with its messages: names and
 * containers are required, container names are unique, a quantity must not be negative
 * ({@code must be greater than or equal to 0}), a request must not exceed its limit
 * ({@code must be less than or equal to cpu limit of 1}), a LimitRange item's type is required,
 * standard or fully qualified, and not repeated.
 *
 * <p>Quantities may be YAML strings or numbers ({@code cpu: 1}, {@code cpu: 0.5}); a number stands
 * for its decimal digits, as when kubectl turns YAML into JSON. White space around a string is
 * trimmed and a null ({@code cpu:} with no value) is zero, as the API's JSON decoder does.
 * YAML anchors and aliases of mappings and lists, and {@code <<} merge keys, are resolved; an
 * alias of a single value (a scalar) is refused, as the YAML parser does not report its anchor.
 *
 * <p>Every failure is a {@link ManifestException} whose message is one line: the source, the
 * document or object, the field, and what is wrong, for example
 * {@code pod.yaml: Pod web: spec.containers[0].resources.limits.cpu: invalid quantity 'abc':
 * quantities must match the regular expression '…'}.
 */
public final class Manifests {

    /** What a document's kind may be, said after every kind that is not one of them. */
    static final String KINDS = "jcg reads Pod, LimitRange and ResourceQuota (and List)";

    /** {@code scheduling.SystemNodeCritical}'s value. */
    static final int SYSTEM_NODE_CRITICAL = 2000001000;
    /** {@code scheduling.SystemClusterCritical}'s value. */
    static final int SYSTEM_CLUSTER_CRITICAL = 2000000000;

    private static final String NEGATIVE = "must be greater than or equal to 0";
    private static final Set<String> STANDARD_LIMIT_TYPES = Set.of("Container", "Pod", "PersistentVolumeClaim");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Manifests() {
    }

    /**
     * Reads a manifest file.
     *
     * @param file a YAML or JSON file, UTF-8
     * @return its objects, in order (a List's items in its place)
     * @throws ManifestException when the file cannot be read, is not YAML, or holds an object jcg
     *                           does not read or that the API server would refuse; the message
     *                           starts with the file's name
     */
    public static List<Manifest> read(Path file) {
        String text;
        try {
            // strictly: a malformed byte would otherwise turn into U+FFFD and a strange quantity
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new ManifestException(file + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new ManifestException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read: " + e, e);
        }
        return parse(text, file.toString());
    }

    /**
     * Reads manifests from text.
     *
     * @param text   YAML or JSON: one or more documents
     * @param source what to call the text in messages, such as its file name
     * @return its objects, in order (a List's items in its place)
     * @throws ManifestException when the text is not YAML, or holds an object jcg does not read or
     *                           that the API server would refuse; the message starts with
     *                           {@code source}
     */
    public static List<Manifest> parse(String text, String source) {
        // a byte order mark is no part of the first document
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<JsonNode> documents = documents(body, source);
        List<Manifest> manifests = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            JsonNode document = documents.get(i);
            if (document.isNull()) {
                continue;
            }
            collect(document, source, "document " + (i + 1), manifests);
        }
        return manifests;
    }

    private static void collect(JsonNode node, String source, String where, List<Manifest> out) {
        if (!node.isObject()) {
            throw new ManifestException(source + ": " + where
                    + ": not a Kubernetes object (a mapping with apiVersion, kind and metadata)");
        }
        JsonNode kindNode = node.get("kind");
        if (kindNode == null || kindNode.isNull() || (kindNode.isString() && kindNode.stringValue().isEmpty())) {
            throw new ManifestException(source + ": " + where + ": kind: Required value: " + KINDS);
        }
        String kind = kindNode.isString() ? kindNode.stringValue() : kindNode.toString();
        if (!kindNode.isString() || !List.of("Pod", "LimitRange", "ResourceQuota", "List").contains(kind)) {
            throw new ManifestException(source + ": " + where + ": unknown kind '" + kind + "': " + KINDS);
        }
        JsonNode apiVersion = node.get("apiVersion");
        if (apiVersion != null && !apiVersion.isNull() && !(apiVersion.isString() && apiVersion.stringValue().equals("v1"))) {
            throw new ManifestException(source + ": " + where + ": " + kind + ": apiVersion: Unsupported value: "
                    + apiVersion + ": supported values: \"v1\"");
        }
        switch (kind) {
            case "List": {
                Fields f = new Fields(source + ": " + where + ": List: ");
                JsonNode items = f.list(node.get("items"), "items");
                for (int j = 0; j < items.size(); j++) {
                    collect(items.get(j), source, where + ": items[" + j + "]", out);
                }
                break;
            }
            case "Pod":
                out.add(pod(node, source));
                break;
            case "LimitRange":
                out.add(limitRange(node, source));
                break;
            default:
                out.add(resourceQuota(node, source));
                break;
        }
    }

    // ---------------------------------------------------------------- the kinds

    private static Pod pod(JsonNode node, String source) {
        Fields f = new Fields(source + ": Pod: ");
        JsonNode metadata = f.object(node.get("metadata"), "metadata");
        String name = f.requiredString(metadata.get("name"), "metadata.name");
        f = new Fields(source + ": Pod " + name + ": ");
        String namespace = namespace(f, metadata);
        String uid = f.optionalString(metadata.get("uid"), "metadata.uid");
        if (uid == null || uid.isEmpty()) {
            uid = UUID.nameUUIDFromBytes((namespace + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
        }
        JsonNode spec = f.object(node.get("spec"), "spec");
        int priority = priority(f, spec);

        Set<String> names = new HashSet<>();
        List<Container> initContainers = containers(f, spec.get("initContainers"), "spec.initContainers", true, names);
        List<Container> containers = containers(f, spec.get("containers"), "spec.containers", false, names);
        if (containers.isEmpty()) {
            throw f.error("spec.containers", "Required value");
        }
        ResourceList overhead = f.nonNegativeQuantities(spec.get("overhead"), "spec.overhead");
        return new Pod(name, namespace, uid, priority, initContainers, containers, overhead);
    }

    private static int priority(Fields f, JsonNode spec) {
        JsonNode priority = spec.get("priority");
        if (priority != null && !priority.isNull()) {
            if (!priority.isIntegralNumber() || !priority.canConvertToInt()) {
                throw f.error("spec.priority", "Invalid value: " + priority + ": must be a 32-bit integer");
            }
            return priority.intValue();
        }
        String className = f.optionalString(spec.get("priorityClassName"), "spec.priorityClassName");
        if ("system-node-critical".equals(className)) {
            return SYSTEM_NODE_CRITICAL;
        }
        if ("system-cluster-critical".equals(className)) {
            return SYSTEM_CLUSTER_CRITICAL;
        }
        return 0;
    }

    private static List<Container> containers(Fields f, JsonNode node, String path, boolean init, Set<String> names) {
        JsonNode list = f.list(node, path);
        List<Container> containers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode container = f.object(list.get(i), at);
            String name = f.requiredString(container.get("name"), at + ".name");
            if (!names.add(name)) {
                throw f.error(at + ".name", "Duplicate value: " + quoted(name));
            }
            Container.Kind kind = Container.Kind.REGULAR;
            if (init) {
                String restartPolicy = f.optionalString(container.get("restartPolicy"), at + ".restartPolicy");
                kind = "Always".equals(restartPolicy) ? Container.Kind.SIDECAR : Container.Kind.INIT;
            }
            JsonNode resources = f.object(container.get("resources"), at + ".resources");
            String resourcesAt = at + ".resources";
            ResourceList limits = f.quantities(resources.get("limits"), resourcesAt + ".limits");
            ResourceList requests = f.quantities(resources.get("requests"), resourcesAt + ".requests");
            // SetDefaults_Pod: a limit without a request makes the request
            for (Map.Entry<String, Quantity> limit : limits.entries().entrySet()) {
                if (!requests.has(limit.getKey())) {
                    requests = requests.with(limit.getKey(), limit.getValue());
                }
            }
            f.nonNegative(limits, resourcesAt + ".limits");
            f.nonNegative(requests, resourcesAt + ".requests");
            for (Map.Entry<String, Quantity> request : requests.entries().entrySet()) {
                Quantity limit = limits.entries().get(request.getKey());
                if (limit != null && request.getValue().compareTo(limit) > 0) {
                    throw f.error(resourcesAt + ".requests." + request.getKey(), "Invalid value: "
                            + quoted(request.getValue().toString()) + ": must be less than or equal to "
                            + request.getKey() + " limit of " + limit);
                }
            }
            containers.add(new Container(name, kind, requests, limits));
        }
        return containers;
    }

    private static LimitRange limitRange(JsonNode node, String source) {
        Fields f = new Fields(source + ": LimitRange: ");
        JsonNode metadata = f.object(node.get("metadata"), "metadata");
        String name = f.requiredString(metadata.get("name"), "metadata.name");
        f = new Fields(source + ": LimitRange " + name + ": ");
        String namespace = namespace(f, metadata);
        JsonNode spec = f.object(node.get("spec"), "spec");
        JsonNode limits = f.list(spec.get("limits"), "spec.limits");
        List<LimitRange.Item> items = new ArrayList<>();
        Set<String> types = new HashSet<>();
        for (int i = 0; i < limits.size(); i++) {
            String at = "spec.limits[" + i + "]";
            JsonNode item = f.object(limits.get(i), at);
            String type = f.requiredString(item.get("type"), at + ".type");
            if (!STANDARD_LIMIT_TYPES.contains(type) && !type.contains("/")) {
                throw f.error(at + ".type", "Invalid value: " + quoted(type)
                        + ": must be a standard limit type or fully qualified");
            }
            if (!types.add(type)) {
                throw f.error(at + ".type", "Duplicate value: " + quoted(type));
            }
            items.add(new LimitRange.Item(type,
                    f.nonNegativeQuantities(item.get("max"), at + ".max"),
                    f.nonNegativeQuantities(item.get("min"), at + ".min"),
                    f.nonNegativeQuantities(item.get("default"), at + ".default"),
                    f.nonNegativeQuantities(item.get("defaultRequest"), at + ".defaultRequest"),
                    f.nonNegativeQuantities(item.get("maxLimitRequestRatio"), at + ".maxLimitRequestRatio")));
        }
        return new LimitRange(name, namespace, items);
    }

    private static ResourceQuota resourceQuota(JsonNode node, String source) {
        Fields f = new Fields(source + ": ResourceQuota: ");
        JsonNode metadata = f.object(node.get("metadata"), "metadata");
        String name = f.requiredString(metadata.get("name"), "metadata.name");
        f = new Fields(source + ": ResourceQuota " + name + ": ");
        String namespace = namespace(f, metadata);
        JsonNode spec = f.object(node.get("spec"), "spec");
        return new ResourceQuota(name, namespace, f.nonNegativeQuantities(spec.get("hard"), "spec.hard"));
    }

    private static String namespace(Fields f, JsonNode metadata) {
        String namespace = f.optionalString(metadata.get("namespace"), "metadata.namespace");
        return namespace == null || namespace.isEmpty() ? "default" : namespace;
    }

    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    // ---------------------------------------------------------------- typed access with messages

    /** Reads fields of one object; every failure names the field after the object's prefix. */
    private static final class Fields {
        private final String prefix;

        Fields(String prefix) {
            this.prefix = prefix;
        }

        ManifestException error(String path, String problem) {
            return new ManifestException(prefix + path + ": " + problem);
        }

        /** An object, or an empty one when absent or null. */
        JsonNode object(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return NODES.objectNode();
            }
            if (!node.isObject()) {
                throw error(path, "Invalid value: " + node + ": must be a mapping");
            }
            return node;
        }

        /** A list, or an empty one when absent or null. */
        JsonNode list(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return NODES.arrayNode();
            }
            if (!node.isArray()) {
                throw error(path, "Invalid value: " + node + ": must be a list");
            }
            return node;
        }

        String optionalString(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isString()) {
                throw error(path, "Invalid value: " + node + ": must be a string");
            }
            return node.stringValue();
        }

        String requiredString(JsonNode node, String path) {
            String s = optionalString(node, path);
            if (s == null || s.isEmpty()) {
                throw error(path, "Required value");
            }
            return s;
        }

        /** A mapping of resource names to quantities; empty when absent or null. */
        ResourceList quantities(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return ResourceList.EMPTY;
            }
            if (!node.isObject()) {
                throw error(path, "Invalid value: " + node + ": must be a mapping of resource names to quantities");
            }
            Map<String, Quantity> entries = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                entries.put(e.getKey(), quantity(e.getValue(), path + "." + e.getKey()));
            }
            return new ResourceList(entries);
        }

        ResourceList nonNegativeQuantities(JsonNode node, String path) {
            ResourceList list = quantities(node, path);
            nonNegative(list, path);
            return list;
        }

        void nonNegative(ResourceList list, String path) {
            for (Map.Entry<String, Quantity> e : list.entries().entrySet()) {
                if (e.getValue().signum() < 0) {
                    throw error(path + "." + e.getKey(), "Invalid value: " + quoted(e.getValue().toString()) + ": " + NEGATIVE);
                }
            }
        }

        private Quantity quantity(JsonNode node, String path) {
            String text;
            if (node.isNull() || (node.isString() && node.stringValue().equals("~"))) {
                // the API's JSON decoder reads null as a zero quantity; the YAML parser does not
                // take YAML's ~ for null
                return Quantity.ZERO;
            } else if (node.isString()) {
                // as Quantity.UnmarshalJSON, which trims before it parses
                text = node.stringValue().strip();
            } else if (node.isNumber()) {
                text = node.decimalValue().toPlainString();
            } else {
                throw error(path, "Invalid value: " + node + ": must be a quantity, a string such as \"500m\" or a number");
            }
            try {
                return Quantity.parse(text);
            } catch (IllegalArgumentException e) {
                throw new ManifestException(prefix + path + ": " + e.getMessage(), e);
            }
        }
    }

    // ---------------------------------------------------------------- YAML documents to trees

    /**
     * The documents of a text, as trees, null nodes for empty ones. Built from the parser's
     * tokens rather than with {@code readTree}, because the YAML parser hands an alias over as
     * the anchor's name: here an alias stands for the anchored value, and a {@code <<} key merges
     * a mapping (or a list of them) into the one that holds it.
     */
    private static List<JsonNode> documents(String text, String source) {
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(text)) {
            YAMLParser yaml = (YAMLParser) parser;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                documents.add(value(yaml, token, new HashMap<>()));
            }
        } catch (JacksonException e) {
            throw new ManifestException(source + ": not YAML or JSON" + at(e.getLocation()) + ": "
                    + oneLine(e.getOriginalMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new ManifestException(source + ": not YAML or JSON: " + e.getMessage(), e);
        }
        return documents;
    }

    private static JsonNode value(YAMLParser parser, JsonToken token, Map<String, JsonNode> anchors) {
        if (parser.isCurrentAlias()) {
            String alias = parser.getString();
            JsonNode target = anchors.get(alias);
            if (target == null) {
                // the YAML parser reports the anchors of mappings and lists, not those of scalars
                throw new IllegalArgumentException("alias *" + alias + " names no mapping or list anchored before it"
                        + at(parser.currentTokenLocation()) + " (aliases of single values are not resolved: write the value out)");
            }
            return target;
        }
        String anchor = parser.getObjectId();
        JsonNode node;
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                List<JsonNode> merged = new ArrayList<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = parser.currentName();
                    JsonNode v = value(parser, parser.nextToken(), anchors);
                    if (key.equals("<<")) {
                        merged.add(v);
                    } else {
                        object.set(key, v);
                    }
                }
                for (JsonNode m : merged) {
                    merge(object, m);
                }
                node = object;
                break;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(value(parser, t, anchors));
                }
                node = array;
                break;
            }
            case VALUE_STRING:
                node = NODES.stringNode(parser.getString());
                break;
            case VALUE_NUMBER_INT:
                node = NODES.numberNode(parser.getBigIntegerValue());
                break;
            case VALUE_NUMBER_FLOAT:
                node = NODES.numberNode(parser.getDecimalValue());
                break;
            case VALUE_TRUE:
                node = NODES.booleanNode(true);
                break;
            case VALUE_FALSE:
                node = NODES.booleanNode(false);
                break;
            case VALUE_NULL:
                node = NODES.nullNode();
                break;
            default:
                // an embedded value (!!binary): nothing jcg reads
                node = NODES.stringNode(parser.getString());
                break;
        }
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    /** YAML's merge key: the keys the mapping does not have itself come from the merged one(s). */
    private static void merge(ObjectNode into, JsonNode from) {
        if (from.isArray()) {
            for (JsonNode each : from) {
                merge(into, each);
            }
        } else if (from.isObject()) {
            for (Map.Entry<String, JsonNode> e : from.properties()) {
                if (!into.has(e.getKey())) {
                    into.set(e.getKey(), e.getValue());
                }
            }
        } else {
            throw new IllegalArgumentException("a << merge key needs a mapping or a list of mappings, not " + from);
        }
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The YAML parser's message without its quoted snippets and carets, on one line. */
    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        List<String> kept = new ArrayList<>();
        for (String line : message.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || line.startsWith(" ") || line.startsWith("\t")) {
                continue;
            }
            kept.add(trimmed);
        }
        return kept.isEmpty() ? message.strip().replaceAll("\\s+", " ") : String.join("; ", kept);
    }
}
