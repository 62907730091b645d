package io.github.jcg.cli.top;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.sample.MetricGroup;
import io.github.jcg.core.sample.Sample;
import io.github.jcg.core.sample.UsageReader;
import io.github.jcg.core.sample.UsageSnapshot;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One pass over the subtree: the groups present now and a snapshot of each, reading only
 * the metric groups the visible columns need (each costs file reads per group).
 *
 * <p>Uses the core's {@link UsageReader} for every number; only the listing is its own
 * (see {@link TreeLister}). A group that vanishes mid-pass is left out of that pass.
 */
final class TopSampler {
    private final UsageReader reader;
    private final TreeLister lister;
    private final Set<MetricGroup> metrics;

    TopSampler(HostLayout layout, CgroupPath root, int depth, Set<MetricGroup> metrics) {
        this.metrics = EnumSet.copyOf(metrics);
        this.reader = new UsageReader(layout, this.metrics);
        this.lister = new TreeLister(mountsFor(layout, this.metrics), root, depth);
    }

    Set<MetricGroup> metrics() {
        return metrics;
    }

    /** What the columns need: usage always, tasks or processes, and the limits when shown. */
    static Set<MetricGroup> metricsFor(TaskCounting counting, boolean limits) {
        EnumSet<MetricGroup> out = EnumSet.of(MetricGroup.CPU, MetricGroup.MEMORY, MetricGroup.IO);
        out.add(counting.countsProcesses() ? MetricGroup.PROCESSES : MetricGroup.PIDS);
        if (limits) {
            out.add(MetricGroup.THROTTLING);
            out.add(MetricGroup.CPU_LIMIT);
            out.add(MetricGroup.MEMORY_LIMIT);
        }
        return out;
    }

    Sample sample() {
        long started = System.nanoTime();
        Map<CgroupPath, UsageSnapshot> snapshots = new LinkedHashMap<>();
        for (TreeLister.Group group : lister.list()) {
            UsageSnapshot snapshot = reader.read(group.path);
            if (snapshot != null) {
                snapshots.put(group.path, snapshot);
            }
        }
        return new Sample(started, snapshots);
    }

    /**
     * The mounts worth listing: those the reader takes a metric from. Processes are counted
     * in whichever hierarchy has the group, so counting them lists every mount.
     */
    static List<String> mountsFor(HostLayout layout, Set<MetricGroup> metrics) {
        List<Hierarchy> wanted = new ArrayList<>();
        if (metrics.contains(MetricGroup.PROCESSES) || metrics.contains(MetricGroup.THREADS)) {
            wanted.addAll(layout.hierarchies());
        } else {
            if (metrics.contains(MetricGroup.CPU)) {
                add(wanted, layout.hierarchyOf(Controller.CPUACCT));
                add(wanted, layout.unified()); // v2, and hybrid groups that live only on the v2 mount
            }
            if (metrics.contains(MetricGroup.THROTTLING) || metrics.contains(MetricGroup.CPU_LIMIT)) {
                add(wanted, layout.hierarchyOf(Controller.CPU));
            }
            if (metrics.contains(MetricGroup.MEMORY) || metrics.contains(MetricGroup.MEMORY_LIMIT)) {
                add(wanted, layout.hierarchyOf(Controller.MEMORY));
            }
            if (metrics.contains(MetricGroup.PIDS)) {
                add(wanted, layout.hierarchyOf(Controller.PIDS));
            }
            if (metrics.contains(MetricGroup.IO)) {
                add(wanted, layout.hierarchyOf(Controller.IO).or(() -> layout.hierarchyOf(Controller.BLKIO)));
            }
            if (metrics.contains(MetricGroup.PSI)) {
                add(wanted, layout.unified());
            }
            if (layout.v1Hierarchies().isEmpty()) {
                add(wanted, layout.unified());
            }
        }
        List<String> dirs = new ArrayList<>();
        for (Hierarchy h : wanted) {
            String d = h.mountPoint().toString();
            d = d.endsWith("/") && d.length() > 1 ? d.substring(0, d.length() - 1) : d;
            if (!dirs.contains(d)) {
                dirs.add(d);
            }
        }
        return dirs;
    }

    private static void add(List<Hierarchy> out, Optional<Hierarchy> h) {
        h.ifPresent(out::add);
    }

    /** For the header: how this host arranges its hierarchies, in words. */
    static String describe(HostLayout layout) {
        return switch (layout.mode()) {
            case LEGACY -> "cgroup v1";
            case HYBRID -> "hybrid (v1 + v2)";
            case UNIFIED -> "cgroup v2";
        };
    }
}
