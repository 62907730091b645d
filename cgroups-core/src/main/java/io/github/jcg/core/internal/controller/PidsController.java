package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.sample.Metric;

import java.util.Optional;

import java.util.Set;

/** The pids controller: {@code pids.max} and {@code pids.current}, the same on both versions. */
final class PidsController extends ControllerModule {
    PidsController() {
        super(Set.of(Controller.PIDS));
    }

    // ---------------------------------------------------------------- limits and errors

    // ---------------------------------------------------------------- sampling

    private static final int CURRENT = 0;
    private static final int MAX = 1;

    @Override
    public int sampleFileCount() {
        return 2;
    }

    @Override
    public void placeSampleFiles(SampleFiles files) {
        Optional<Hierarchy> pids = files.layout().hierarchyOf(Controller.PIDS);
        files.place(CURRENT, pids, "pids.current", Metric.PIDS_CURRENT);
        files.place(MAX, pids, "pids.max", Metric.PIDS_LIMIT);
    }

    @Override
    public void sample(SampleReading r) {
        if (r.load(CURRENT)) {
            r.put(Metric.PIDS_CURRENT, r.buffer().firstLong());
        }
        if (r.load(MAX)) {
            r.putLimit(Metric.PIDS_LIMIT, r.buffer().firstLong(), false);
        }
    }
}
