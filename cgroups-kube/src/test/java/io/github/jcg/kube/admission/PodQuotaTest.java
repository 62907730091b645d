package io.github.jcg.kube.admission;

import io.github.jcg.kube.Container;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.ResourceList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.github.jcg.kube.admission.Fixtures.pod;
import static io.github.jcg.kube.admission.Fixtures.rl;
import static io.github.jcg.kube.admission.Fixtures.single;
import static io.github.jcg.kube.admission.Fixtures.withInit;
import static io.github.jcg.kube.admission.Fixtures.withOverhead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The tables of pkg/quota/v1/evaluator/core/pods_test.go. */
class PodQuotaTest {

    /** TestPodEvaluatorUsage. */
    static Stream<Arguments> usage() {
        return Stream.of(
                arguments("init container CPU", withInit(pod("p", 0, "", ""), "cpu=1m", "cpu=2m"),
                        "count/pods=1,cpu=1m,limits.cpu=2m,pods=1,requests.cpu=1m"),
                arguments("init container MEM", withInit(pod("p", 0, "", ""), "memory=1m", "memory=2m"),
                        "count/pods=1,limits.memory=2m,memory=1m,pods=1,requests.memory=1m"),
                arguments("init container local ephemeral storage",
                        withInit(pod("p", 0, "", ""), "ephemeral-storage=32Mi", "ephemeral-storage=64Mi"),
                        "count/pods=1,ephemeral-storage=32Mi,limits.ephemeral-storage=64Mi,pods=1,requests.ephemeral-storage=32Mi"),
                arguments("init container hugepages", withInit(pod("p", 0, "", ""), "hugepages-2Mi=100Mi", ""),
                        "count/pods=1,hugepages-2Mi=100Mi,pods=1,requests.hugepages-2Mi=100Mi"),
                arguments("init container extended resources",
                        withInit(pod("p", 0, "", ""), "example.com/dongle=3", "example.com/dongle=3"),
                        "count/pods=1,pods=1,requests.example.com/dongle=3"),
                arguments("container CPU", pod("p", 1, "cpu=1m", "cpu=2m"),
                        "count/pods=1,cpu=1m,limits.cpu=2m,pods=1,requests.cpu=1m"),
                arguments("container MEM", pod("p", 1, "memory=1m", "memory=2m"),
                        "count/pods=1,limits.memory=2m,memory=1m,pods=1,requests.memory=1m"),
                arguments("container hugepages", pod("p", 1, "hugepages-2Mi=100Mi", ""),
                        "count/pods=1,hugepages-2Mi=100Mi,pods=1,requests.hugepages-2Mi=100Mi"),
                arguments("container extended resources", pod("p", 1, "example.com/dongle=3", "example.com/dongle=3"),
                        "count/pods=1,pods=1,requests.example.com/dongle=3"),
                arguments("init container maximums override sum of containers", initMaximums(),
                        "count/pods=1,cpu=4,limits.cpu=8,limits.memory=200M,memory=100M,pods=1,"
                                + "requests.cpu=4,requests.example.com/dongle=4,requests.memory=100M"),
                arguments("count pod overhead as usage", withOverhead(pod("p", 1, "cpu=1", "cpu=2"), "cpu=1"),
                        "count/pods=1,cpu=2,limits.cpu=3,pods=1,requests.cpu=2"));
    }

    private static Pod initMaximums() {
        Pod pod = new Pod("p", "test", "u", 0, List.of(), List.of(
                new Container("a", Container.Kind.REGULAR, rl("cpu=1,memory=50M,example.com/dongle=1"),
                        rl("cpu=2,memory=100M,example.com/dongle=1")),
                new Container("b", Container.Kind.REGULAR, rl("cpu=2,memory=25M,example.com/dongle=2"),
                        rl("cpu=5,memory=50M,example.com/dongle=2"))), ResourceList.EMPTY);
        return withInit(pod, "cpu=4,memory=100M,example.com/dongle=4", "cpu=8,memory=200M,example.com/dongle=4",
                "cpu=1,memory=50M,example.com/dongle=2", "cpu=2,memory=100M,example.com/dongle=2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usage")
    void podUsageIsWhatTheEvaluatorCharges(String name, Pod pod, String usage) {
        assertThat(PodQuota.usage(pod).toString()).isEqualTo(usage);
    }

    /** TestPodConstraintsFunc. */
    static Stream<Arguments> constraints() {
        return Stream.of(
                arguments("init container resource missing", withInit(pod("p", 0, "", ""), "cpu=1m", "cpu=2m"),
                        Set.of("memory"), "must specify memory for: foo-0"),
                arguments("multiple init container resource missing",
                        withInit(pod("p", 0, "", ""), "cpu=1m", "cpu=2m", "cpu=1m", "cpu=2m"),
                        Set.of("memory"), "must specify memory for: foo-0,foo-1"),
                arguments("container resource missing", single("p", "dummy", "cpu=1m", "cpu=2m"),
                        Set.of("memory"), "must specify memory for: dummy"),
                arguments("multiple container resource missing", twoContainers("cpu=1m", "cpu=2m"),
                        Set.of("memory"), "must specify memory for: bar,foo"),
                arguments("container resource missing multiple", twoContainers("", ""),
                        Set.of("memory", "cpu"), "must specify cpu for: bar,foo; memory for: bar,foo"),
                arguments("limits required too", single("p", "app", "cpu=100m,memory=64Mi", ""),
                        Set.of("limits.cpu", "limits.memory", "requests.cpu"),
                        "must specify limits.cpu for: app; limits.memory for: app"),
                arguments("pods and storage are never required", single("p", "app", "", ""),
                        Set.of("pods", "count/pods", "requests.ephemeral-storage"), null),
                arguments("a zero request counts as named", single("p", "app", "cpu=0", ""),
                        Set.of("requests.cpu"), null));
    }

    private static Pod twoContainers(String requests, String limits) {
        return new Pod("p", "test", "u", 0, List.of(), List.of(
                new Container("foo", Container.Kind.REGULAR, rl(requests), rl(limits)),
                new Container("bar", Container.Kind.REGULAR, rl(requests), rl(limits))), ResourceList.EMPTY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constraints")
    void quotaOnCpuOrMemoryRequiresEveryContainerToNameIt(String name, Pod pod, Set<String> required, String message) {
        assertThat(PodQuota.missingRequirements(required, pod)).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            pods=10,services=5,secrets=3                     | pods
            requests.cpu=1,limits.memory=1Gi,cpu=1,memory=1Gi | cpu,limits.memory,memory,requests.cpu
            count/pods=3,count/services=1                    | count/pods
            hugepages-2Mi=1Gi,requests.hugepages-1Gi=2Gi     | hugepages-2Mi,requests.hugepages-1Gi
            requests.example.com/gpu=2,example.com/gpu=2     | requests.example.com/gpu
            services=1                                       | ''
            """)
    void quotaResourcesThatPodsConsume(String hard, String matched) {
        assertThat(String.join(",", PodQuota.matchingResources(rl(hard)))).isEqualTo(matched);
    }
}
