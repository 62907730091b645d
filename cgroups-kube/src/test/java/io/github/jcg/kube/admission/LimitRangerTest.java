package io.github.jcg.kube.admission;

import io.github.jcg.kube.Container;
import io.github.jcg.kube.LimitRange;
import io.github.jcg.kube.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.github.jcg.kube.admission.Fixtures.limitRange;
import static io.github.jcg.kube.admission.Fixtures.pod;
import static io.github.jcg.kube.admission.Fixtures.rl;
import static io.github.jcg.kube.admission.Fixtures.validLimitRange;
import static io.github.jcg.kube.admission.Fixtures.withInit;
import static io.github.jcg.kube.admission.Fixtures.withSidecar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The tables of plugin/pkg/admission/limitranger/admission_test.go. The Go test only checks
 * that an error occurs; here each case carries the exact message its format strings give.
 */
class LimitRangerTest {
    private static final String C = "Container";
    private static final String P = "Pod";

    /** TestPodLimitFunc's success cases: mutate, then validate, without error. */
    static Stream<Arguments> successCases() {
        return Stream.of(
                arguments(pod("ctr-min-cpu-request", 1, "cpu=100m", ""), limitRange(C, "cpu=50m", "", "", "", "")),
                arguments(pod("ctr-min-cpu-request-limit", 1, "cpu=100m", "cpu=200m"), limitRange(C, "cpu=50m", "", "", "", "")),
                arguments(pod("ctr-min-memory-request", 1, "memory=60Mi", ""), limitRange(C, "memory=50Mi", "", "", "", "")),
                arguments(pod("ctr-min-memory-request-limit", 1, "memory=60Mi", "memory=100Mi"), limitRange(C, "memory=50Mi", "", "", "", "")),
                arguments(pod("ctr-max-cpu-request-limit", 1, "cpu=500m", "cpu=1"), limitRange(C, "", "cpu=2", "", "", "")),
                arguments(pod("ctr-max-cpu-limit", 1, "", "cpu=1"), limitRange(C, "", "cpu=2", "", "", "")),
                arguments(pod("ctr-max-mem-request-limit", 1, "memory=250Mi", "memory=500Mi"), limitRange(C, "", "memory=1Gi", "", "", "")),
                arguments(pod("ctr-max-cpu-ratio", 1, "cpu=500m", "cpu=750m"), limitRange(C, "", "", "", "", "cpu=1.5")),
                arguments(pod("ctr-max-mem-limit", 1, "", "memory=500Mi"), limitRange(C, "", "memory=1Gi", "", "", "")),
                arguments(pod("pod-min-cpu-request", 2, "cpu=75m", ""), limitRange(P, "cpu=100m", "", "", "", "")),
                arguments(pod("pod-min-cpu-request-limit", 2, "cpu=75m", "cpu=200m"), limitRange(P, "cpu=100m", "", "", "", "")),
                arguments(pod("pod-min-memory-request", 2, "memory=60Mi", ""), limitRange(P, "memory=100Mi", "", "", "", "")),
                arguments(pod("pod-min-memory-request-limit", 2, "memory=60Mi", "memory=100Mi"), limitRange(P, "memory=100Mi", "", "", "", "")),
                arguments(withInit(pod("pod-init-min-memory-request", 2, "memory=60Mi", ""), "memory=100Mi", ""),
                        limitRange(P, "memory=100Mi", "", "", "", "")),
                arguments(withInit(pod("pod-init-min-memory-request-limit", 2, "memory=60Mi", "memory=100Mi"), "memory=80Mi", "memory=100Mi"),
                        limitRange(P, "memory=100Mi", "", "", "", "")),
                arguments(pod("pod-max-cpu-request-limit", 2, "cpu=500m", "cpu=1"), limitRange(P, "", "cpu=2", "", "", "")),
                arguments(pod("pod-max-cpu-limit", 2, "", "cpu=1"), limitRange(P, "", "cpu=2", "", "", "")),
                arguments(withInit(pod("pod-init-max-cpu-request-limit", 2, "cpu=500m", "cpu=1"), "cpu=1", "cpu=2", "cpu=1", "cpu=1"),
                        limitRange(P, "", "cpu=2", "", "", "")),
                arguments(withInit(pod("pod-init-max-cpu-limit", 2, "", "cpu=1"), "", "cpu=2", "", "cpu=2"),
                        limitRange(P, "", "cpu=2", "", "", "")),
                arguments(pod("pod-max-mem-request-limit", 2, "memory=250Mi", "memory=500Mi"), limitRange(P, "", "memory=1Gi", "", "", "")),
                arguments(pod("pod-max-mem-limit", 2, "", "memory=500Mi"), limitRange(P, "", "memory=1Gi", "", "", "")),
                arguments(pod("pod-max-mem-ratio", 3, "memory=300Mi", "memory=450Mi"), limitRange(P, "", "memory=2Gi", "", "", "memory=1.5")),
                arguments(pod("ctr-1-min-local-ephemeral-storage-request", 1, "ephemeral-storage=60Mi", ""),
                        limitRange(C, "ephemeral-storage=50Mi", "", "", "", "")),
                arguments(pod("ctr-1-max-local-ephemeral-storage-limit", 1, "", "ephemeral-storage=500Mi"),
                        limitRange(C, "", "ephemeral-storage=1Gi", "", "", "")),
                arguments(pod("ctr-2-max-local-ephemeral-storage-request-limit", 2, "ephemeral-storage=250Mi", "ephemeral-storage=500Mi"),
                        limitRange(C, "", "ephemeral-storage=600Mi", "", "", "")),
                arguments(pod("pod-max-local-ephemeral-storage-ratio", 3, "ephemeral-storage=300Mi", "ephemeral-storage=450Mi"),
                        limitRange(P, "", "ephemeral-storage=2Gi", "", "", "ephemeral-storage=1.5")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successCases")
    void podWithinTheLimitRangePasses(Pod pod, LimitRange range) {
        Pod defaulted = LimitRanger.mutate(range, pod).pod();

        assertThat(LimitRanger.validate(range, defaulted)).isEmpty();
    }

    /** TestPodLimitFunc's error cases, with the message each one gets. */
    static Stream<Arguments> errorCases() {
        return Stream.of(
                arguments(pod("ctr-min-cpu-request", 1, "cpu=40m", ""), limitRange(C, "cpu=50m", "", "", "", ""),
                        "minimum cpu usage per Container is 50m, but request is 40m"),
                arguments(pod("ctr-min-cpu-request-limit", 1, "cpu=40m", "cpu=200m"), limitRange(C, "cpu=50m", "", "", "", ""),
                        "minimum cpu usage per Container is 50m, but request is 40m"),
                arguments(pod("ctr-min-cpu-no-request-limit", 1, "", ""), limitRange(C, "cpu=50m", "", "", "", ""),
                        "minimum cpu usage per Container is 50m.  No request is specified"),
                arguments(pod("ctr-min-memory-request", 1, "memory=40Mi", ""), limitRange(C, "memory=50Mi", "", "", "", ""),
                        "minimum memory usage per Container is 50Mi, but request is 40Mi"),
                arguments(pod("ctr-min-memory-request-limit", 1, "memory=40Mi", "memory=100Mi"), limitRange(C, "memory=50Mi", "", "", "", ""),
                        "minimum memory usage per Container is 50Mi, but request is 40Mi"),
                arguments(pod("ctr-min-memory-no-request-limit", 1, "", ""), limitRange(C, "memory=50Mi", "", "", "", ""),
                        "minimum memory usage per Container is 50Mi.  No request is specified"),
                arguments(pod("ctr-max-cpu-request-limit", 1, "cpu=500m", "cpu=2500m"), limitRange(C, "", "cpu=2", "", "", ""),
                        "maximum cpu usage per Container is 2, but limit is 2500m"),
                arguments(pod("ctr-max-cpu-limit", 1, "", "cpu=2500m"), limitRange(C, "", "cpu=2", "", "", ""),
                        "maximum cpu usage per Container is 2, but limit is 2500m"),
                arguments(pod("ctr-max-cpu-no-request-limit", 1, "", ""), limitRange(C, "", "cpu=2", "", "", ""),
                        "maximum cpu usage per Container is 2.  No limit is specified"),
                arguments(pod("ctr-max-cpu-ratio", 1, "cpu=1250m", "cpu=2500m"), limitRange(C, "", "", "", "", "cpu=1"),
                        "cpu max limit to request ratio per Container is 1, but provided ratio is 2.000000"),
                arguments(pod("ctr-max-mem-request-limit", 1, "memory=250Mi", "memory=2Gi"), limitRange(C, "", "memory=1Gi", "", "", ""),
                        "maximum memory usage per Container is 1Gi, but limit is 2Gi"),
                arguments(pod("ctr-max-mem-limit", 1, "", "memory=2Gi"), limitRange(C, "", "memory=1Gi", "", "", ""),
                        "maximum memory usage per Container is 1Gi, but limit is 2Gi"),
                arguments(pod("ctr-max-mem-no-request-limit", 1, "", ""), limitRange(C, "", "memory=1Gi", "", "", ""),
                        "maximum memory usage per Container is 1Gi.  No limit is specified"),
                arguments(pod("pod-min-cpu-request", 1, "cpu=75m", ""), limitRange(P, "cpu=100m", "", "", "", ""),
                        "minimum cpu usage per Pod is 100m, but request is 75m"),
                arguments(pod("pod-min-cpu-request-limit", 1, "cpu=75m", "cpu=200m"), limitRange(P, "cpu=100m", "", "", "", ""),
                        "minimum cpu usage per Pod is 100m, but request is 75m"),
                arguments(pod("pod-min-memory-request", 1, "memory=60Mi", ""), limitRange(P, "memory=100Mi", "", "", "", ""),
                        "minimum memory usage per Pod is 100Mi, but request is 60Mi"),
                arguments(pod("pod-min-memory-request-limit", 1, "memory=60Mi", "memory=100Mi"), limitRange(P, "memory=100Mi", "", "", "", ""),
                        "minimum memory usage per Pod is 100Mi, but request is 60Mi"),
                arguments(pod("pod-max-cpu-request-limit", 3, "cpu=500m", "cpu=1"), limitRange(P, "", "cpu=2", "", "", ""),
                        "maximum cpu usage per Pod is 2, but limit is 3"),
                arguments(pod("pod-max-cpu-limit", 3, "", "cpu=1"), limitRange(P, "", "cpu=2", "", "", ""),
                        "maximum cpu usage per Pod is 2, but limit is 3"),
                arguments(pod("pod-max-mem-request-limit", 3, "memory=250Mi", "memory=500Mi"), limitRange(P, "", "memory=1Gi", "", "", ""),
                        "maximum memory usage per Pod is 1Gi, but limit is 1500Mi"),
                arguments(pod("pod-max-mem-limit", 3, "", "memory=500Mi"), limitRange(P, "", "memory=1Gi", "", "", ""),
                        "maximum memory usage per Pod is 1Gi, but limit is 1500Mi"),
                arguments(withInit(pod("pod-init-max-mem-limit", 1, "", "memory=500Mi"), "", "memory=1.5Gi"),
                        limitRange(P, "", "memory=1Gi", "", "", ""),
                        "maximum memory usage per Pod is 1Gi, but limit is 1536Mi"),
                arguments(pod("pod-max-mem-ratio", 3, "memory=250Mi", "memory=500Mi"), limitRange(P, "", "memory=2Gi", "", "", "memory=1.5"),
                        "memory max limit to request ratio per Pod is 1500m, but provided ratio is 2.000000"),
                arguments(pod("ctr-1-min-local-ephemeral-storage-request", 1, "ephemeral-storage=40Mi", ""),
                        limitRange(C, "ephemeral-storage=50Mi", "", "", "", ""),
                        "minimum ephemeral-storage usage per Container is 50Mi, but request is 40Mi"),
                arguments(pod("ctr-1-min-local-ephemeral-storage-no-request-limit", 1, "", ""),
                        limitRange(C, "ephemeral-storage=50Mi", "", "", "", ""),
                        "minimum ephemeral-storage usage per Container is 50Mi.  No request is specified"),
                arguments(pod("ctr-1-max-local-ephemeral-storage-request-limit", 1, "ephemeral-storage=250Mi", "ephemeral-storage=2Gi"),
                        limitRange(C, "", "ephemeral-storage=1Gi", "", "", ""),
                        "maximum ephemeral-storage usage per Container is 1Gi, but limit is 2Gi"),
                arguments(pod("ctr-1-max-local-ephemeral-storage-no-request-limit", 1, "", ""),
                        limitRange(C, "", "ephemeral-storage=1Gi", "", "", ""),
                        "maximum ephemeral-storage usage per Container is 1Gi.  No limit is specified"),
                // two containers break the same rule: the aggregate prints the message once
                arguments(pod("ctr-2-min-local-ephemeral-storage-request", 2, "ephemeral-storage=40Mi", ""),
                        limitRange(C, "ephemeral-storage=50Mi", "", "", "", ""),
                        "minimum ephemeral-storage usage per Container is 50Mi, but request is 40Mi"),
                arguments(pod("ctr-2-max-local-ephemeral-storage-limit", 2, "", "ephemeral-storage=2Gi"),
                        limitRange(C, "", "ephemeral-storage=1Gi", "", "", ""),
                        "maximum ephemeral-storage usage per Container is 1Gi, but limit is 2Gi"),
                arguments(pod("pod-min-local-ephemeral-storage-request", 1, "ephemeral-storage=60Mi", ""),
                        limitRange(P, "ephemeral-storage=100Mi", "", "", "", ""),
                        "minimum ephemeral-storage usage per Pod is 100Mi, but request is 60Mi"),
                arguments(pod("pod-max-local-ephemeral-storage-request-limit", 3, "ephemeral-storage=250Mi", "ephemeral-storage=500Mi"),
                        limitRange(P, "", "ephemeral-storage=1Gi", "", "", ""),
                        "maximum ephemeral-storage usage per Pod is 1Gi, but limit is 1500Mi"),
                arguments(withInit(pod("pod-init-max-local-ephemeral-storage-limit", 1, "", "ephemeral-storage=500Mi"),
                                "", "ephemeral-storage=1.5Gi"),
                        limitRange(P, "", "ephemeral-storage=1Gi", "", "", ""),
                        "maximum ephemeral-storage usage per Pod is 1Gi, but limit is 1536Mi"),
                arguments(pod("pod-max-local-ephemeral-storage-ratio", 3, "ephemeral-storage=250Mi", "ephemeral-storage=500Mi"),
                        limitRange(P, "", "ephemeral-storage=2Gi", "", "", "ephemeral-storage=1.5"),
                        "ephemeral-storage max limit to request ratio per Pod is 1500m, but provided ratio is 2.000000"),
                // a sidecar's request adds to the pod's for its whole life
                arguments(withSidecar(pod("ctr-max-cpu-limit-restartable-init-container", 1, "cpu=1000m", "cpu=1500m"), "cpu=1500m", ""),
                        limitRange(P, "", "cpu=2", "", "", ""),
                        "maximum cpu usage per Pod is 2, but request is 2500m"),
                // not in the Go table: init containers are held to Container items as well
                arguments(withInit(pod("init-ctr-max-cpu", 1, "cpu=1", "cpu=1"), "cpu=3", "cpu=3"),
                        limitRange(C, "", "cpu=2", "", "", ""),
                        "maximum cpu usage per Container is 2, but limit is 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorCases")
    void podBreakingTheLimitRangeGetsTheApiServersMessage(Pod pod, LimitRange range, String message) {
        Pod defaulted = LimitRanger.mutate(range, pod).pod();

        assertThat(ApiErrors.aggregate(LimitRanger.validate(range, defaulted))).isEqualTo(message);
    }

    @Test
    void severalBrokenRulesAggregateInBracketsMinThenMax() {
        LimitRange range = new LimitRange("abc", "test",
                List.of(Fixtures.item(C, "cpu=50m", "memory=1Gi", "", "", "")));
        Pod pod = pod("two-errors", 1, "cpu=40m,memory=100Mi", "memory=2Gi");

        assertThat(ApiErrors.aggregate(LimitRanger.validate(range, pod))).isEqualTo(
                "[minimum cpu usage per Container is 50m, but request is 40m, "
                        + "maximum memory usage per Container is 1Gi, but limit is 2Gi]");
    }

    @Test
    void ratioAtExactlyTheMaximumPasses() {
        LimitRange range = limitRange(C, "", "", "", "", "cpu=2");

        assertThat(LimitRanger.validate(range, pod("ratio-2", 1, "cpu=250m", "cpu=500m"))).isEmpty();
        assertThat(LimitRanger.validate(range, pod("ratio-2.004", 1, "cpu=250m", "cpu=501m")))
                .containsExactly("cpu max limit to request ratio per Container is 2, but provided ratio is 2.004000");
    }

    @Test
    void ratioWithoutRequestOrLimitSaysSo() {
        LimitRange range = limitRange(C, "", "", "", "", "memory=2");

        assertThat(LimitRanger.validate(range, pod("no-request", 1, "", "memory=1Gi"))).containsExactly(
                "memory max limit to request ratio per Container is 2, but no request is specified or request is 0");
        assertThat(LimitRanger.validate(range, pod("no-limit", 1, "memory=1Gi", ""))).containsExactly(
                "memory max limit to request ratio per Container is 2, but no limit is specified or limit is 0");
    }

    @Test
    void minimumComparesMilliValuesRoundedUp() {
        // MilliValue() of 0.5m is 1, so a request of 0.5m meets a minimum of 1m
        LimitRange range = limitRange(C, "cpu=1m", "", "", "", "");

        assertThat(LimitRanger.validate(range, pod("half-milli", 1, "cpu=0.5m", ""))).isEmpty();
    }

    /** TestDefaultContainerResourceRequirements and TestPodLimitFuncApplyDefault. */
    @Test
    void defaultsReachContainersAndInitContainers() {
        Pod pod = withInit(pod("foo", 1, "", ""), "", "");

        LimitRanger.Defaulted result = LimitRanger.mutate(validLimitRange(), pod);

        for (Container c : result.pod().allContainers()) {
            assertThat(c.limits().toString()).isEqualTo("cpu=75m,memory=10Mi");
            assertThat(c.requests().toString()).isEqualTo("cpu=50m,memory=5Mi");
        }
        assertThat(LimitRanger.validate(validLimitRange(), result.pod())).isEmpty();
    }

    /** TestMergePodResourceRequirements, first case. */
    @Test
    void annotationNamesWhatWasSet() {
        LimitRanger.Defaulted result = LimitRanger.mutate(validLimitRange(), pod("empty-resources", 1, "", ""));

        assertThat(result.annotation()).isEqualTo(
                "LimitRanger plugin set: cpu, memory request for container foo-0; cpu, memory limit for container foo-0");
    }

    /**
     * TestMergePodResourceRequirements, second case. In Go the container and the init container
     * share one map, so the init container looks already defaulted and is not annotated; here
     * each container is its own, as they are in a decoded pod.
     */
    @Test
    void onlyMissingResourcesAreMerged() {
        Pod pod = withInit(pod("limit-memory", 1, "memory=512Mi", ""), "memory=512Mi", "");

        LimitRanger.Defaulted result = LimitRanger.mutate(validLimitRange(), pod);

        for (Container c : result.pod().allContainers()) {
            assertThat(c.requests().toString()).isEqualTo("cpu=50m,memory=512Mi");
            assertThat(c.limits().toString()).isEqualTo("cpu=75m,memory=10Mi");
        }
        assertThat(result.annotation()).isEqualTo("LimitRanger plugin set: cpu request for container foo-0; "
                + "cpu, memory limit for container foo-0; cpu request for init container foo-0; "
                + "cpu, memory limit for init container foo-0");
    }

    /** TestMergePodResourceRequirements, third case. */
    @Test
    void fullyEnumeratedPodIsLeftAloneAndNotAnnotated() {
        Pod pod = withInit(pod("limit-memory", 1, "cpu=100m,memory=512Mi", "cpu=200m,memory=1G"),
                "cpu=200m,memory=1G", "cpu=400m,memory=2G");

        LimitRanger.Defaulted result = LimitRanger.mutate(validLimitRange(), pod);

        assertThat(result.pod()).isEqualTo(pod);
        assertThat(result.annotation()).isEmpty();
    }

    @Test
    void laterContainerItemOverridesEarlierDefaults() {
        LimitRange range = new LimitRange("abc", "test", List.of(
                Fixtures.item(C, "", "", "cpu=1", "cpu=500m", ""),
                Fixtures.item(C, "", "", "cpu=2", "", "")));

        Pod defaulted = LimitRanger.mutate(range, pod("p", 1, "", "")).pod();

        assertThat(defaulted.containers().get(0).limits().toString()).isEqualTo("cpu=2");
        assertThat(defaulted.containers().get(0).requests().toString()).isEqualTo("cpu=500m");
    }

    /** SetDefaults_LimitRangeItem. */
    static Stream<Arguments> itemDefaults() {
        return Stream.of(
                arguments("max gives default, default gives defaultRequest",
                        Fixtures.item(C, "", "cpu=2,memory=1Gi", "", "", ""), "cpu=2,memory=1Gi", "cpu=2,memory=1Gi"),
                arguments("min gives defaultRequest only",
                        Fixtures.item(C, "cpu=100m", "", "", "", ""), "", "cpu=100m"),
                arguments("default gives defaultRequest",
                        Fixtures.item(C, "", "", "cpu=500m", "", ""), "cpu=500m", "cpu=500m"),
                arguments("default wins over min for defaultRequest",
                        Fixtures.item(C, "cpu=100m", "cpu=2", "", "", ""), "cpu=2", "cpu=2"),
                arguments("written values stay",
                        Fixtures.item(C, "cpu=100m", "cpu=2", "cpu=1", "cpu=250m", ""), "cpu=1", "cpu=250m"),
                arguments("Pod items are not defaulted",
                        Fixtures.item(P, "cpu=100m", "cpu=2", "", "", ""), "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("itemDefaults")
    void limitRangeItemIsDefaultedAsTheApiServerStoresIt(String name, LimitRange.Item item,
                                                         String defaults, String defaultRequests) {
        LimitRange.Item defaulted = LimitRanger.withApiDefaults(item);

        assertThat(defaulted.defaultLimits()).isEqualTo(rl(defaults));
        assertThat(defaulted.defaultRequests()).isEqualTo(rl(defaultRequests));
    }
}
