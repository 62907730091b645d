package io.github.jcg.kube.node;

import static io.github.jcg.kube.node.NodeAllocatableTest.config;
import static io.github.jcg.kube.node.NodeAllocatableTest.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code kubectl describe node}'s Capacity and Allocatable blocks, character for character. */
class NodeDescriptionTest {

    @Test
    void aTwoCpuNodeWithTheKubeletsDefaults() {
        // capacity as the kubelet reports a 2-CPU, 2038904 kB host with both huge page sizes unused
        Node node = Node.of(NodeCapacity.of(2, 2_038_904L * 1024,
                Map.of("hugepages-1Gi", 0L, "hugepages-2Mi", 0L), KubeletConfig.defaults()),
                KubeletConfig.defaults());
        assertThat(NodeDescription.describe(node)).isEqualTo(
                "Capacity:\n"
                + "  cpu:            2\n"
                + "  hugepages-1Gi:  0\n"
                + "  hugepages-2Mi:  0\n"
                + "  memory:         2038904Ki\n"
                + "  pods:           110\n"
                + "Allocatable:\n"
                + "  cpu:            2\n"
                + "  hugepages-1Gi:  0\n"
                + "  hugepages-2Mi:  0\n"
                + "  memory:         1936504Ki\n"
                + "  pods:           110\n");
    }

    @Test
    void eachBlockIsAlignedOnItsLongestName() {
        // ephemeral-storage (not modelled, given here) widens the name column to 22
        Node node = Node.of(list("cpu=2,ephemeral-storage=61255492Ki,hugepages-2Mi=0,memory=2038904Ki,pods=110"),
                config("cpu=100m,memory=100Mi", "", "100Mi"));
        assertThat(NodeDescription.describe(node)).isEqualTo(
                "Capacity:\n"
                + "  cpu:                2\n"
                + "  ephemeral-storage:  61255492Ki\n"
                + "  hugepages-2Mi:      0\n"
                + "  memory:             2038904Ki\n"
                + "  pods:               110\n"
                + "Allocatable:\n"
                + "  cpu:                1900m\n"
                + "  ephemeral-storage:  61255492Ki\n"
                + "  hugepages-2Mi:      0\n"
                + "  memory:             1834104Ki\n"
                + "  pods:               110\n");
    }

    @Test
    void aBlockWithoutLongNamesIsNarrower() {
        Node node = Node.of(list("cpu=4,memory=8Gi"), config("cpu=250m", "", "5%"));
        assertThat(NodeDescription.describe(node)).isEqualTo(
                "Capacity:\n"
                + "  cpu:     4\n"
                + "  memory:  8Gi\n"
                + "Allocatable:\n"
                + "  cpu:     3750m\n"
                + "  memory:  8160437856\n");
    }

    @Test
    void anEmptyNodePrintsNothing() {
        assertThat(NodeDescription.describe(Node.of(list(""), KubeletConfig.defaults()))).isEmpty();
    }
}
