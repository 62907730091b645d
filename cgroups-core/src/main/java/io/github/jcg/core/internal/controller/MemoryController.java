package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.internal.fs.FileBuffer;
import io.github.jcg.core.sample.Metric;

import java.util.Optional;

import java.util.Set;

/** The memory controller: v1 {@code memory.*_in_bytes}, v2 {@code memory.max/high/low/min/swap.max}, usage and memory pressure. */
final class MemoryController extends ControllerModule {
    MemoryController() {
        super(Set.of(Controller.MEMORY));
    }

    // ---------------------------------------------------------------- limits and errors

    // ---------------------------------------------------------------- sampling

    private static final int CURRENT = 0;
    private static final int PEAK = 1;
    private static final int STAT = 2;
    private static final int SWAP_CURRENT = 3;
    private static final int LIMIT = 4;
    private static final int PRESSURE = 5;
    private static final byte[] INACTIVE_FILE = key("inactive_file");
    private static final byte[] TOTAL_INACTIVE_FILE = key("total_inactive_file");
    private static final byte[] TOTAL_SWAP = key("total_swap");

    @Override
    public int sampleFileCount() {
        return 6;
    }

    /** v1 has no memory.swap.current: its swap use is memory.stat's total_swap. */
    @Override
    public void placeSampleFiles(SampleFiles files) {
        Optional<Hierarchy> memory = files.layout().hierarchyOf(Controller.MEMORY);
        boolean v2 = memory.map(h -> h.version() == CgroupVersion.V2).orElse(false);
        files.place(CURRENT, memory, v2 ? "memory.current" : "memory.usage_in_bytes",
                Metric.MEMORY_CURRENT_BYTES, Metric.MEMORY_WORKING_SET_BYTES);
        files.place(PEAK, memory, v2 ? "memory.peak" : "memory.max_usage_in_bytes", Metric.MEMORY_PEAK_BYTES);
        files.place(STAT, memory, "memory.stat", v2 ? new Metric[] {Metric.MEMORY_WORKING_SET_BYTES}
                : new Metric[] {Metric.MEMORY_WORKING_SET_BYTES, Metric.SWAP_CURRENT_BYTES});
        files.place(SWAP_CURRENT, v2 ? memory : Optional.empty(), "memory.swap.current", Metric.SWAP_CURRENT_BYTES);
        files.place(LIMIT, memory, v2 ? "memory.max" : "memory.limit_in_bytes", Metric.MEMORY_LIMIT_BYTES);
        files.place(PRESSURE, files.layout().unified(), "memory.pressure",
                Metric.PSI_MEMORY_SOME_MICROS, Metric.PSI_MEMORY_FULL_MICROS);
    }

    @Override
    public void sample(SampleReading r) {
        FileBuffer b = r.buffer();
        boolean v2 = r.version(CURRENT) == CgroupVersion.V2;
        long usage = FileBuffer.ABSENT;
        if (r.load(CURRENT)) {
            usage = b.firstLong();
            r.put(Metric.MEMORY_CURRENT_BYTES, usage);
        }
        if (r.load(PEAK)) {
            r.put(Metric.MEMORY_PEAK_BYTES, b.firstLong());
        }
        boolean workingSet = r.wants(Metric.MEMORY_WORKING_SET_BYTES) && usage != FileBuffer.ABSENT;
        boolean v1Swap = !v2 && r.wants(Metric.SWAP_CURRENT_BYTES);
        if ((workingSet || v1Swap) && r.load(STAT)) {
            long inactiveFile = b.keyed(v2 ? INACTIVE_FILE : TOTAL_INACTIVE_FILE);
            if (usage != FileBuffer.ABSENT && inactiveFile != FileBuffer.ABSENT) {
                // usage less inactive file cache, floored at 0: what cAdvisor and the kubelet call working set
                r.put(Metric.MEMORY_WORKING_SET_BYTES, Math.max(0, usage - inactiveFile));
            }
            if (v1Swap) {
                r.put(Metric.SWAP_CURRENT_BYTES, b.keyed(TOTAL_SWAP));
            }
        }
        if (r.load(SWAP_CURRENT)) {
            r.put(Metric.SWAP_CURRENT_BYTES, b.firstLong());
        }
        if (r.load(LIMIT)) {
            r.putLimit(Metric.MEMORY_LIMIT_BYTES, b.firstLong(), !v2);
        }
        if (r.load(PRESSURE)) {
            putPressure(r, Metric.PSI_MEMORY_SOME_MICROS, Metric.PSI_MEMORY_FULL_MICROS);
        }
    }
}
