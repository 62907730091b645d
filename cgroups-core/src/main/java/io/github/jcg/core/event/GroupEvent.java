package io.github.jcg.core.event;

import io.github.jcg.core.CgroupPath;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing that happened to a watched group, as a {@link GroupWatcher} saw it.
 *
 * <p>{@link #value()} and {@link #delta()} by kind:
 * <ul>
 * <li>counters ({@link EventKind#isCounter()}: {@link EventKind#OOM_KILL}, {@link EventKind#PIDS_MAX} …):
 * the counter's value now and how much it rose since the group's previous snapshot. A counter
 * that rose by 3 between two reads is one event with delta 3, never three events, so the deltas
 * of a group's events of one kind add up to the counter's whole rise: none is lost. A counter
 * that went backwards (the group was removed and made again between two reads) counts from 0.</li>
 * <li>states ({@link EventKind#POPULATED}, {@link EventKind#EMPTY}, {@link EventKind#FROZEN},
 * {@link EventKind#THAWED}, {@link EventKind#UNDER_OOM}): the state now (1 or 0) and its change
 * (+1 or -1). A state that flipped and flipped back between two reads is not seen.</li>
 * <li>{@link EventKind#PRESSURE}: the trigger's total stall time now, µs, and its rise since the
 * group's previous pressure event (or since the watcher started); 0 and 0 where the host does
 * not report the total.</li>
 * <li>{@link EventKind#REMOVED}: 0 and 0.</li>
 * </ul>
 *
 * @param group          the group's path
 * @param kind           what happened
 * @param value          the counter or state after the change (see above)
 * @param delta          the change (see above)
 * @param time           wall-clock time of the read that saw it
 * @param monotonicNanos {@link System#nanoTime()} of that read, for intervals and latencies
 * @param trigger        for {@link EventKind#PRESSURE}, the trigger that fired; empty otherwise
 */
public record GroupEvent(CgroupPath group, EventKind kind, long value, long delta, Instant time, long monotonicNanos,
                         Optional<PressureTrigger> trigger) {
    /**
     * Checks that the parts belong together.
     *
     * @param group          the group's path
     * @param kind           what happened
     * @param value          the counter or state after the change
     * @param delta          the change
     * @param time           wall-clock time of the read that saw it
     * @param monotonicNanos {@link System#nanoTime()} of that read
     * @param trigger        the trigger that fired, for {@link EventKind#PRESSURE} only
     * @throws IllegalArgumentException when a {@link EventKind#PRESSURE} event has no trigger, or
     *                                  another kind has one
     * @throws NullPointerException     when a component is null
     */
    public GroupEvent {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(trigger, "trigger");
        if (trigger.isPresent() != (kind == EventKind.PRESSURE)) {
            throw new IllegalArgumentException("a " + kind + " event " + (trigger.isPresent() ? "has no" : "needs a")
                    + " PSI trigger");
        }
    }

    /**
     * An event of any kind but {@link EventKind#PRESSURE}.
     *
     * @param group          the group's path
     * @param kind           what happened
     * @param value          the counter or state after the change
     * @param delta          the change
     * @param time           wall-clock time of the read that saw it
     * @param monotonicNanos {@link System#nanoTime()} of that read
     * @return the event
     */
    public static GroupEvent of(CgroupPath group, EventKind kind, long value, long delta, Instant time, long monotonicNanos) {
        return new GroupEvent(group, kind, value, delta, time, monotonicNanos, Optional.empty());
    }
}
