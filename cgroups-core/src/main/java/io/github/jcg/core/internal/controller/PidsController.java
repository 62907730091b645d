package io.github.jcg.core.internal.controller;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.internal.GroupFiles;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.limit.KernelRanges;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import io.github.jcg.core.sample.Metric;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The pids controller: {@code pids.max} and {@code pids.current}, the same on both versions. */
final class PidsController extends ControllerModule {
    PidsController() {
        super(Set.of(Controller.PIDS));
    }

    // ---------------------------------------------------------------- limits and errors

    private static final String MAX_FILE = "pids.max";

    @Override
    public void copy(Resources from, Resources.Builder into) {
        from.pidsMax().ifPresent(into::pidsMax);
    }

    /** {@code pids.max}, a number or max, on both versions. */
    @Override
    public void plan(Resources wanted, GroupFiles current, CgroupVersion version, SharesWeightMapping mapping,
                     List<PlannedWrite> writes) {
        wanted.pidsMax().ifPresent(p -> writes.add(PlannedWrite.of(MAX_FILE, p.toV2String())));
    }

    @Override
    public void read(GroupFiles current, CgroupVersion version, Resources.Builder into) {
        current.read(MAX_FILE).map(String::strip)
                .ifPresent(p -> into.pidsMax(p.equals("max") ? Limit.unlimited() : Limit.of(Long.parseLong(p))));
    }

    @Override
    public void check(String file, String value) {
        String v = value.strip();
        if (file.equals(MAX_FILE) && !v.equals("max")) {
            RawValues.range(file, RawValues.number(file, v, "max or a number of processes"), 0, KernelRanges.MAX_PIDS,
                    ", or max for no limit");
        }
    }

    /** pids.rst and cgroup-v2.rst. */
    private static final Set<String> FILE_NAMES = Set.of("pids.max", "pids.current", "pids.peak", "pids.events",
            "pids.events.local");

    @Override
    public Set<String> fileNames() {
        return FILE_NAMES;
    }

    // ---------------------------------------------------------------- sampling

    private static final int CURRENT = 0;
    private static final int MAX = 1;
    private static final int PEAK = 2;
    private static final int EVENTS = 3;
    /** pids.events' key; newer kernels add max.imposed, which the key's trailing space keeps apart. */
    private static final byte[] EVENTS_MAX = key("max");

    @Override
    public int sampleFileCount() {
        return 4;
    }

    /** Every file here is the pids controller's on both versions (pids.peak since Linux 6.13). */
    @Override
    public void placeSampleFiles(SampleFiles files) {
        Optional<Hierarchy> pids = hierarchy(files.layout());
        files.place(CURRENT, pids, "pids.current", Metric.PIDS_CURRENT);
        files.place(MAX, pids, "pids.max", Metric.PIDS_LIMIT);
        files.place(PEAK, pids, "pids.peak", Metric.PIDS_PEAK);
        files.place(EVENTS, pids, "pids.events", Metric.PIDS_EVENTS_MAX);
    }

    @Override
    public void sample(SampleReading r) {
        if (r.load(CURRENT)) {
            r.put(Metric.PIDS_CURRENT, r.buffer().firstLong());
        }
        if (r.load(MAX)) {
            r.putLimit(Metric.PIDS_LIMIT, r.buffer().firstLong(), false);
        }
        if (r.load(PEAK)) {
            r.put(Metric.PIDS_PEAK, r.buffer().firstLong());
        }
        if (r.load(EVENTS)) {
            r.put(Metric.PIDS_EVENTS_MAX, r.buffer().keyed(EVENTS_MAX));
        }
    }
}
