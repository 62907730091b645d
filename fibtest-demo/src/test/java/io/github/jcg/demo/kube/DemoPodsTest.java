package io.github.jcg.demo.kube;

import io.github.jcg.kube.Pod;
import io.github.jcg.kube.QosClass;
import io.github.jcg.kube.Quantity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPodsTest {
    private final DemoPods pods = new DemoPods("jcg-demo-kube-0123abcd");

    @Test
    void smallAndBigRequestCpuOneToThreeWithoutLimitsAndAreBurstable() {
        Pod small = pods.small();
        Pod big = pods.big();

        assertThat(small.containers()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(DemoPods.FIBTEST);
            assertThat(c.requests().toString()).isEqualTo("cpu=250m");
            assertThat(c.limits().isEmpty()).isTrue();
        });
        assertThat(big.containers().get(0).requests().cpu().milliValue()).isEqualTo(750);
        assertThat(QosClass.of(small)).isEqualTo(QosClass.BURSTABLE);
        assertThat(QosClass.of(big)).isEqualTo(QosClass.BURSTABLE);
        assertThat(small.namespace()).isEqualTo(DemoPods.NAMESPACE);
    }

    @Test
    void limitedBigHasRequestsEqualToLimitsButStaysBurstableWithoutAMemoryLimit() {
        Pod big = pods.bigLimited(750);

        assertThat(big.containers().get(0).requests().toString()).isEqualTo("cpu=750m");
        assertThat(big.containers().get(0).limits().toString()).isEqualTo("cpu=750m");
        assertThat(QosClass.of(big)).isEqualTo(QosClass.BURSTABLE);
        // a pod's resources are immutable: the recreated big is another pod by the same name
        assertThat(big.name()).isEqualTo(pods.big().name());
        assertThat(big.uid()).isNotEqualTo(pods.big().uid());
    }

    @Test
    void hogsMemoryRequestDefaultsToItsLimitAsTheApiServerDefaultsIt() {
        Pod hog = pods.hog();

        assertThat(hog.containers().get(0).limits().memory()).isEqualTo(Quantity.parse("64Mi"));
        assertThat(hog.containers().get(0).requests().memory()).isEqualTo(Quantity.parse("64Mi"));
        assertThat(hog.containers().get(0).requests().has("cpu")).isFalse();
        assertThat(QosClass.of(hog)).isEqualTo(QosClass.BURSTABLE);
    }

    @Test
    void uidsAreStableWithinARunAndDifferBetweenRuns() {
        assertThat(pods.small().uid()).isEqualTo(new DemoPods("jcg-demo-kube-0123abcd").small().uid());
        assertThat(pods.small().uid()).isNotEqualTo(new DemoPods("jcg-demo-kube-89abcdef").small().uid());
        assertThat(pods.small().uid()).isNotEqualTo(pods.big().uid());
        assertThat(pods.small().uid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @ParameterizedTest(name = "{0} CPUs: limit {1}m")
    @CsvSource({"1, 250", "2, 750", "3, 1000", "4, 1250", "8, 2750", "16, 5250", "64, 21250"})
    void theCpuLimitIsAThirdOfTheMachineInStepsOf250m(int cpus, long millis) {
        assertThat(DemoPods.limitMillis(cpus)).isEqualTo(millis);
    }
}
