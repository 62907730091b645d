package io.github.jcg.kube.node;

import io.github.jcg.kube.ManifestException;
import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a {@code KubeletConfiguration} (YAML or JSON) into a {@link KubeletConfig}: the
 * kubelet's defaulting ({@code pkg/kubelet/apis/config/v1beta1/defaults.go}), its parsing of
 * reservations and eviction thresholds ({@code cmd/kubelet/app/server.go},
 * {@code pkg/kubelet/eviction/helpers.go}) and the checks of
 * {@code pkg/kubelet/apis/config/validation/validation.go} that touch the fields modelled,
 * with the kubelet's words.
 */
final class KubeletConfigReader {

    static final String KIND = "KubeletConfiguration";
    static final String API_VERSION = "kubelet.config.k8s.io/v1beta1";
    static final String MEMORY_AVAILABLE = "memory.available";
    static final String CUSTOM_CFS_PERIOD_GATE = "CustomCPUCFSQuotaPeriod";
    static final long DEFAULT_CFS_PERIOD_NANOS = 100_000_000L;

    /** What {@code parseResourceList} in the kubelet's server.go lets a reservation name. */
    private static final Set<String> RESERVABLE = Set.of("cpu", "memory", "ephemeral-storage", "pid");

    // enforceNodeAllocatable's keys (pkg/kubelet/types/constants.go)
    static final String PODS = "pods";
    private static final String SYSTEM_RESERVED = "system-reserved";
    private static final String SYSTEM_RESERVED_COMPRESSIBLE = "system-reserved-compressible";
    private static final String KUBE_RESERVED = "kube-reserved";
    private static final String KUBE_RESERVED_COMPRESSIBLE = "kube-reserved-compressible";
    private static final String NONE = "none";

    private static final YAMLMapper YAML = new YAMLMapper();

    private final String source;

    private KubeletConfigReader(String source) {
        this.source = source;
    }

    static KubeletConfig parse(String text, String source) {
        return new KubeletConfigReader(source).read(text);
    }

    private KubeletConfig read(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            throw fail("not YAML or JSON: " + firstLine(e.getOriginalMessage()), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw fail("empty; a kubelet configuration starts with apiVersion: " + API_VERSION
                    + " and kind: " + KIND);
        }
        if (!root.isObject()) {
            throw fail("expected a mapping (apiVersion, kind, and the configuration's fields)");
        }
        requireHeader(root, "kind", KIND);
        requireHeader(root, "apiVersion", API_VERSION);

        checkCgroupDriver(optionalString(root, "cgroupDriver"));

        ResourceList systemReserved = reservation(root, "systemReserved");
        ResourceList kubeReserved = reservation(root, "kubeReserved");
        String memoryAvailable = evictionHardMemoryAvailable(root);
        List<String> enforce = enforceNodeAllocatable(root);
        boolean cpuCfsQuota = optionalBoolean(root, "cpuCFSQuota", true);
        long periodNanos = cfsQuotaPeriodNanos(root);
        double throttlingFactor = optionalNumber(root, "memoryThrottlingFactor", 0.9);
        Map<String, Boolean> gates = featureGates(root);
        boolean cgroupsPerQos = optionalBoolean(root, "cgroupsPerQOS", true);
        String cgroupRoot = optionalString(root, "cgroupRoot");
        long maxPods = optionalInteger(root, "maxPods", 0);
        String systemReservedCgroup = optionalString(root, "systemReservedCgroup");
        String kubeReservedCgroup = optionalString(root, "kubeReservedCgroup");

        List<String> problems = new ArrayList<>();
        validate(problems, cgroupsPerQos, enforce, periodNanos, gates, maxPods, throttlingFactor,
                systemReservedCgroup, kubeReservedCgroup);
        if (!problems.isEmpty()) {
            throw fail(aggregate(problems));
        }

        // defaults.go: maxPods 0 means the default; server.go: an empty cgroupRoot is / with QoS groups
        int pods = maxPods == 0 ? 110 : (int) maxPods;
        String rootGroup = cgroupRoot == null || cgroupRoot.isEmpty() ? (cgroupsPerQos ? "/" : "") : cgroupRoot;
        return new KubeletConfig(systemReserved, kubeReserved, memoryAvailable, new LinkedHashSet<>(enforce),
                cpuCfsQuota, periodNanos / 1_000, throttlingFactor, gates, rootGroup, cgroupsPerQos, pods);
    }

