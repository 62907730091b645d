package io.github.jcg.core.internal.controller;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.internal.fs.FileBuffer;
import io.github.jcg.core.sample.Metric;

import java.util.Optional;
import java.util.Set;

/** The cpuacct controller (v1 only): CPU time of a group ({@code cpuacct.usage}, {@code cpuacct.stat}). */
final class CpuacctController extends ControllerModule {
    CpuacctController() {
        super(Set.of(Controller.CPUACCT));
    }

    // ---------------------------------------------------------------- limits and errors

    /** cpuacct.rst: v1 only; it has no limits. */
    private static final Set<String> FILE_NAMES = Set.of("cpuacct.usage", "cpuacct.usage_user", "cpuacct.usage_sys",
            "cpuacct.usage_all", "cpuacct.usage_percpu", "cpuacct.usage_percpu_user", "cpuacct.usage_percpu_sys", "cpuacct.stat");

    @Override
    public Set<String> fileNames() {
        return FILE_NAMES;
    }

    // ---------------------------------------------------------------- sampling

    private static final int USAGE = 0;
    private static final int STAT = 1;
    private static final byte[] USER = key("user");
    private static final byte[] SYSTEM = key("system");

    @Override
    public int sampleFileCount() {
        return 2;
    }

    /** Where the cpu controller is on v2, CPU time is in its cpu.stat (the cpu module reads it). */
    @Override
    public void placeSampleFiles(SampleFiles files) {
        boolean cpuOnV2 = files.layout().hierarchyOf(Controller.CPU).map(h -> h.version() == CgroupVersion.V2).orElse(false);
        Optional<Hierarchy> where = cpuOnV2 ? Optional.empty() : hierarchy(files.layout());
        // the total gates the split: a group without cpuacct.usage has no cpuacct.stat either
        files.place(USAGE, where, "cpuacct.usage", Metric.CPU_USAGE_NANOS, Metric.CPU_USER_NANOS, Metric.CPU_SYSTEM_NANOS);
        files.place(STAT, where, "cpuacct.stat", Metric.CPU_USER_NANOS, Metric.CPU_SYSTEM_NANOS);
    }

    @Override
    public void sample(SampleReading r) {
        if (r.load(USAGE)) {
            FileBuffer b = r.buffer();
            r.put(Metric.CPU_USAGE_NANOS, b.firstLong());
            if (r.load(STAT)) {
                r.putTicks(Metric.CPU_USER_NANOS, b.keyed(USER));
                r.putTicks(Metric.CPU_SYSTEM_NANOS, b.keyed(SYSTEM));
            }
        }
    }
}
