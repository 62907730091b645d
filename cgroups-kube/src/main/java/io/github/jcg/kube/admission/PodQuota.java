package io.github.jcg.kube.admission;

import io.github.jcg.kube.Container;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.PodResources;
import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ResourceQuota evaluator for pods (pkg/quota/v1/evaluator/core/pods.go): which quota
 * resources a pod consumes, how much, and which a quota forces every container to name.
 * Quota scopes and pod phases are not modelled: every pod counts.
 */
final class PodQuota {
    static final String PODS = "pods";
    static final String COUNT_PODS = "count/pods";

    /** The resources the pod evaluator tracks by exact name. */
    private static final Set<String> POD_RESOURCES = Set.of(COUNT_PODS, "cpu", "memory",
            "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage",
            "limits.cpu", "limits.memory", "limits.ephemeral-storage", PODS);

    /**
     * The resources a quota on which makes every container name them: a compatibility rule of
     * the evaluator, kept only for cpu and memory.
     */
    private static final Set<String> MUST_SPECIFY = Set.of("cpu", "memory", "requests.cpu",
            "requests.memory", "limits.cpu", "limits.memory");

    private PodQuota() {
    }

    /** MatchingResources: the names of {@code hard} that pods consume. */
    static Set<String> matchingResources(ResourceList hard) {
        Set<String> matched = new TreeSet<>();
        for (String name : hard.entries().keySet()) {
            boolean hugepages = name.startsWith(ResourceNames.HUGEPAGES_PREFIX)
                    || name.startsWith(ResourceNames.REQUESTS_PREFIX + ResourceNames.HUGEPAGES_PREFIX);
            boolean extended = !ResourceNames.isNative(name) && name.startsWith(ResourceNames.REQUESTS_PREFIX);
            if (POD_RESOURCES.contains(name) || hugepages || extended) {
                matched.add(name);
            }
        }
        return matched;
    }

    /** PodUsageFunc: what the pod consumes, its effective requests and limits with overhead. */
    static ResourceList usage(Pod pod) {
        Map<String, Quantity> usage = new TreeMap<>(computeUsage(PodResources.requests(pod), PodResources.limits(pod)));
        usage.put(COUNT_PODS, Quantity.of(1));
        return new ResourceList(usage);
    }

    /**
     * Constraints: for every resource of {@code restricted} that containers must name, the
     * containers that do not; null when all do.
     */
    static String missingRequirements(Set<String> restricted, Pod pod) {
        Set<String> required = new TreeSet<>(restricted);
        required.retainAll(MUST_SPECIFY);
        Map<String, Set<String>> missing = new TreeMap<>();
        List<Container> all = new ArrayList<>(pod.containers());
        all.addAll(pod.initContainers());
        for (Container c : all) {
            Set<String> named = computeUsage(c.requests(), c.limits()).keySet();
            for (String resource : required) {
                if (!named.contains(resource)) {
                    missing.computeIfAbsent(resource, r -> new TreeSet<>()).add(c.name());
                }
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        missing.forEach((resource, names) -> parts.add(resource + " for: " + String.join(",", names)));
        return "must specify " + String.join("; ", parts);
    }

    /** podComputeUsageHelper: quota names for what a request and limit list holds. */
    private static Map<String, Quantity> computeUsage(ResourceList requests, ResourceList limits) {
        Map<String, Quantity> usage = new TreeMap<>();
        usage.put(PODS, Quantity.of(1));
        for (String resource : new String[] {"cpu", "memory", "ephemeral-storage"}) {
            requests.get(resource).ifPresent(q -> {
                usage.put(resource, q);
                usage.put(ResourceNames.REQUESTS_PREFIX + resource, q);
            });
            limits.get(resource).ifPresent(q -> usage.put("limits." + resource, q));
        }
        requests.entries().forEach((resource, q) -> {
            if (resource.startsWith(ResourceNames.HUGEPAGES_PREFIX)) {
                usage.put(resource, q);
                usage.put(ResourceNames.REQUESTS_PREFIX + resource, q);
            }
            if (ResourceNames.isExtended(resource)) {
                usage.put(ResourceNames.REQUESTS_PREFIX + resource, q);
            }
        });
        return usage;
    }
}
