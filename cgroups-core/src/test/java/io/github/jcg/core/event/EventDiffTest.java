package io.github.jcg.core.event;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.sample.Metric;
import io.github.jcg.core.sample.UsageSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as an event between two snapshots of a group, on hand-made snapshots. */
class EventDiffTest {
    private static final CgroupPath WEB = CgroupPath.of("web");
    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
    private static final Set<EventKind> ALL = EnumSet.allOf(EventKind.class);

    private static UsageSnapshot.Builder at(long nanos) {
        return UsageSnapshot.builder(WEB, nanos);
    }

    private static List<GroupEvent> diff(UsageSnapshot before, UsageSnapshot after, Set<EventKind> kinds) {
        List<GroupEvent> out = new ArrayList<>();
        EventDiff.between(before, after, kinds, T, out);
        return out;
    }

    @Test
    void aCounterThatRoseByThreeIsOneEventCarryingTheRise() {
        UsageSnapshot before = at(1).put(Metric.MEMORY_EVENTS_OOM_KILL, 2).build();
        UsageSnapshot after = at(5).put(Metric.MEMORY_EVENTS_OOM_KILL, 5).build();

        assertThat(diff(before, after, ALL)).containsExactly(GroupEvent.of(WEB, EventKind.OOM_KILL, 5, 3, T, 5));
    }

    @Test
    void anUnchangedSnapshotIsNoEvent() {
        UsageSnapshot s = at(1).put(Metric.PIDS_EVENTS_MAX, 7).put(Metric.POPULATED, 1).put(Metric.FROZEN, 0).build();

        assertThat(diff(s, at(2).put(Metric.PIDS_EVENTS_MAX, 7).put(Metric.POPULATED, 1).put(Metric.FROZEN, 0).build(), ALL))
                .isEmpty();
    }

    @Test
    void aCounterBelowItsLastValueBelongsToAGroupMadeAgainAndCountsFromZero() {
        UsageSnapshot before = at(1).put(Metric.PIDS_EVENTS_MAX, 40).build();

        assertThat(diff(before, at(2).put(Metric.PIDS_EVENTS_MAX, 3).build(), ALL))
                .containsExactly(GroupEvent.of(WEB, EventKind.PIDS_MAX, 3, 3, T, 2));
        assertThat(diff(before, at(2).put(Metric.PIDS_EVENTS_MAX, 0).build(), ALL)).as("made again, nothing counted yet")
                .isEmpty();
    }

    @Test
    void statesGiveOneKindEachWay() {
        UsageSnapshot empty = at(1).put(Metric.POPULATED, 0).put(Metric.FROZEN, 0).put(Metric.MEMORY_UNDER_OOM, 0).build();
        UsageSnapshot full = at(2).put(Metric.POPULATED, 1).put(Metric.FROZEN, 1).put(Metric.MEMORY_UNDER_OOM, 1).build();

        assertThat(diff(empty, full, ALL)).extracting(GroupEvent::kind, GroupEvent::value, GroupEvent::delta).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EventKind.POPULATED, 1L, 1L),
                org.assertj.core.groups.Tuple.tuple(EventKind.UNDER_OOM, 1L, 1L),
                org.assertj.core.groups.Tuple.tuple(EventKind.FROZEN, 1L, 1L));
        // leaving OOM is no event; thawing and emptying are
        assertThat(diff(full, empty, ALL)).extracting(GroupEvent::kind, GroupEvent::value, GroupEvent::delta).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EventKind.THAWED, 0L, -1L),
                org.assertj.core.groups.Tuple.tuple(EventKind.EMPTY, 0L, -1L));
    }

    @Test
    void aProcessThatArrivedAndWasRefusedAForkComesAsPopulatedThenTheRefusal() {
        UsageSnapshot before = at(1).put(Metric.POPULATED, 0).put(Metric.PIDS_EVENTS_MAX, 0).build();
        UsageSnapshot after = at(2).put(Metric.POPULATED, 1).put(Metric.PIDS_EVENTS_MAX, 2).build();

        assertThat(diff(before, after, ALL)).extracting(GroupEvent::kind).containsExactly(EventKind.POPULATED, EventKind.PIDS_MAX);
    }

    @Test
    void anOomKillThatEmptiedTheGroupComesBeforeTheEmptying() {
        UsageSnapshot before = at(1).put(Metric.POPULATED, 1).put(Metric.MEMORY_EVENTS_MAX, 10).put(Metric.MEMORY_EVENTS_OOM, 0)
                .put(Metric.MEMORY_EVENTS_OOM_KILL, 0).build();
        UsageSnapshot after = at(2).put(Metric.POPULATED, 0).put(Metric.MEMORY_EVENTS_MAX, 30).put(Metric.MEMORY_EVENTS_OOM, 1)
                .put(Metric.MEMORY_EVENTS_OOM_KILL, 1).build();

        assertThat(diff(before, after, ALL)).extracting(GroupEvent::kind)
                .containsExactly(EventKind.MEMORY_MAX, EventKind.OOM, EventKind.OOM_KILL, EventKind.EMPTY);
        assertThat(diff(before, after, ALL).get(0).delta()).isEqualTo(20);
    }

    @Test
    void onlyTheKindsAskedForComeOut() {
        UsageSnapshot before = at(1).put(Metric.POPULATED, 1).put(Metric.MEMORY_FAILCNT, 0).build();
        UsageSnapshot after = at(2).put(Metric.POPULATED, 0).put(Metric.MEMORY_FAILCNT, 9).build();

        assertThat(diff(before, after, EnumSet.of(EventKind.POPULATED, EventKind.MEMORY_FAILCNT)))
                .extracting(GroupEvent::kind).containsExactly(EventKind.MEMORY_FAILCNT);
    }

    @Test
    void aMetricInOnlyOneSnapshotIsABaselineNotAnEvent() {
        UsageSnapshot without = at(1).build();
        UsageSnapshot with = at(2).put(Metric.MEMORY_EVENTS_HIGH, 12).put(Metric.POPULATED, 1).build();

        assertThat(diff(without, with, ALL)).as("a controller enabled later").isEmpty();
        assertThat(diff(with, without, ALL)).as("a file that could not be read").isEmpty();
    }
}
