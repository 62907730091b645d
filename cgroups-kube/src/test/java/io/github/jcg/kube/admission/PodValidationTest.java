package io.github.jcg.kube.admission;

import io.github.jcg.kube.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.jcg.kube.admission.Fixtures.pod;
import static io.github.jcg.kube.admission.Fixtures.single;
import static io.github.jcg.kube.admission.Fixtures.withInit;
import static org.assertj.core.api.Assertions.assertThat;

/** ValidateResourceRequirements' messages, as field.Error prints them. */
class PodValidationTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            cpu=2               | cpu=1               | spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1
            memory=2Gi          | memory=1Gi          | spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi
            cpu=-100m           |                     | spec.containers[0].resources.requests[cpu]: Invalid value: "-100m": must be greater than or equal to 0
                                | memory=-1Mi         | spec.containers[0].resources.limits[memory]: Invalid value: "-1Mi": must be greater than or equal to 0
            hugepages-2Mi=2Mi   | hugepages-2Mi=4Mi   | spec.containers[0].resources.requests: Invalid value: "2Mi": must be equal to hugepages-2Mi limit of 4Mi
            example.com/gpu=1   |                     | spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources
            """)
    void containerResourcesBreakingARuleAreInvalid(String requests, String limits, String message) {
        Pod pod = pod("web", 1, requests == null ? "" : requests, limits == null ? "" : limits);

        assertThat(PodValidation.validate(pod)).containsExactly(message);
    }

    @Test
    void requestUpToItsLimitIsValid() {
        assertThat(PodValidation.validate(pod("web", 2, "cpu=1,memory=1Gi", "cpu=1,memory=2Gi"))).isEmpty();
        assertThat(PodValidation.validate(pod("web", 1, "hugepages-2Mi=4Mi", "hugepages-2Mi=4Mi"))).isEmpty();
    }

    @Test
    void initContainersHaveTheirOwnPathAfterTheContainers() {
        Pod pod = withInit(single("web", "app", "cpu=3", "cpu=2"), "memory=2Gi", "memory=1Gi");

        assertThat(ApiErrors.invalid(pod.name(), PodValidation.validate(pod)).getMessage()).isEqualTo(
                "Pod \"web\" is invalid: [spec.containers[0].resources.requests: Invalid value: \"3\": "
                        + "must be less than or equal to cpu limit of 2, "
                        + "spec.initContainers[0].resources.requests: Invalid value: \"2Gi\": "
                        + "must be less than or equal to memory limit of 1Gi]");
    }
}
