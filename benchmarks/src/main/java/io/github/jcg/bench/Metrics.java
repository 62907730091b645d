package io.github.jcg.bench;

import io.github.jcg.core.sample.MetricGroup;

import java.util.EnumSet;
import java.util.Set;

/** The metric selections benchmarked: what jcg top's default columns read, and everything. */
final class Metrics {
    private Metrics() {
    }

    static Set<MetricGroup> named(String name) {
        return switch (name) {
            case "top" -> EnumSet.of(MetricGroup.CPU_USAGE, MetricGroup.MEMORY_USAGE, MetricGroup.PIDS_CURRENT, MetricGroup.IO_BYTES);
            case "limits" -> EnumSet.of(MetricGroup.CPU_USAGE, MetricGroup.MEMORY_USAGE, MetricGroup.PIDS_CURRENT,
                    MetricGroup.IO_BYTES, MetricGroup.THROTTLING, MetricGroup.CPU_LIMIT, MetricGroup.MEMORY_LIMIT);
            case "all" -> MetricGroup.all();
            default -> throw new IllegalArgumentException("unknown metric selection " + name);
        };
    }
}
