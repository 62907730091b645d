package io.github.jcg.kube.eviction;

import io.github.jcg.kube.Container;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tables of pkg/kubelet/eviction/helpers_test.go, through the whole memory-pressure order. */
class EvictionRankingTest {
    private static final int LOW = -1;
    private static final int DEFAULT = 0;
    private static final int HIGH = 1;
    private static final long MI = 1024 * 1024;

    @Test
    void podAboveItsRequestGoesFirstWhateverItsPriority() {
        // TestOrderedByExceedsRequestMemory
        PodUsage below = usage(pod("below-requests", -1, "memory=200Mi", ""), 199 * MI);
        PodUsage exceeds = usage(pod("exceeds-requests", 1, "memory=100Mi", ""), 101 * MI);

        assertThat(names(EvictionRanking.rank(List.of(below, exceeds))))
                .containsExactly("exceeds-requests", "below-requests");
    }

    @Test
    void lowerPriorityGoesFirst() {
        // TestOrderedByPriority: no usage, so no pod exceeds its request
        PodUsage low = usage(pod("low-priority", -134, "", ""), 0);
        PodUsage medium = usage(pod("medium-priority", 1, "cpu=100m,memory=100Mi", "cpu=200m,memory=200Mi"), 0);
        PodUsage high = usage(pod("high-priority", 12534, "cpu=200m,memory=200Mi", "cpu=200m,memory=200Mi"), 0);

        assertThat(names(EvictionRanking.rank(List.of(high, medium, low))))
                .containsExactly("low-priority", "medium-priority", "high-priority");
    }

    @Test
    void greediestConsumerRelativeToRequestGoesFirst() {
        // TestOrderedByMemory
        List<PodUsage> pods = List.of(
                usage(pod("best-effort-high", DEFAULT, "", ""), 500 * MI),
                usage(pod("best-effort-low", DEFAULT, "", ""), 300 * MI),
                usage(pod("burstable-high", DEFAULT, "memory=100Mi", "memory=1Gi"), 800 * MI),
                usage(pod("burstable-low", DEFAULT, "memory=100Mi", "memory=1Gi"), 300 * MI),
                usage(pod("guaranteed-high", DEFAULT, "memory=1Gi", "memory=1Gi"), 800 * MI),
                usage(pod("guaranteed-low", DEFAULT, "memory=1Gi", "memory=1Gi"), 200 * MI));

        assertThat(names(EvictionRanking.rank(pods))).containsExactly("burstable-high", "best-effort-high",
                "best-effort-low", "burstable-low", "guaranteed-high", "guaranteed-low");
    }

    @Test
    void exceedingThenPriorityThenUsageAboveRequest() {
        // TestOrderedByPriorityMemory, given in reverse
        List<PodUsage> pods = new ArrayList<>(List.of(
                usage(pod("above-requests-low-priority-high-usage", LOW, "", ""), 500 * MI),
                usage(pod("above-requests-low-priority-low-usage", LOW, "", ""), 50 * MI),
                usage(pod("above-requests-high-priority-high-usage", HIGH, "memory=100Mi", ""), 600 * MI),
                usage(pod("above-requests-high-priority-low-usage", HIGH, "memory=100Mi", ""), 150 * MI),
                usage(pod("below-requests-low-priority-high-usage", LOW, "memory=1Gi", ""), 800 * MI),
                usage(pod("below-requests-low-priority-low-usage", LOW, "memory=1Gi", ""), 200 * MI),
                usage(pod("below-requests-high-priority-high-usage", HIGH, "memory=1Gi", ""), 800 * MI),
                usage(pod("below-requests-high-priority-low-usage", HIGH, "memory=1Gi", ""), 200 * MI)));
        List<String> expected = names0(pods);
        java.util.Collections.reverse(pods);

        assertThat(names(EvictionRanking.rank(pods))).isEqualTo(expected);
    }

    @Test
    void candidatesCarryTheFiguresThatPlacedThem() {
        List<Candidate> ranked = EvictionRanking.rank(List.of(
                usage(pod("guaranteed", 5, "memory=1Gi", "memory=1Gi"), 800 * MI),
                usage(pod("burstable", 5, "memory=100Mi", "memory=1Gi"), 300 * MI)));

        assertThat(ranked.get(0)).extracting(Candidate::rank, c -> c.pod().name(), Candidate::usageBytes,
                        Candidate::requestBytes, Candidate::exceedsRequest, Candidate::priority, Candidate::usageMinusRequest)
                .containsExactly(1, "burstable", 300 * MI, 100 * MI, true, 5, 200 * MI);
        assertThat(ranked.get(1)).extracting(Candidate::rank, c -> c.pod().name(), Candidate::exceedsRequest,
                        Candidate::usageMinusRequest)
                .containsExactly(2, "guaranteed", false, -224 * MI);
    }

