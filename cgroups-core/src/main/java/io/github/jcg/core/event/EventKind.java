package io.github.jcg.core.event;

import io.github.jcg.core.sample.Metric;
import io.github.jcg.core.sample.MetricFamily;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What happened to a group. Each kind but {@link #PRESSURE} and {@link #REMOVED} is a change of
 * one {@link Metric} between two snapshots of the group: a counter that rose (the kernel counted
 * something happening), or a 0/1 state that flipped.
 *
 * <p>The order of the constants is the order in which changes seen by one read are delivered,
 * the order in which they can happen: a group is populated before anything happens in it, and
 * emptied (then removed) after, so an OOM kill that emptied a group comes before the emptying.
 */
public enum EventKind {
    /**
     * A process appeared in the group or below it where there was none ({@code cgroup.events}
     * {@code populated} 0 → 1; on v1, where there is no such file, the group's and its
     * descendants' {@code cgroup.procs}).
     */
    POPULATED(Metric.POPULATED, Change.SET),
    /**
     * The group's usage went below its {@code memory.low} protection and it was reclaimed anyway
     * ({@code memory.events} {@code low}; v2).
     */
    MEMORY_LOW(Metric.MEMORY_EVENTS_LOW, Change.ROSE),
    /** The group was throttled and reclaimed over {@code memory.high} ({@code memory.events} {@code high}; v2). */
    MEMORY_HIGH(Metric.MEMORY_EVENTS_HIGH, Change.ROSE),
    /** The group's usage was about to go over {@code memory.max} ({@code memory.events} {@code max}; v2). */
    MEMORY_MAX(Metric.MEMORY_EVENTS_MAX, Change.ROSE),
    /** Reclaim could not keep the group under its hard limit: the OOM killer was invoked ({@code memory.events} {@code oom}; v2). */
    OOM(Metric.MEMORY_EVENTS_OOM, Change.ROSE),
    /**
     * A process in the group was killed by the OOM killer: v2 {@code memory.events}
     * {@code oom_kill}, v1 {@code memory.oom_control} {@code oom_kill}.
     */
    OOM_KILL(Metric.MEMORY_EVENTS_OOM_KILL, Change.ROSE),
    /** The whole group was OOM-killed at once ({@code memory.oom.group}; {@code memory.events} {@code oom_group_kill}, v2). */
    OOM_GROUP_KILL(Metric.MEMORY_EVENTS_OOM_GROUP_KILL, Change.ROSE),
    /** Usage hit the v1 hard limit ({@code memory.failcnt}; v1). */
    MEMORY_FAILCNT(Metric.MEMORY_FAILCNT, Change.ROSE),
    /**
     * The v1 group went under OOM: its tasks are stopped because its OOM killer is disabled
     * ({@code memory.oom_control} {@code under_oom} 0 → 1; v1). Leaving that state is no event.
     */
    UNDER_OOM(Metric.MEMORY_UNDER_OOM, Change.SET),
    /** A fork or clone failed because the group was at its {@code pids.max} ({@code pids.events} {@code max}). */
    PIDS_MAX(Metric.PIDS_EVENTS_MAX, Change.ROSE),
    /** The group finished freezing ({@code cgroup.events} {@code frozen} 0 → 1; v2, Linux 5.2 and later). */
    FROZEN(Metric.FROZEN, Change.SET),
    /** The group is no longer frozen ({@code frozen} 1 → 0). */
    THAWED(Metric.FROZEN, Change.CLEARED),
    /** The last process in the group and below it is gone ({@code populated} 1 → 0). */
    EMPTY(Metric.POPULATED, Change.CLEARED),
    /**
     * A PSI trigger of the watcher fired: the group's tasks stalled on the trigger's resource for
     * at least its threshold within its window ({@code cpu.pressure}, {@code memory.pressure} or
     * {@code io.pressure}; v2 mount, with jnr-ffi's {@code poll(2)}).
     */
    PRESSURE(null, null),
    /** The group was removed; the watcher watches it no longer. Its last event. */
    REMOVED(null, null);

    /** How the metric behind a kind changed. */
    enum Change {
        /** A counter grew. */
        ROSE,
        /** A 0/1 state went from 0 to 1. */
        SET,
        /** A 0/1 state went from 1 to 0. */
        CLEARED
    }

    private final Metric metric;
    private final Change change;

    EventKind(Metric metric, Change change) {
        this.metric = metric;
        this.change = change;
    }

    /**
     * The metric whose change this kind reports.
     *
     * @return the counter or 0/1 state; empty for {@link #PRESSURE} and {@link #REMOVED}
     */
    public Optional<Metric> metric() {
        return Optional.ofNullable(metric);
    }

    /**
     * Whether events of this kind count: a counter's rise, reported with the rise as
     * {@link GroupEvent#delta()}. The others are a state that changed.
     *
     * @return true for the counters ({@link #OOM_KILL}, {@link #PIDS_MAX} …)
     */
    public boolean isCounter() {
        return change == Change.ROSE;
    }

    Change change() {
        return change;
    }

    /**
     * The metric families a watcher reads for these kinds ({@link #PRESSURE} needs none: it
     * reads the PSI totals when a trigger fires).
     *
     * @param kinds the kinds wanted
     * @return a new set of families; empty when no kind needs a snapshot
     */
    static Set<MetricFamily> familiesFor(Set<EventKind> kinds) {
        Set<MetricFamily> out = EnumSet.noneOf(MetricFamily.class);
        for (EventKind k : kinds) {
            if (k.metric != null) {
                for (MetricFamily f : List.of(MetricFamily.MEMORY_EVENTS, MetricFamily.PIDS_EVENTS, MetricFamily.GROUP_EVENTS)) {
                    if (f.metrics().contains(k.metric)) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }
}
