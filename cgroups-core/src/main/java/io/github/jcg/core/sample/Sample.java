package io.github.jcg.core.sample;

import io.github.jcg.core.CgroupPath;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * Snapshots of every group in a subtree, taken in one pass, in path order.
 *
 * @param monotonicNanos {@link System#nanoTime()} when the pass started
 * @param groups         each group's snapshot by path (unmodifiable); a group that vanished
 *                       during the pass, or exists in none of the hierarchies read, is absent
 */
public record Sample(long monotonicNanos, Map<CgroupPath, UsageSnapshot> groups) {
    /**
     * Wraps {@code groups} unmodifiable without copying it (its order is kept; later changes to it
     * show through).
     *
     * @param monotonicNanos {@link System#nanoTime()} when the pass started
     * @param groups         each group's snapshot by path
     */
    public Sample {
        groups = Collections.unmodifiableMap(groups);
    }

    /**
     * One group's snapshot.
     *
     * @param path the group's path
     * @return its snapshot; empty when the pass did not find the group
     */
    public Optional<UsageSnapshot> group(CgroupPath path) {
        return Optional.ofNullable(groups.get(path));
    }

    /**
     * Every snapshot of the pass.
     *
     * @return the snapshots, in the order of {@link #groups()}
     */
    public Collection<UsageSnapshot> snapshots() {
        return groups.values();
    }
}