    @ParameterizedTest(name = "usage {0} over request {1}: exceeds {2}")
    @CsvSource({"104857601, memory=100Mi, true", "104857600, memory=100Mi, false", "1, '', true", "0, '', false"})
    void usageMustBeStrictlyAboveTheRequestToExceedIt(long usage, String requests, boolean exceeds) {
        Candidate c = EvictionRanking.rank(List.of(usage(pod("p", 0, requests, ""), usage))).get(0);

        assertThat(c.exceedsRequest()).isEqualTo(exceeds);
    }

    @ParameterizedTest(name = "requests {0}, overhead {1}: {2} bytes")
    @CsvSource(delimiter = '|', textBlock = """
            memory=100Mi |              | 104857600
            memory=100Mi | memory=20Mi  | 125829120
                         | memory=20Mi  | 0
            """)
    void overheadCountsOnlyOnANonZeroRequest(String requests, String overhead, long request) {
        Pod pod = pod("p", 0, requests == null ? "" : requests, "");
        pod = new Pod(pod.name(), pod.namespace(), pod.uid(), pod.priority(), pod.initContainers(),
                pod.containers(), rl(overhead == null ? "" : overhead));

        assertThat(EvictionRanking.rank(List.of(usage(pod, 0))).get(0).requestBytes()).isEqualTo(request);
    }

    @Test
    void requestIsTheLargerOfTheContainersSumAndAnyInitContainer() {
        Pod pod = new Pod("p", "test", "u", 0,
                List.of(new Container("init", Container.Kind.INIT, rl("memory=512Mi"), ResourceList.EMPTY)),
                List.of(new Container("a", Container.Kind.REGULAR, rl("memory=128Mi"), ResourceList.EMPTY),
                        new Container("b", Container.Kind.REGULAR, rl("memory=128Mi"), ResourceList.EMPTY)),
                ResourceList.EMPTY);

        assertThat(EvictionRanking.rank(List.of(usage(pod, 0))).get(0).requestBytes()).isEqualTo(512 * MI);
    }

    @Test
    void equalPodsKeepTheOrderGiven() {
        List<PodUsage> pods = List.of(usage(pod("first", 0, "", ""), MI), usage(pod("second", 0, "", ""), MI),
                usage(pod("third", 0, "", ""), MI));

        assertThat(EvictionRanking.rank(pods)).extracting(Candidate::rank, c -> c.pod().name())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "first"),
                        org.assertj.core.groups.Tuple.tuple(2, "second"),
                        org.assertj.core.groups.Tuple.tuple(3, "third"));
    }

    @Test
    void negativeUsageIsRefusedNamingThePod() {
        assertThatThrownBy(() -> usage(pod("web", 0, "", ""), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workingSetBytes of pod test/web must be at least 0 (got -1)");
    }

    @Test
    void noPodsNoCandidates() {
        assertThat(EvictionRanking.rank(List.of())).isEmpty();
    }

    private static PodUsage usage(Pod pod, long bytes) {
        return new PodUsage(pod, bytes);
    }

    private static Pod pod(String name, int priority, String requests, String limits) {
        return new Pod(name, "test", "uid-" + name, priority, List.of(),
                List.of(new Container(name, Container.Kind.REGULAR, rl(requests), rl(limits))), ResourceList.EMPTY);
    }

    private static ResourceList rl(String spec) {
        Map<String, Quantity> entries = new TreeMap<>();
        if (!spec.isBlank()) {
            for (String pair : spec.split(",")) {
                String[] kv = pair.split("=", 2);
                entries.put(kv[0], Quantity.parse(kv[1]));
            }
        }
        return new ResourceList(entries);
    }

    private static List<String> names(List<Candidate> ranked) {
        return ranked.stream().map(c -> c.pod().name()).toList();
    }

    private static List<String> names0(List<PodUsage> pods) {
        return pods.stream().map(p -> p.pod().name()).toList();
    }
}
