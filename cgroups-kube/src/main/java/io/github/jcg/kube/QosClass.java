package io.github.jcg.kube;

import java.util.Map;
import java.util.TreeMap;

/**
 * A pod's quality-of-service class, computed as the API server computes
 * {@code status.qosClass} (apimachinery's {@code ComputePodQOS}): only CPU and memory count, and
 * init containers count like regular ones.
 */
public enum QosClass {
    /**
     * Every container has a CPU and a memory limit, and the pod's summed requests equal its summed
     * limits. A request left out defaults to its limit (the manifest reader applies that, as the
     * API server's defaulting does).
     */
    GUARANTEED("Guaranteed"),
    /** Anything between the two others. */
    BURSTABLE("Burstable"),
    /** No container requests or limits any CPU or memory. */
    BEST_EFFORT("BestEffort");

    private final String apiName;

    QosClass(String apiName) {
        this.apiName = apiName;
    }

    /** @return the API's spelling: {@code Guaranteed}, {@code Burstable}, {@code BestEffort} */
    public String apiName() {
        return apiName;
    }

    /** @return {@link #apiName()} */
    @Override
    public String toString() {
        return apiName;
    }

    /**
     * @param pod a pod, after defaulting
     * @return its class
     */
    public static QosClass of(Pod pod) {
        Map<String, Quantity> requests = new TreeMap<>();
        Map<String, Quantity> limits = new TreeMap<>();
        boolean guaranteed = true;
        // the API server walks the regular containers, then the init containers
        java.util.List<Container> all = new java.util.ArrayList<>(pod.containers());
        all.addAll(pod.initContainers());
        for (Container c : all) {
            sumPositive(c.requests(), requests);
            boolean cpuLimit = c.limits().cpu().signum() > 0;
            boolean memoryLimit = c.limits().memory().signum() > 0;
            sumPositive(c.limits(), limits);
            if (!cpuLimit || !memoryLimit) {
                guaranteed = false;
            }
        }
        if (requests.isEmpty() && limits.isEmpty()) {
            return BEST_EFFORT;
        }
        if (guaranteed) {
            for (Map.Entry<String, Quantity> r : requests.entrySet()) {
                Quantity l = limits.get(r.getKey());
                if (l == null || l.compareTo(r.getValue()) != 0) {
                    guaranteed = false;
                    break;
                }
            }
        }
        return guaranteed && requests.size() == limits.size() ? GUARANTEED : BURSTABLE;
    }

    private static void sumPositive(ResourceList list, Map<String, Quantity> into) {
        for (String name : new String[] {ResourceList.CPU, ResourceList.MEMORY}) {
            Quantity q = list.get(name).orElse(Quantity.ZERO);
            if (q.signum() > 0) {
                into.merge(name, q, Quantity::add);
            }
        }
    }
}
