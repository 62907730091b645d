package io.github.jcg.core.internal.controller;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.InMemoryGroupFiles;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.github.jcg.core.CgroupVersion.V1;
import static io.github.jcg.core.CgroupVersion.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Freezing on both versions: {@code read} reports the state asked for, {@code isFrozen}
 * whether the kernel has reached it, through whichever file the group is frozen with.
 */
class FreezerControllerTest {
    private final FreezerController freezer = Controllers.freezer();

    private Optional<Boolean> asked(InMemoryGroupFiles files, CgroupVersion version) {
        Resources.Builder b = Resources.builder();
        freezer.read(files, version, b);
        return b.build().frozen();
    }

    private List<PlannedWrite> plan(boolean frozen, InMemoryGroupFiles files, CgroupVersion version) {
        List<PlannedWrite> writes = new ArrayList<>();
        freezer.plan(Resources.builder().frozen(frozen).build(), files, version, SharesWeightMapping.LIBCGROUP_LINEAR, writes);
        return writes;
    }

    /** Asked and reached, for each state v1's freezer.state shows. */
    @ParameterizedTest
    @CsvSource({"THAWED, false, false", "FREEZING, true, false", "FROZEN, true, true"})
    void v1AsksWithAnyStateButThawedAndHasFrozenOnlyAtFrozen(String state, boolean asked, boolean reached) {
        InMemoryGroupFiles files = InMemoryGroupFiles.of("freezer.state", state + "\n");

        assertThat(asked(files, V1)).contains(asked);
        assertThat(freezer.isFrozen(files, V1)).isEqualTo(reached);
        // never reached without being asked
        assertThat(!reached || asked).isTrue();
    }

    /** The same two meanings on v2: cgroup.freeze is asked, cgroup.events' frozen is reached. */
    @ParameterizedTest
    @CsvSource({"0, 0, false, false", "1, 0, true, false", "1, 1, true, true"})
    void v2AsksWithCgroupFreezeAndHasFrozenWhenEventsSaySo(String freeze, String events, boolean asked, boolean reached) {
        InMemoryGroupFiles files = InMemoryGroupFiles.of("cgroup.freeze", freeze + "\n",
                "cgroup.events", "populated 1\nfrozen " + events + "\n");

        assertThat(asked(files, V2)).contains(asked);
        assertThat(freezer.isFrozen(files, V2)).isEqualTo(reached);
    }

    @Test
    void aHybridGroupOutsideTheV1FreezerIsFrozenReadAndWaitedForThroughTheV2Mount() {
        InMemoryGroupFiles files = InMemoryGroupFiles.of("cgroup.freeze", "1\n", "cgroup.events", "populated 1\nfrozen 0\n");

        assertThat(plan(true, files, V1)).extracting(PlannedWrite::file, PlannedWrite::value)
                .containsExactly(tuple("cgroup.freeze", "1"));
        assertThat(asked(files, V1)).contains(true);
        assertThat(freezer.isFrozen(files, V1)).isFalse();
        assertThat(freezer.freezeWrite(files, V1, false)).map(PlannedWrite::value).contains("0");
    }

    @Test
    void freezerStateWinsWhereTheGroupHasBoth() {
        InMemoryGroupFiles files = InMemoryGroupFiles.of("freezer.state", "THAWED\n", "cgroup.freeze", "1\n",
                "cgroup.events", "frozen 1\n");

        assertThat(plan(true, files, V1)).extracting(PlannedWrite::file).containsExactly("freezer.state");
        assertThat(asked(files, V1)).contains(false);
        assertThat(freezer.isFrozen(files, V1)).isFalse();
        // on v2 there is no freezer.state to look at
        assertThat(plan(true, files, V2)).extracting(PlannedWrite::file).containsExactly("cgroup.freeze");
        assertThat(asked(files, V2)).contains(true);
    }

    @Test
    void aGroupWithNeitherFileCannotBeFrozenAndThePlanNamesTheVersionsFile() {
        InMemoryGroupFiles none = InMemoryGroupFiles.of();

        assertThat(freezer.freezeWrite(none, V1, true)).isEmpty();
        assertThat(freezer.freezeWrite(none, V2, true)).isEmpty();
        assertThat(plan(true, none, V1)).extracting(PlannedWrite::file).containsExactly("freezer.state");
        assertThat(plan(true, none, V2)).extracting(PlannedWrite::file).containsExactly("cgroup.freeze");
        assertThat(asked(none, V1)).isEmpty();
        assertThat(freezer.isFrozen(none, V1)).isFalse();
    }
}
