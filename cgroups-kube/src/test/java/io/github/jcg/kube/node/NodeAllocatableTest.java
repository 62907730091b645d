package io.github.jcg.kube.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jcg.kube.ManifestException;
import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Allocatable as the kubelet computes it. The reservation and enforcement tables are those of
 * the kubelet's node_container_manager_linux_test.go ({@code TestNodeAllocatableReservationForScheduling},
 * {@code TestNodeAllocatableForEnforcement}, {@code TestNodeAllocatableInputValidation}); a
 * zero threshold there is "no threshold", {@code 0%} here.
 */
class NodeAllocatableTest {

    /** {@code cpu=10,memory=10Gi} to a list; empty text to an empty list. */
    static ResourceList list(String text) {
        Map<String, Quantity> entries = new TreeMap<>();
        if (!text.isBlank()) {
            Arrays.stream(text.split(",")).map(e -> e.split("=", 2))
                    .forEach(kv -> entries.put(kv[0].trim(), Quantity.parse(kv[1].trim())));
        }
        return new ResourceList(entries);
    }

    static KubeletConfig config(String systemReserved, String kubeReserved, String evictionHard,
                                Set<String> enforce, boolean cgroupsPerQos) {
        return new KubeletConfig(list(systemReserved), list(kubeReserved), evictionHard, enforce, true, 100_000,
                0.9, Map.of(), "/", cgroupsPerQos, 110);
    }

    static KubeletConfig config(String systemReserved, String kubeReserved, String evictionHard) {
        return config(systemReserved, kubeReserved, evictionHard, Set.of("pods"), true);
    }

    @ParameterizedTest(name = "[{index}] sys {0} kube {1} evict {2} cap {3}")
    @CsvSource(delimiter = '|', value = {
        "cpu=50m,memory=50Mi|cpu=100m,memory=100Mi|0%|cpu=10,memory=10Gi|cpu=150m,memory=150Mi",
        "cpu=50m,memory=50Mi|cpu=100m,memory=100Mi|100Mi|cpu=10,memory=10Gi|cpu=150m,memory=250Mi",
        // 5% in float32 is 0.0500000007…: 536870920 bytes of 10Gi, not 536870912
        "cpu=50m,memory=50Mi|cpu=100m,memory=100Mi|5%|cpu=10,memory=10Gi|cpu=150m,memory=694157320",
        "''|''|0%|cpu=10,memory=10Gi|''",
        "cpu=50m,memory=50Mi|memory=100Mi|0%|cpu=10,memory=10Gi|cpu=50m,memory=150Mi",
        "memory=50Mi|cpu=50m,memory=100Mi|0%|cpu=10,memory=10Gi|cpu=50m,memory=150Mi",
        // no memory capacity, so no memory reservation (the kubelet iterates over capacity)
        "memory=50Mi|memory=100Mi|0%|cpu=10|''",
        // pods are never reserved; 100% is ignored as the kubelet ignores it
        "''|''|100%|cpu=10,memory=10Gi,pods=110|''",
    })
    void reservationForScheduling(String sys, String kube, String eviction, String capacity, String expected) {
        Node node = Node.of(list(capacity), config(sys, kube, eviction));
        assertThat(node.reservation().toString()).isEqualTo(list(expected).toString());
    }

