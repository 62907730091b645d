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
 */
public record Sample(long monotonicNanos, Map<CgroupPath, UsageSnapshot> groups) {
    public Sample {
        groups = Collections.unmodifiableMap(groups);
    }

    public Optional<UsageSnapshot> group(CgroupPath path) {
        return Optional.ofNullable(groups.get(path));
    }

    public Collection<UsageSnapshot> snapshots() {
        return groups.values();
    }
}
