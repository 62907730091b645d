package io.github.jcg.kube.eviction;

import io.github.jcg.kube.Pod;
import io.github.jcg.kube.PodResources;
import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which the kubelet evicts pods when the node is under memory pressure
 * (pkg/kubelet/eviction/helpers.go, rankMemoryPressure):
 * <ol>
 * <li>pods whose memory usage exceeds their request, before those within it;</li>
 * <li>then lower {@code spec.priority} first;</li>
 * <li>then the larger usage above the request first.</li>
 * </ol>
 * QoS classes do not enter directly: a BestEffort pod requests nothing, so any usage exceeds it;
 * a Guaranteed pod is limited to its request and so cannot exceed it by much.
 */
public final class EvictionRanking {
    private EvictionRanking() {
    }

    /**
     * Ranks pods for eviction. Pods that compare equal keep the order given (the kubelet's sort
     * is not stable, so there it is unspecified).
     *
     * @param pods the running pods and their memory usage
     * @return the same pods, the first to evict first, ranked from 1
     */
    public static List<Candidate> rank(List<PodUsage> pods) {
        List<Candidate> unranked = new ArrayList<>();
        for (PodUsage usage : pods) {
            long request = memoryRequest(usage.pod()).value();
            long usageBytes = usage.workingSetBytes();
            unranked.add(new Candidate(0, usage.pod(), usageBytes, request, usageBytes > request,
                    usage.pod().priority(), usageBytes - request));
        }
        // List.sort is stable: equal pods keep the caller's order
        unranked.sort(Comparator.comparing(Candidate::exceedsRequest).reversed()
                .thenComparingInt(Candidate::priority)
                .thenComparing(Comparator.comparingLong(Candidate::usageMinusRequest).reversed()));
        List<Candidate> ranked = new ArrayList<>();
        for (Candidate c : unranked) {
            ranked.add(new Candidate(ranked.size() + 1, c.pod(), c.usageBytes(), c.requestBytes(),
                    c.exceedsRequest(), c.priority(), c.usageMinusRequest()));
        }
        return List.copyOf(ranked);
    }

    /**
     * GetResourceRequestQuantity for memory: the containers' effective request without the
     * overhead, then the overhead added only when that request is not zero.
     *
     * @param pod a pod
     * @return its memory request as eviction ranks by it
     */
    static Quantity memoryRequest(Pod pod) {
        Pod withoutOverhead = new Pod(pod.name(), pod.namespace(), pod.uid(), pod.priority(),
                pod.initContainers(), pod.containers(), ResourceList.EMPTY);
        Quantity request = PodResources.requests(withoutOverhead).memory();
        if (!request.isZero()) {
            request = request.add(pod.overhead().memory());
        }
        return request;
    }
}