    @ParameterizedTest(name = "[{index}] sys {0} kube {1} evict {2} cap {3}")
    @CsvSource(delimiter = '|', value = {
        "cpu=50m,memory=50Mi|cpu=100m,memory=100Mi|0%|cpu=10,memory=10Gi|cpu=9850m,memory=10090Mi",
        // the eviction threshold is not taken from what kubepods gets
        "cpu=50m,memory=50Mi|cpu=100m,memory=100Mi|100Mi|cpu=10,memory=10Gi|cpu=9850m,memory=10090Mi",
        "cpu=50m,memory=50Mi|cpu=100m,memory=100Mi|5%|cpu=10,memory=10Gi|cpu=9850m,memory=10090Mi",
        "''|''|0%|cpu=10,memory=10Gi|cpu=10,memory=10Gi",
        "cpu=50m,memory=50Mi|memory=100Mi|0%|cpu=10,memory=10Gi|cpu=9950m,memory=10090Mi",
        "memory=50Mi|cpu=50m,memory=100Mi|0%|cpu=10,memory=10Gi|cpu=9950m,memory=10090Mi",
        "memory=50Mi|memory=100Mi|0%|cpu=10|cpu=10",
        // kubepods has no pod count; huge pages stay in its memory (kubernetes#84426)
        "''|''|100Mi|cpu=2,hugepages-2Mi=1Gi,memory=4Gi,pods=110|cpu=2,hugepages-2Mi=1Gi,memory=4Gi",
        // beyond capacity: zero
        "cpu=3,memory=3Gi|''|100Mi|cpu=2,memory=2Gi|cpu=0,memory=0",
    })
    void allocatableForEnforcement(String sys, String kube, String eviction, String capacity, String expected) {
        Node node = Node.of(list(capacity), config(sys, kube, eviction));
        assertThat(node.enforcedAllocatable().toString()).isEqualTo(list(expected).toString());
    }

    @ParameterizedTest(name = "[{index}] sys {0} kube {1} evict {2} cap {3}")
    @CsvSource(delimiter = '|', value = {
        // the kubelet's defaults on a 2-CPU node: 100Mi less memory
        "''|''|100Mi|cpu=2,hugepages-1Gi=0,hugepages-2Mi=0,memory=2038904Ki,pods=110"
                + "|cpu=2,hugepages-1Gi=0,hugepages-2Mi=0,memory=1936504Ki,pods=110",
        // reservations of every kind; cpu and memory keep their own formats
        "cpu=100m,memory=512Mi|cpu=200m,memory=256Mi,pid=1000|500Mi|cpu=4,memory=16Gi,pods=110"
                + "|cpu=3700m,memory=15116Mi,pods=110",
        // 10% of 10Gi in float32 is 1073741840 bytes, so allocatable is not a whole Ki
        "''|''|10%|cpu=10,memory=10Gi|cpu=10,memory=9663676400",
        "''|''|5%|cpu=10,memory=10Gi|cpu=10,memory=10200547320",
        // 0% and 100% are no threshold at all
        "''|''|0%|cpu=1,memory=1Gi|cpu=1,memory=1Gi",
        "''|''|100%|cpu=1,memory=1Gi|cpu=1,memory=1Gi",
        // reservations beyond capacity clamp at zero
        "cpu=3,memory=3Gi|''|100Mi|cpu=2,memory=2Gi,pods=110|cpu=0,memory=0,pods=110",
        "''|''|3Gi|cpu=2,memory=2Gi|cpu=2,memory=0",
        // huge pages come out of allocatable memory, not out of their own allocatable
        "''|''|100Mi|cpu=8,hugepages-1Gi=2Gi,hugepages-2Mi=1Gi,memory=8Gi,pods=110"
                + "|cpu=8,hugepages-1Gi=2Gi,hugepages-2Mi=1Gi,memory=5020Mi,pods=110",
        // … and memory clamps at zero when they outweigh it
        "''|''|100Mi|cpu=1,hugepages-2Mi=2Gi,memory=1Gi|cpu=1,hugepages-2Mi=2Gi,memory=0",
    })
    void allocatableForScheduling(String sys, String kube, String eviction, String capacity, String expected) {
        Node node = Node.of(list(capacity), config(sys, kube, eviction));
        assertThat(node.allocatable().toString()).isEqualTo(list(expected).toString());
        assertThat(node.capacity()).isEqualTo(list(capacity));
    }

