package io.github.jcg.bench;

import io.github.jcg.core.sample.MetricFamily;

import java.util.EnumSet;
import java.util.Set;

/** The metric selections benchmarked: what jcg top's default columns read, and everything. */
final class Metrics {
    private Metrics() {
    }

    static Set<MetricFamily> named(String name) {
        return switch (name) {
            case "top" -> EnumSet.of(MetricFamily.CPU_USAGE, MetricFamily.MEMORY_USAGE, MetricFamily.PIDS_CURRENT, MetricFamily.IO_BYTES);
            case "limits" -> EnumSet.of(MetricFamily.CPU_USAGE, MetricFamily.MEMORY_USAGE, MetricFamily.PIDS_CURRENT,
                    MetricFamily.IO_BYTES, MetricFamily.THROTTLING, MetricFamily.CPU_LIMIT, MetricFamily.MEMORY_LIMIT);
            case "all" -> MetricFamily.all();
            default -> throw new IllegalArgumentException("unknown metric selection " + name);
        };
    }
}
