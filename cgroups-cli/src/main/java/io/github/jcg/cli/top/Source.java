package io.github.jcg.cli.top;

import java.util.List;

/**
 * Where the rows come from: one pass over the subtree per refresh, and the rows between
 * two passes. Two kinds: the core sampler, which reads everything the limit columns and
 * JSON need, and {@link LeanSource}, which reads one file per column for systemd-cgtop's
 * six.
 */
interface Source {
    /** One pass over the subtree. */
    Pass sample();

    /** The rows of {@code later}; rates need {@code earlier} (null on the first refresh). */
    List<GroupRow> rows(Pass earlier, Pass later, TaskCounting counting, boolean recursive);

    /** A pass: when it started, and how many groups it found. */
    interface Pass {
        long monotonicNanos();

        int groupCount();
    }

    /** The cheapest source that has what the settings show. */
    static Source forSettings(io.github.jcg.core.HostLayout layout, TopSettings settings, boolean limits) {
        if (!limits && !settings.counting.countsProcesses()) {
            return new LeanSource(layout, settings.root, settings.depth);
        }
        return new CoreSource(new TopSampler(layout, settings.root, settings.depth,
                TopSampler.metricsFor(settings.counting, limits)));
    }
}