    @Test
    void kubepodsGetsThePidCapacityLessItsReservations() {
        ResourceList capacity = list("cpu=2,memory=4Gi,pods=110");
        Node node = Node.of(capacity, 4_194_304, config("pid=500", "pid=1000", "100Mi"));
        assertThat(node.enforcedAllocatable().get("pid")).contains(Quantity.of(4_192_804));
        // the pid capacity is internal: not in Capacity, not in Allocatable
        assertThat(node.capacity().has("pid")).isFalse();
        assertThat(node.allocatable().has("pid")).isFalse();
        assertThat(Node.of(capacity, config("pid=500", "", "100Mi")).enforcedAllocatable().has("pid")).isFalse();
    }

    @Test
    void withoutPodsEnforcedKubepodsGetsTheWholeCapacity() {
        ResourceList capacity = list("cpu=2,hugepages-2Mi=0,memory=4Gi,pods=110");
        KubeletConfig none = config("cpu=500m,memory=1Gi", "memory=1Gi,pid=100", "100Mi", Set.of("none"), true);
        Node node = Node.of(capacity, 32_768, none);
        assertThat(node.enforcedAllocatable().toString()).isEqualTo("cpu=2,hugepages-2Mi=0,memory=4Gi,pid=32768");
        // what the scheduler sees does not depend on enforcement
        assertThat(node.allocatable().toString()).isEqualTo("cpu=1500m,hugepages-2Mi=0,memory=1948Mi,pods=110");

        KubeletConfig noQos = config("cpu=500m", "", "100Mi", Set.of(), false);
        assertThat(Node.of(capacity, 32_768, noQos).enforcedAllocatable().toString())
                .isEqualTo("cpu=2,hugepages-2Mi=0,memory=4Gi,pid=32768");
    }

    @Test
    void aCapacityWithPidIsRefused() {
        assertThatThrownBy(() -> Node.of(list("cpu=1,pid=10"), KubeletConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPids");
    }

    @ParameterizedTest(name = "[{index}] sys {0} kube {1} evict {2} cap {3}")
    @CsvSource(delimiter = '|', value = {
        "cpu=50m,memory=50Mi|cpu=100m,memory=100Mi|0%|cpu=10,memory=10Gi",
        "cpu=50m,memory=50Mi|cpu=100m,memory=100Mi|100Mi|cpu=10,memory=10Gi",
        "cpu=50m,memory=50Mi|cpu=100m,memory=100Mi|5%|cpu=10,memory=10Gi",
        "''|''|0%|cpu=10,memory=10Gi",
        "memory=50Mi|memory=100Mi|0%|cpu=10",
        // a reservation equal to the capacity is allowed
        "cpu=5|cpu=5|0%|cpu=10,memory=10Gi",
    })
    void reservationsWithinCapacityAreValid(String sys, String kube, String eviction, String capacity) {
        Node node = Node.of(list(capacity), config(sys, kube, eviction));
        assertThatCode(node::validateReservations).doesNotThrowAnyException();
    }

    @Test
    void reservationsBeyondCapacityAreRefusedWithTheKubeletsMessage() {
        Node node = Node.of(list("cpu=10,memory=11Gi"), config("cpu=5,memory=10Gi", "cpu=5,memory=10Gi", "2Gi"));
        assertThatThrownBy(node::validateReservations)
                .isInstanceOf(ManifestException.class)
                .hasMessage("invalid Node Allocatable configuration. Resource \"memory\" has a reservation of 22Gi "
                        + "but capacity of 11Gi. Expected capacity >= reservation.");

        Node both = Node.of(list("cpu=1,memory=1Gi"), config("cpu=2,memory=2Gi", "", "100Mi"));
        assertThatThrownBy(both::validateReservations)
                .hasMessage("invalid Node Allocatable configuration. Resource \"cpu\" has a reservation of 2 but "
                        + "capacity of 1. Expected capacity >= reservation. Resource \"memory\" has a reservation "
                        + "of 2148Mi but capacity of 1Gi. Expected capacity >= reservation.");
    }
}
