package io.github.jcg.core.event;

import io.github.jcg.core.sample.Metric;
import io.github.jcg.core.sample.UsageSnapshot;

import java.time.Instant;
import java.util.Set;

/**
 * The events between two snapshots of one group: a pure function, so that what counts as an
 * event is tested on hand-made snapshots. Kinds come out in {@link EventKind}'s order: populated
 * first, the counters, frozen or thawed, empty last, so an OOM kill that emptied a group reads
 * as the kill, then the emptying.
 */
final class EventDiff {
    private static final EventKind[] KINDS = EventKind.values();

    private EventDiff() {
    }

    /**
     * Adds to {@code out} what changed from {@code before} to {@code after}. A metric present in
     * only one of them is no event: a metric appearing (a controller enabled later) sets a
     * baseline, it does not count up from nothing.
     *
     * @param before the group's previous snapshot
     * @param after  its snapshot now
     * @param kinds  the kinds wanted
     * @param time   the wall-clock time of {@code after}
     * @param out    where the events go, in order
     */
    static void between(UsageSnapshot before, UsageSnapshot after, Set<EventKind> kinds, Instant time, java.util.Collection<GroupEvent> out) {
        for (EventKind kind : KINDS) {
            Metric m = kind.metric().orElse(null);
            if (m == null || !kinds.contains(kind) || !before.has(m) || !after.has(m)) {
                continue;
            }
            long was = before.getAsLong(m);
            long now = after.getAsLong(m);
            long delta = switch (kind.change()) {
                // a counter below its last value belongs to a group made again meanwhile: it counted from 0
                case ROSE -> now > was ? now - was : now < was ? now : 0;
                case SET -> was == 0 && now != 0 ? 1 : 0;
                case CLEARED -> was != 0 && now == 0 ? -1 : 0;
            };
            if (delta != 0) {
                out.add(GroupEvent.of(after.path(), kind, now, delta, time, after.monotonicNanos()));
            }
        }
    }
}