    // ---- header and driver ----

    private void requireHeader(JsonNode root, String field, String expected) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw fail(field + ": missing; a kubelet configuration file says apiVersion: " + API_VERSION
                    + " and kind: " + KIND);
        }
        if (!node.isString() || !node.stringValue().equals(expected)) {
            throw fail(field + ": expected " + expected + ", got " + scalarText(node));
        }
    }

    private void checkCgroupDriver(String driver) {
        if (driver == null || driver.isEmpty() || driver.equals("cgroupfs")) {
            return;
        }
        if (driver.equals("systemd")) {
            throw fail("cgroupDriver: systemd is not modelled: jcg models the cgroupfs driver "
                    + "(kubepods/burstable/pod<uid>, not kubepods.slice); set cgroupDriver: cgroupfs");
        }
        throw fail("cgroupDriver: " + quote(driver) + " is not a cgroup driver (the kubelet knows "
                + "cgroupfs and systemd; jcg models cgroupfs); set cgroupDriver: cgroupfs");
    }

    // ---- reservations and the eviction threshold ----

    private ResourceList reservation(JsonNode root, String field) {
        Map<String, String> entries = stringMap(root, field);
        Map<String, Quantity> parsed = new TreeMap<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String name = e.getKey();
            if (!RESERVABLE.contains(name)) {
                throw fail(field + ": cannot reserve " + quote(name) + " resource (the kubelet reserves "
                        + "cpu, memory, ephemeral-storage and pid)");
            }
            Quantity q;
            try {
                q = Quantity.parse(e.getValue());
            } catch (IllegalArgumentException bad) {
                throw fail(field + "." + name + ": " + bad.getMessage(), bad);
            }
            if (q.signum() < 0) {
                throw fail(field + "." + name + ": resource quantity for " + quote(name)
                        + " cannot be negative: " + e.getValue());
            }
            parsed.put(name, q);
        }
        return new ResourceList(parsed);
    }

    /**
     * The memory.available hard threshold, as the kubelet would apply it: the default
     * {@code 100Mi} when evictionHard is absent; when evictionHard is given without it, no
     * threshold ({@code 0%}, which the kubelet ignores) unless mergeDefaultEvictionSettings
     * fills it in.
     */
    private String evictionHardMemoryAvailable(JsonNode root) {
        JsonNode node = root.get("evictionHard");
        String value;
        if (node == null || node.isNull()) {
            value = KubeletConfig.DEFAULT_EVICTION_HARD_MEMORY_AVAILABLE;
        } else {
            Map<String, String> thresholds = stringMap(root, "evictionHard");
            value = thresholds.get(MEMORY_AVAILABLE);
            if (value == null) {
                value = optionalBoolean(root, "mergeDefaultEvictionSettings", false)
                        ? KubeletConfig.DEFAULT_EVICTION_HARD_MEMORY_AVAILABLE
                        : KubeletConfig.NO_EVICTION_THRESHOLD;
            }
        }
        try {
            EvictionThreshold.parse(value);
        } catch (IllegalArgumentException bad) {
            throw fail("evictionHard." + MEMORY_AVAILABLE + ": " + bad.getMessage(), bad);
        }
        return value;
    }

    // ---- the other fields ----

    private List<String> enforceNodeAllocatable(JsonNode root) {
        JsonNode node = root.get("enforceNodeAllocatable");
        if (node == null || node.isNull()) {
            return List.of(PODS);
        }
        if (!node.isArray()) {
            throw fail("enforceNodeAllocatable: expected a list such as [pods], got " + scalarText(node));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isString()) {
                throw fail("enforceNodeAllocatable[" + i + "]: expected a string, got " + scalarText(item));
            }
            values.add(item.stringValue());
        }
        return values;
    }

    private long cfsQuotaPeriodNanos(JsonNode root) {
        JsonNode node = root.get("cpuCFSQuotaPeriod");
        if (node == null || node.isNull()) {
            return DEFAULT_CFS_PERIOD_NANOS;
        }
        if (!node.isString()) {
            throw fail("cpuCFSQuotaPeriod: expected a duration string such as 100ms, got " + scalarText(node));
        }
        try {
            return GoDuration.parseNanos(node.stringValue());
        } catch (IllegalArgumentException bad) {
            throw fail("cpuCFSQuotaPeriod: " + bad.getMessage() + "; write a duration such as 100ms", bad);
        }
    }

    private Map<String, Boolean> featureGates(JsonNode root) {
        JsonNode node = root.get("featureGates");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw fail("featureGates: expected a mapping of gate names to true or false");
        }
        Map<String, Boolean> gates = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isBoolean()) {
                throw fail("featureGates." + e.getKey() + ": expected true or false, got "
                        + scalarText(e.getValue()));
            }
            gates.put(e.getKey(), e.getValue().booleanValue());
        }
        return gates;
    }

    // ---- validation.go, the part about the fields read ----

    private static void validate(List<String> problems, boolean cgroupsPerQos, List<String> enforce,
                                 long periodNanos, Map<String, Boolean> gates, long maxPods,
                                 double throttlingFactor, String systemReservedCgroup,
                                 String kubeReservedCgroup) {
        String p = "invalid configuration: ";
        if (!cgroupsPerQos && !enforce.isEmpty()) {
            problems.add(p + "enforceNodeAllocatable (--enforce-node-allocatable) is not supported unless "
                    + "cgroupsPerQOS (--cgroups-per-qos) is set to true");
        }
        boolean customPeriod = gates.getOrDefault(CUSTOM_CFS_PERIOD_GATE, false);
        if (!customPeriod && periodNanos != DEFAULT_CFS_PERIOD_NANOS) {
            problems.add(p + "cpuCFSQuotaPeriod (--cpu-cfs-quota-period) {" + GoDuration.format(periodNanos)
                    + "} requires feature gate " + CUSTOM_CFS_PERIOD_GATE);
        }
        if (customPeriod && (periodNanos < 1_000_000L || periodNanos > 1_000_000_000L)) {
            problems.add(p + "cpuCFSQuotaPeriod (--cpu-cfs-quota-period) {" + GoDuration.format(periodNanos)
                    + "} must be between 1ms and 1sec, inclusive");
        }
        if (maxPods < 0) {
            problems.add(p + "maxPods (--max-pods) " + maxPods + " must not be a negative number");
        }
        validateEnforcement(problems, cgroupsPerQos, enforce, systemReservedCgroup, kubeReservedCgroup);
        if (throttlingFactor <= 0 || throttlingFactor > 1.0) {
            problems.add(p + "memoryThrottlingFactor " + goFloat(throttlingFactor)
                    + " must be greater than 0 and less than or equal to 1.0");
        }
    }

    private static void validateEnforcement(List<String> problems, boolean cgroupsPerQos, List<String> enforce,
                                            String systemReservedCgroup, String kubeReservedCgroup) {
        String p = "invalid configuration: ";
        Set<String> seen = new LinkedHashSet<>();
        for (String value : enforce) {
            String rival = switch (value) {
                case SYSTEM_RESERVED -> SYSTEM_RESERVED_COMPRESSIBLE;
                case SYSTEM_RESERVED_COMPRESSIBLE -> SYSTEM_RESERVED;
                case KUBE_RESERVED -> KUBE_RESERVED_COMPRESSIBLE;
                case KUBE_RESERVED_COMPRESSIBLE -> KUBE_RESERVED;
                default -> null;
            };
            if (rival != null) {
                if (seen.contains(rival)) {
                    String plain = value.endsWith("-compressible") ? rival : value;
                    problems.add(p + "both " + quote(plain) + " and " + quote(plain + "-compressible")
                            + " cannot be specified together in enforceNodeAllocatable (--enforce-node-allocatable)");
                }
                seen.add(value);
            }
        }
        for (String value : enforce) {
            switch (value) {
                case PODS:
                    break;
                case SYSTEM_RESERVED:
                case SYSTEM_RESERVED_COMPRESSIBLE:
                    if (systemReservedCgroup == null || systemReservedCgroup.isEmpty()) {
                        problems.add(p + "systemReservedCgroup (--system-reserved-cgroup) must be specified when "
                                + quote(SYSTEM_RESERVED) + " or " + quote(SYSTEM_RESERVED_COMPRESSIBLE)
                                + " contained in enforceNodeAllocatable (--enforce-node-allocatable)");
                    }
                    break;
                case KUBE_RESERVED:
                case KUBE_RESERVED_COMPRESSIBLE:
                    if (kubeReservedCgroup == null || kubeReservedCgroup.isEmpty()) {
                        problems.add(p + "kubeReservedCgroup (--kube-reserved-cgroup) must be specified when "
                                + quote(KUBE_RESERVED) + " or " + quote(KUBE_RESERVED_COMPRESSIBLE)
                                + " contained in enforceNodeAllocatable (--enforce-node-allocatable)");
                    }
                    break;
                case NONE:
                    if (enforce.size() > 1) {
                        problems.add(p + "enforceNodeAllocatable (--enforce-node-allocatable) may not contain "
                                + "additional enforcements when " + quote(NONE) + " is specified");
                    }
                    break;
                default:
                    problems.add(p + "option " + quote(value) + " specified for enforceNodeAllocatable "
                            + "(--enforce-node-allocatable). Valid options are " + quote(PODS) + ", "
                            + quote(SYSTEM_RESERVED) + ", " + quote(SYSTEM_RESERVED_COMPRESSIBLE) + ", "
                            + quote(KUBE_RESERVED) + ", " + quote(KUBE_RESERVED_COMPRESSIBLE) + " or "
                            + quote(NONE));
                    continue;
            }
            if (!cgroupsPerQos) {
                problems.add(p + "cgroupsPerQOS (--cgroups-per-qos) must be set to true when " + quote(value)
                        + " contained in enforceNodeAllocatable (--enforce-node-allocatable)");
            }
        }
    }

    /** apimachinery's aggregate error: one message as is, several in brackets, repeats once. */
    static String aggregate(List<String> messages) {
        Set<String> distinct = new LinkedHashSet<>(messages);
        if (distinct.size() == 1) {
            return distinct.iterator().next();
        }
        return "[" + String.join(", ", distinct) + "]";
    }

    // ---- scalar helpers ----

    private Map<String, String> stringMap(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw fail(field + ": expected a mapping such as {cpu: 100m, memory: 1Gi}, got " + scalarText(node));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            // a YAML number (cpu: 1) is the quantity it spells; structures are mistakes
            if (!v.isString() && !v.isNumber()) {
                throw fail(field + "." + e.getKey() + ": expected a quantity, got " + scalarText(v));
            }
            out.put(e.getKey(), v.isString() ? v.stringValue() : v.asString());
        }
        return out;
    }

    private String optionalString(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw fail(field + ": expected a string, got " + scalarText(node));
        }
        return node.stringValue();
    }

    private boolean optionalBoolean(JsonNode root, String field, boolean otherwise) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.isBoolean()) {
            throw fail(field + ": expected true or false, got " + scalarText(node));
        }
        return node.booleanValue();
    }

    private double optionalNumber(JsonNode root, String field, double otherwise) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.isNumber()) {
            throw fail(field + ": expected a number, got " + scalarText(node));
        }
        return node.doubleValue();
    }

    private long optionalInteger(JsonNode root, String field, long otherwise) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw fail(field + ": expected a whole number (a 32-bit integer), got " + scalarText(node));
        }
        return node.intValue();
    }

    private static String scalarText(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isString()) {
            return quote(node.stringValue());
        }
        return node.asString();
    }

    /** Go's {@code %v} of a float64, for the values a throttling factor takes: 1.1, 0, -0.5, 2. */
    static String goFloat(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "NaN" : (value > 0 ? "+Inf" : "-Inf");
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private ManifestException fail(String message) {
        return new ManifestException(source + ": " + message);
    }

    private ManifestException fail(String message, Throwable cause) {
        return new ManifestException(source + ": " + message, cause);
    }
}
