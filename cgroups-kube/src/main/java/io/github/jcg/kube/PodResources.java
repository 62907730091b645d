package io.github.jcg.kube;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A pod's effective requests and limits, as the scheduler and the kubelet compute them
 * (component-helpers' {@code PodRequests} and {@code PodLimits}):
 * <ul>
 * <li>the sum over the regular containers and the sidecars (restartable init containers);</li>
 * <li>at least, per resource, what each init container needs while it runs: its own amount plus
 * the sidecars started before it;</li>
 * <li>plus {@code spec.overhead}: added to every request, and to a limit only where the pod has
 * that limit.</li>
 * </ul>
 */
public final class PodResources {
    private PodResources() {
    }

    /**
     * @param pod a pod, after defaulting
     * @return its effective requests, overhead included
     */
    public static ResourceList requests(Pod pod) {
        Map<String, Quantity> sum = aggregate(pod, Container::requests);
        pod.overhead().entries().forEach((k, v) -> sum.merge(k, v, Quantity::add));
        return new ResourceList(sum);
    }

    /**
     * @param pod a pod, after defaulting
     * @return its effective limits; overhead added only to the limits the pod has
     */
    public static ResourceList limits(Pod pod) {
        Map<String, Quantity> sum = aggregate(pod, Container::limits);
        pod.overhead().entries().forEach((k, v) -> sum.computeIfPresent(k, (n, q) -> q.add(v)));
        return new ResourceList(sum);
    }

    /**
     * @param pod      a pod
     * @param resource a resource name
     * @return whether every container, init containers included, has a non-zero limit on it: the
     *         kubelet's condition for a pod-level CPU quota or memory limit
     */
    public static boolean everyContainerLimits(Pod pod, String resource) {
        return pod.allContainers().stream()
                .allMatch(c -> c.limits().get(resource).map(q -> !q.isZero()).orElse(false));
    }

    private static Map<String, Quantity> aggregate(Pod pod, Function<Container, ResourceList> of) {
        Map<String, Quantity> sum = new HashMap<>();
        for (Container c : pod.containers()) {
            of.apply(c).entries().forEach((k, v) -> sum.merge(k, v, Quantity::add));
        }
        Map<String, Quantity> sidecars = new HashMap<>();
        Map<String, Quantity> initPeak = new HashMap<>();
        for (Container c : pod.initContainers()) {
            Map<String, Quantity> whileRunning;
            if (c.kind() == Container.Kind.SIDECAR) {
                of.apply(c).entries().forEach((k, v) -> sum.merge(k, v, Quantity::add));
                of.apply(c).entries().forEach((k, v) -> sidecars.merge(k, v, Quantity::add));
                whileRunning = sidecars;
            } else {
                whileRunning = new HashMap<>(sidecars);
                of.apply(c).entries().forEach((k, v) -> whileRunning.merge(k, v, Quantity::add));
            }
            whileRunning.forEach((k, v) -> initPeak.merge(k, v, Quantity::max));
        }
        initPeak.forEach((k, v) -> sum.merge(k, v, Quantity::max));
        return sum;
    }
}
