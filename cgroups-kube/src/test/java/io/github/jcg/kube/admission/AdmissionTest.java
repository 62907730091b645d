package io.github.jcg.kube.admission;

import io.github.jcg.kube.LimitRange;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.ResourceQuota;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.github.jcg.kube.admission.Fixtures.inNamespace;
import static io.github.jcg.kube.admission.Fixtures.item;
import static io.github.jcg.kube.admission.Fixtures.limitRange;
import static io.github.jcg.kube.admission.Fixtures.quota;
import static io.github.jcg.kube.admission.Fixtures.single;
import static io.github.jcg.kube.admission.Fixtures.withOverhead;
import static io.github.jcg.kube.admission.Fixtures.withSidecar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The whole chain, LimitRanger then validation then ResourceQuota, with the API server's text. */
class AdmissionTest {
    private static final Pod E1 = single("e1", "app", "cpu=500m,memory=1Gi", "cpu=1,memory=2Gi");
    private static final Pod E2 = single("e2", "app", "cpu=250m,memory=512Mi", "cpu=500m,memory=1Gi");
    private static final Pod ELSEWHERE = inNamespace(single("big", "app", "cpu=64,memory=256Gi", "cpu=64,memory=256Gi"), "other");

    /** Pods the API server refuses: ranges, quotas, the pod, existing pods, the message. */
    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("below a Container minimum",
                        List.of(limitRange("Container", "cpu=100m", "", "", "", "")), List.of(),
                        single("web", "app", "cpu=50m", ""), List.of(),
                        "pods \"web\" is forbidden: minimum cpu usage per Container is 100m, but request is 50m"),
                arguments("a default limit below the request makes the pod invalid",
                        List.of(limitRange("Container", "", "", "cpu=1", "", "")), List.of(),
                        single("web", "app", "cpu=2", ""), List.of(),
                        "Pod \"web\" is invalid: spec.containers[0].resources.requests: Invalid value: \"2\": "
                                + "must be less than or equal to cpu limit of 1"),
                arguments("several broken rules of one LimitRange aggregate",
                        List.of(new LimitRange("lr", "test", List.of(item("Container", "cpu=100m", "memory=1Gi", "", "", ""),
                                item("Pod", "", "cpu=1", "", "", "")))), List.of(),
                        single("web", "app", "cpu=50m,memory=2Gi", "cpu=2,memory=2Gi"), List.of(),
                        "pods \"web\" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, "
                                + "maximum memory usage per Container is 1Gi, but limit is 2Gi, "
                                + "maximum cpu usage per Pod is 1, but limit is 2]"),
                arguments("the first LimitRange that refuses is the one reported",
                        List.of(limitRange("Container", "", "cpu=1", "", "", ""),
                                new LimitRange("second", "test", List.of(item("Container", "cpu=500m", "", "", "", "")))),
                        List.of(), single("web", "app", "cpu=100m", "cpu=2"), List.of(),
                        "pods \"web\" is forbidden: maximum cpu usage per Container is 1, but limit is 2"),
                arguments("a LimitRange is checked before a quota",
                        List.of(limitRange("Container", "cpu=100m", "", "", "", "")), List.of(quota("compute", "limits.cpu=1")),
                        single("web", "app", "cpu=50m", ""), List.of(),
                        "pods \"web\" is forbidden: minimum cpu usage per Container is 100m, but request is 50m"),
                arguments("limits.cpu exceeded",
                        List.of(), List.of(quota("compute", "limits.cpu=2")),
                        single("web", "app", "cpu=2", "cpu=2"), List.of(single("e1", "app", "cpu=1", "cpu=1")),
                        "pods \"web\" is forbidden: exceeded quota: compute, requested: limits.cpu=2, used: limits.cpu=1, "
                                + "limited: limits.cpu=2"),
                arguments("two resources exceeded, the third fits and is not named",
                        List.of(), List.of(quota("compute", "pods=5,requests.cpu=1,requests.memory=1Gi")),
                        single("web", "app", "cpu=500m,memory=512Mi", "cpu=500m,memory=512Mi"),
                        List.of(single("e1", "app", "cpu=800m,memory=768Mi", "cpu=800m,memory=768Mi")),
                        "pods \"web\" is forbidden: exceeded quota: compute, requested: requests.cpu=500m,requests.memory=512Mi, "
                                + "used: requests.cpu=800m,requests.memory=768Mi, limited: requests.cpu=1,requests.memory=1Gi"),
                arguments("pod count exceeded",
                        List.of(), List.of(quota("pod-count", "pods=1")),
                        single("web", "app", "", ""), List.of(single("e1", "app", "", "")),
                        "pods \"web\" is forbidden: exceeded quota: pod-count, requested: pods=1, used: pods=1, limited: pods=1"),
                arguments("the cpu shorthand means requests",
                        List.of(), List.of(quota("compute", "cpu=1")),
                        single("web", "app", "cpu=300m", "cpu=2"), List.of(E1, E2),
                        "pods \"web\" is forbidden: exceeded quota: compute, requested: cpu=300m, used: cpu=750m, limited: cpu=1"),
                arguments("a quota on limits needs every container to set them",
                        List.of(), List.of(quota("compute", "limits.cpu=4,limits.memory=4Gi")),
                        single("web", "app", "cpu=100m,memory=64Mi", ""), List.of(),
                        "pods \"web\" is forbidden: failed quota: compute: must specify limits.cpu for: app; limits.memory for: app"),
                arguments("the first quota that refuses is the one reported",
                        List.of(), List.of(quota("roomy", "pods=100"), quota("tight", "requests.memory=1Gi"),
                                quota("tighter", "requests.memory=1Mi")),
                        single("web", "app", "memory=2Gi", ""), List.of(),
                        "pods \"web\" is forbidden: exceeded quota: tight, requested: requests.memory=2Gi, "
                                + "used: requests.memory=0, limited: requests.memory=1Gi"),
                arguments("overhead is charged",
                        List.of(), List.of(quota("compute", "requests.cpu=1")),
                        withOverhead(single("web", "app", "cpu=900m", ""), "cpu=250m"), List.of(),
                        "pods \"web\" is forbidden: exceeded quota: compute, requested: requests.cpu=1150m, "
                                + "used: requests.cpu=0, limited: requests.cpu=1"),
                arguments("a sidecar's request is charged beside the containers'",
                        List.of(), List.of(quota("compute", "requests.memory=1Gi")),
                        withSidecar(single("web", "app", "memory=768Mi", ""), "memory=512Mi", ""), List.of(),
                        "pods \"web\" is forbidden: exceeded quota: compute, requested: requests.memory=1280Mi, "
                                + "used: requests.memory=0, limited: requests.memory=1Gi"),
                arguments("negative overhead makes negative usage",
                        List.of(), List.of(quota("objects", "services=10")),
                        withOverhead(single("web", "app", "cpu=100m", ""), "cpu=-1"), List.of(),
                        "pods \"web\" is forbidden: quota usage is negative for resource(s): cpu,requests.cpu"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedPodGetsTheApiServersMessage(String name, List<LimitRange> ranges, List<ResourceQuota> quotas,
                                            Pod pod, List<Pod> existing, String message) {
        Admission admission = Admission.of(ranges, quotas);

        assertThatThrownBy(() -> admission.admit(pod, existing))
                .isInstanceOf(AdmissionException.class)
                .hasMessage(message);
    }

    @Test
    void invalidAndForbiddenAreTold() {
        Admission invalid = Admission.of(List.of(limitRange("Container", "", "", "cpu=1", "", "")), List.of());
        Admission forbidden = Admission.of(List.of(limitRange("Container", "cpu=1", "", "", "", "")), List.of());
        Pod pod = single("web", "app", "cpu=2", "");

        assertThatThrownBy(() -> invalid.admit(pod, List.of()))
                .extracting(e -> ((AdmissionException) e).reason()).isEqualTo(AdmissionException.Reason.INVALID);
        assertThatThrownBy(() -> forbidden.admit(single("web", "app", "cpu=500m", ""), List.of()))
                .extracting(e -> ((AdmissionException) e).reason()).isEqualTo(AdmissionException.Reason.FORBIDDEN);
    }

    @Test
    void quotaUsageAddsTheNamespacesPodsAndTheNewOne() {
        ResourceQuota compute = quota("compute",
                "cpu=4,memory=8Gi,pods=10,limits.cpu=8,limits.memory=16Gi,requests.cpu=4,requests.memory=8Gi,services=2");
        Admission admission = Admission.of(List.of(), List.of(compute));

        Admitted admitted = admission.admit(single("web", "app", "cpu=1,memory=1Gi", "cpu=2,memory=2Gi"),
                List.of(E1, E2, ELSEWHERE));

        assertThat(admitted.quotas()).hasSize(1);
        assertThat(admitted.quotas().get(0).quota()).isEqualTo(compute);
        // services is no pod resource: left out of the usage
        assertThat(admitted.quotas().get(0).used().toString()).isEqualTo("cpu=1750m,limits.cpu=3500m,limits.memory=5Gi,"
                + "memory=2560Mi,pods=3,requests.cpu=1750m,requests.memory=2560Mi");
    }

    @Test
    void everyQuotaOfTheNamespaceThatTracksPodsReportsItsUsage() {
        Admission admission = Admission.of(List.of(), List.of(quota("count", "count/pods=10,pods=5"),
                quota("objects", "services=3"), new ResourceQuota("elsewhere", "other", Fixtures.rl("pods=1")),
                quota("mem", "requests.memory=4Gi")));
        Pod pod = single("web", "app", "memory=256Mi", "memory=256Mi");

        Admitted admitted = admission.admit(pod, List.of(E1, ELSEWHERE));

        assertThat(admitted.quotas()).extracting(u -> u.quota().name() + ":" + u.used())
                .containsExactly("count:count/pods=2,pods=2", "mem:requests.memory=1280Mi");
    }

    @Test
    void zeroRequestIsNeitherChargedNorChecked() {
        Admission admission = Admission.of(List.of(), List.of(quota("compute", "requests.cpu=1")));

        Admitted admitted = admission.admit(single("web", "app", "cpu=0", ""), List.of(single("e1", "app", "cpu=1", "")));

        assertThat(admitted.quotas().get(0).used().toString()).isEqualTo("requests.cpu=1");
    }

    @Test
    void anExistingPodOfTheSameNameIsNotCountedTwice() {
        Admission admission = Admission.of(List.of(), List.of(quota("count", "pods=1")));
        Pod pod = single("web", "app", "", "");

        Admitted admitted = admission.admit(pod, List.of(pod));

        assertThat(admitted.quotas().get(0).used().toString()).isEqualTo("pods=1");
    }

    @Test
    void limitRangeStoredWithMaxOnlyDefaultsTheLimitToTheMax() {
        // TestLimitRangerAdmitPod's validLimitRangeNoDefaults, once the API server has stored it:
        // max became the default limit and the default request, so the empty pod passes
        LimitRange noDefaults = new LimitRange("abc", "test", List.of(
                item("Pod", "cpu=50m,memory=2Mi", "cpu=200m,memory=4Gi", "", "", ""),
                item("Container", "cpu=25m,memory=1Mi", "cpu=100m,memory=2Gi", "", "", "")));
        Admission admission = Admission.of(List.of(noDefaults), List.of());

        Admitted admitted = admission.admit(single("testPod", "foo-0", "", ""), List.of());

        assertThat(admitted.pod().containers().get(0).limits().toString()).isEqualTo("cpu=100m,memory=2Gi");
        assertThat(admitted.pod().containers().get(0).requests().toString()).isEqualTo("cpu=100m,memory=2Gi");
        assertThat(admitted.limitRangerAnnotation()).isEqualTo(
                "LimitRanger plugin set: cpu, memory request for container foo-0; cpu, memory limit for container foo-0");
    }

    @Test
    void limitRangesOfOtherNamespacesDoNotApply() {
        LimitRange other = new LimitRange("strict", "other", List.of(item("Container", "cpu=1", "", "", "", "")));
        Admission admission = Admission.of(List.of(other), List.of());
        Pod pod = single("web", "app", "cpu=50m", "");

        Admitted admitted = admission.admit(pod, List.of());

        assertThat(admitted.pod()).isEqualTo(pod);
        assertThat(admitted.limitRangerAnnotation()).isEmpty();
        assertThat(admitted.quotas()).isEmpty();
    }

    @Test
    void firstLimitRangesDefaultsWin() {
        Admission admission = Admission.of(List.of(
                new LimitRange("first", "test", List.of(item("Container", "", "", "memory=256Mi", "", ""))),
                new LimitRange("second", "test", List.of(item("Container", "", "", "memory=1Gi,cpu=1", "", "")))),
                List.of());

        Admitted admitted = admission.admit(single("web", "app", "", ""), List.of());

        assertThat(admitted.pod().containers().get(0).limits().toString()).isEqualTo("cpu=1,memory=256Mi");
        assertThat(admitted.limitRangerAnnotation())
                .isEqualTo("LimitRanger plugin set: cpu request for container app; cpu limit for container app");
    }
}
