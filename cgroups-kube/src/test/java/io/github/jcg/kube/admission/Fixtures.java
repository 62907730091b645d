package io.github.jcg.kube.admission;

import io.github.jcg.kube.Container;
import io.github.jcg.kube.LimitRange;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;
import io.github.jcg.kube.ResourceQuota;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pods, LimitRanges and quotas written tersely, after the helpers of the Go tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** {@code "cpu=100m,memory=60Mi"} to a resource list; {@code ""} is empty. */
    static ResourceList rl(String spec) {
        Map<String, Quantity> entries = new TreeMap<>();
        if (!spec.isBlank()) {
            for (String pair : spec.split(",")) {
                String[] kv = pair.split("=", 2);
                entries.put(kv[0].trim(), Quantity.parse(kv[1].trim()));
            }
        }
        return new ResourceList(entries);
    }

    /** validPod: n containers foo-0 … with the same resources, namespace "test". */
    static Pod pod(String name, int containers, String requests, String limits) {
        List<Container> list = new ArrayList<>();
        for (int i = 0; i < containers; i++) {
            list.add(new Container("foo-" + i, Container.Kind.REGULAR, rl(requests), rl(limits)));
        }
        return new Pod(name, "test", "uid-" + name, 0, List.of(), list, ResourceList.EMPTY);
    }

    /** validPodInit: init containers foo-0 … appended, each {requests, limits} in pairs. */
    static Pod withInit(Pod pod, String... requestsAndLimits) {
        List<Container> inits = new ArrayList<>(pod.initContainers());
        for (int i = 0; i < requestsAndLimits.length; i += 2) {
            inits.add(new Container("foo-" + (i / 2), Container.Kind.INIT, rl(requestsAndLimits[i]),
                    rl(requestsAndLimits[i + 1])));
        }
        return new Pod(pod.name(), pod.namespace(), pod.uid(), pod.priority(), inits, pod.containers(), pod.overhead());
    }

    /** withRestartableInitContainer. */
    static Pod withSidecar(Pod pod, String requests, String limits) {
        List<Container> inits = new ArrayList<>(pod.initContainers());
        inits.add(new Container("foo-" + inits.size(), Container.Kind.SIDECAR, rl(requests), rl(limits)));
        return new Pod(pod.name(), pod.namespace(), pod.uid(), pod.priority(), inits, pod.containers(), pod.overhead());
    }

    static Pod withOverhead(Pod pod, String overhead) {
        return new Pod(pod.name(), pod.namespace(), pod.uid(), pod.priority(), pod.initContainers(),
                pod.containers(), rl(overhead));
    }

    static Pod inNamespace(Pod pod, String namespace) {
        return new Pod(pod.name(), namespace, pod.uid(), pod.priority(), pod.initContainers(),
                pod.containers(), pod.overhead());
    }

    /** One container with a name of its own. */
    static Pod single(String podName, String containerName, String requests, String limits) {
        return new Pod(podName, "test", "uid-" + podName, 0, List.of(),
                List.of(new Container(containerName, Container.Kind.REGULAR, rl(requests), rl(limits))),
                ResourceList.EMPTY);
    }

    /** createLimitRange: one item, "abc" in namespace "test". */
    static LimitRange limitRange(String type, String min, String max, String defaultLimits,
                                 String defaultRequests, String ratio) {
        return new LimitRange("abc", "test", List.of(item(type, min, max, defaultLimits, defaultRequests, ratio)));
    }

    static LimitRange.Item item(String type, String min, String max, String defaultLimits,
                                String defaultRequests, String ratio) {
        return new LimitRange.Item(type, rl(max), rl(min), rl(defaultLimits), rl(defaultRequests), rl(ratio));
    }

    /** validLimitRange of the Go tests. */
    static LimitRange validLimitRange() {
        return new LimitRange("abc", "test", List.of(
                item("Pod", "cpu=50m,memory=2Mi", "cpu=200m,memory=4Gi", "", "", ""),
                item("Container", "cpu=25m,memory=1Mi", "cpu=100m,memory=2Gi", "cpu=75m,memory=10Mi",
                        "cpu=50m,memory=5Mi", "")));
    }

    static ResourceQuota quota(String name, String hard) {
        return new ResourceQuota(name, "test", rl(hard));
    }
}
