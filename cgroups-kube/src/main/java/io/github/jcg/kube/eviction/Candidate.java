package io.github.jcg.kube.eviction;

import io.github.jcg.kube.Pod;

/**
 * One pod in the kubelet's eviction order under memory pressure, with the figures that placed it.
 *
 * @param rank              1 for the pod evicted first
 * @param pod               the pod
 * @param usageBytes        its memory working set
 * @param requestBytes      its memory request as the kubelet ranks by it: the effective request
 *                          of its containers, plus {@code spec.overhead} when that request is not
 *                          zero; rounded up to whole bytes
 * @param exceedsRequest    whether usage is above the request (such pods go first)
 * @param priority          {@code spec.priority} (lower goes first)
 * @param usageMinusRequest usage less request, negative below the request (larger goes first)
 */
public record Candidate(int rank, Pod pod, long usageBytes, long requestBytes, boolean exceedsRequest,
                        int priority, long usageMinusRequest) {
}
