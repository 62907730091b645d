package io.github.jcg.demo.kube;

import io.github.jcg.kube.Container;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pods of act two, as the API server would hand them to the kubelet (defaulting applied: a
 * limit without a request gets the limit as its request). Each pod has one container; its uid
 * is derived from its name and the run's id, so two runs never share a pod group's name.
 */
public final class DemoPods {
    /** The namespace every demo pod is in. */
    public static final String NAMESPACE = "jcg-demo";
    /** The container of {@code small} and {@code big}: the multi-threaded fibtest. */
    public static final String FIBTEST = "fibtest";
    /** The container of {@code hog}: {@code tail /dev/zero}. */
    public static final String TAIL = "tail";
    /** The pod with the small CPU request. */
    public static final String SMALL = "small";
    /** The pod with three times small's CPU request. */
    public static final String BIG = "big";
    /** The pod with a memory limit and a workload that grows without bound. */
    public static final String HOG = "hog";
    /** small's {@code requests.cpu}. */
    public static final Quantity SMALL_REQUEST = Quantity.parse("250m");
    /** big's {@code requests.cpu} in step 1. */
    public static final Quantity BIG_REQUEST = Quantity.parse("750m");
    /** hog's {@code limits.memory}. */
    public static final Quantity HOG_MEMORY = Quantity.parse("64Mi");
    /** Steps of the CPU limit of step 2 are multiples of this, in millicores. */
    static final long LIMIT_STEP_MILLIS = 250;

    private final String runId;

    /** @param runId what makes this run's pod uids its own (the cgroup root's name does) */
    public DemoPods(String runId) {
        this.runId = runId;
    }

    /** @return small: Burstable, {@code requests.cpu: 250m}, no limits */
    public Pod small() {
        return pod(SMALL, "", FIBTEST, Map.of(ResourceList.CPU, SMALL_REQUEST), Map.of());
    }

    /** @return big: Burstable, {@code requests.cpu: 750m}, no limits */
    public Pod big() {
        return pod(BIG, "", FIBTEST, Map.of(ResourceList.CPU, BIG_REQUEST), Map.of());
    }

    /**
     * @param limitMillis the CPU limit in millicores
     * @return big again with {@code requests.cpu = limits.cpu = limitMillis}: still Burstable
     *         (no memory limit), now with a CFS quota
     */
    public Pod bigLimited(long limitMillis) {
        Quantity limit = Quantity.ofMilli(limitMillis);
        // a pod's resources cannot change: this is a new pod by the same name, with its own uid
        return pod(BIG, "limited", FIBTEST, Map.of(ResourceList.CPU, limit), Map.of(ResourceList.CPU, limit));
    }

    /** @return hog: {@code limits.memory: 64Mi}, the request defaulted to it; Burstable */
    public Pod hog() {
        return pod(HOG, "", TAIL, Map.of(), Map.of(ResourceList.MEMORY, HOG_MEMORY));
    }

    /**
     * The CPU limit of step 2: a third of the machine, rounded to the nearest 250m (at least
     * 250m), so that big, which wants every CPU, is held well below the share its request won
     * it in step 1. 2 CPUs: 750m; 4: 1250m; 16: 5250m.
     *
     * @param cpus the machine's CPUs
     * @return millicores
     */
    public static long limitMillis(int cpus) {
        long third = Math.round(cpus * 1000.0 / 3 / LIMIT_STEP_MILLIS) * LIMIT_STEP_MILLIS;
        return Math.max(LIMIT_STEP_MILLIS, third);
    }

    private Pod pod(String name, String incarnation, String container, Map<String, Quantity> requests, Map<String, Quantity> limits) {
        // the API server's defaulting: a limit without a request makes the request
        java.util.Map<String, Quantity> defaulted = new java.util.TreeMap<>(limits);
        defaulted.putAll(requests);
        Container c = new Container(container, Container.Kind.REGULAR, new ResourceList(defaulted), new ResourceList(limits));
        return new Pod(name, NAMESPACE, uid(name + incarnation), 0, List.of(), List.of(c), ResourceList.EMPTY);
    }

    private String uid(String name) {
        return UUID.nameUUIDFromBytes((runId + "/" + NAMESPACE + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
