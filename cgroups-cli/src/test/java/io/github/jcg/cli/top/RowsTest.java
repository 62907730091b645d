package io.github.jcg.cli.top;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.jcg.cli.top.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

class RowsTest {
    @Test
    void processCountsAreSummedIntoAncestorsAsSystemdCgtopDoes() {
        List<GroupRow> rows = List.of(
                row("/", 2L, null, null, null, null),
                row("/a", null, null, null, null, null),
                row("/a/x", 3L, null, null, null, null),
                row("/a/y", 4L, null, null, null, null),
                row("/b", 0L, null, null, null, null),
                row("/c", null, null, null, null, null));
        List<GroupRow> summed = Rows.summedUp(rows);
        assertThat(summed).extracting(r -> r.path().toString() + "=" + (r.tasks().isPresent() ? r.tasks().getAsLong() : "-"))
                .containsExactly("/=9", "/a=7", "/a/x=3", "/a/y=4", "/b=0", "/c=-");
    }
}
