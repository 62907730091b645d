package io.github.jcg.cli.top;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.sample.MetricFamily;
import io.github.jcg.core.sample.Sample;
import io.github.jcg.core.sample.SubtreeSampler;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where the rows come from: the core sampler over the subtree, asked for only what the
 * visible columns need. systemd-cgtop's six columns cost one file per column per group
 * (total CPU time, current memory, pids.current, the IO byte counters); the limit and
 * throttling columns, and JSON, add cpu.stat's throttling, the quota and the memory limit;
 * the OOM column one file (memory.events or memory.oom_control), the pressure columns three.
 */
final class Source {
    private final SubtreeSampler sampler;

    Source(HostLayout layout, CgroupPath root, int depth, Set<MetricFamily> metrics) {
        this.sampler = new SubtreeSampler(layout, root, depth, metrics);
    }

    /**
     * The source for the settings, reading the limit columns' files only when {@code limits},
     * and the OOM and pressure columns' only when the settings show them.
     */
    static Source forSettings(HostLayout layout, TopSettings settings, boolean limits) {
        return new Source(layout, settings.root, settings.depth,
                metricsFor(settings.counting, limits, settings.oomKills, settings.pressure));
    }

    /** What the columns need: usage always, tasks or processes, and the optional columns when shown. */
    static Set<MetricFamily> metricsFor(TaskCounting counting, boolean limits, boolean oomKills, boolean pressure) {
        EnumSet<MetricFamily> out = EnumSet.of(MetricFamily.CPU_USAGE, MetricFamily.MEMORY_USAGE, MetricFamily.IO_BYTES);
        out.add(counting.countsProcesses() ? MetricFamily.PROCESSES : MetricFamily.PIDS_CURRENT);
        if (limits) {
            out.add(MetricFamily.THROTTLING);
            out.add(MetricFamily.CPU_LIMIT);
            out.add(MetricFamily.MEMORY_LIMIT);
        }
        if (oomKills) {
            out.add(MetricFamily.OOM_KILLS);
        }
        if (pressure) {
            out.add(MetricFamily.PSI_SOME_AVG10);
        }
        return out;
    }

    /** One pass over the subtree. */
    Pass sample() {
        return new Pass(sampler.sample());
    }

    /** The rows of {@code later}; rates need {@code earlier} (null on the first refresh). */
    List<GroupRow> rows(Pass earlier, Pass later, TaskCounting counting, boolean recursive) {
        return Rows.of(earlier == null ? null : earlier.sample(), later.sample(), counting, recursive);
    }

    /** A pass: when it started, and the groups it found. */
    record Pass(Sample sample) {
        long monotonicNanos() {
            return sample.monotonicNanos();
        }

        int groupCount() {
            return sample.groups().size();
        }
    }
}
