package io.github.jcg.cli.top;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.jcg.cli.top.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

/** Sorting as systemd-cgtop sorts: by value, missing last, ties by path, parents first. */
class RowOrderTest {
    private static final List<GroupRow> ROWS = List.of(
            row("/", null, 180.0, 900L, null, null),
            row("/a", 3L, 20.0, 100L, 10.0, 0.0),
            row("/a/x", 1L, 15.0, 60L, null, null),
            row("/b", 5L, 150.0, 700L, 0.0, 5.0),
            row("/b/y", 9L, null, 800L, 1.0, 1.0),
            row("/c", null, null, null, null, null));

    private static List<String> paths(List<GroupRow> rows) {
        return rows.stream().map(r -> r.path().toString()).toList();
    }

    @Test
    void byCpuLargestFirstMissingLastParentsBeforeChildren() {
        assertThat(paths(RowOrder.sort(ROWS, Order.CPU, CpuDisplay.PERCENTAGE, true)))
                .containsExactly("/", "/b", "/a", "/a/x", "/b/y", "/c");
    }

    @Test
    void byPath() {
        assertThat(paths(RowOrder.sort(ROWS, Order.PATH, CpuDisplay.PERCENTAGE, true)))
                .containsExactly("/", "/a", "/a/x", "/b", "/b/y", "/c");
    }

    @Test
    void aChildThatOutranksItsParentPullsTheParentUpFront() {
        // /b/y has more memory than /b: systemd-cgtop's comparison is not an order then;
        // here the parent comes right before it
        assertThat(paths(RowOrder.sort(ROWS, Order.MEMORY, CpuDisplay.PERCENTAGE, true)))
                .containsExactly("/", "/b", "/b/y", "/a", "/a/x", "/c");
    }

    @Test
    void byTasksWithoutRecursiveCountsChildrenMayLeadTheirParents() {
        assertThat(paths(RowOrder.sort(ROWS, Order.TASKS, CpuDisplay.PERCENTAGE, false)))
                .containsExactly("/b/y", "/b", "/a", "/a/x", "/", "/c");
    }

    @Test
    void byIoSumsInputAndOutput() {
        assertThat(paths(RowOrder.sort(ROWS, Order.IO, CpuDisplay.PERCENTAGE, false)))
                .containsExactly("/a", "/b", "/b/y", "/", "/a/x", "/c");
    }

    @Test
    void aMissingLevelDoesNotLoseTheOrder() {
        List<GroupRow> gap = List.of(row("/", null, 10.0, null, null, null), row("/p/q/r", null, 50.0, null, null, null),
                row("/p", null, 1.0, null, null, null));
        assertThat(paths(RowOrder.sort(gap, Order.CPU, CpuDisplay.PERCENTAGE, true))).containsExactly("/", "/p", "/p/q/r");
    }
}
