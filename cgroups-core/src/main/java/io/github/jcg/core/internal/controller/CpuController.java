package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.internal.fs.FileBuffer;
import io.github.jcg.core.sample.Metric;

import java.util.Arrays;
import java.util.Optional;

import java.util.Set;

/** The cpu controller: CFS bandwidth (v1 {@code cpu.cfs_*}, v2 {@code cpu.max}), weight (v1 {@code cpu.shares}, v2 {@code cpu.weight}), burst, throttling statistics and CPU pressure. */
final class CpuController extends ControllerModule {
    CpuController() {
        super(Set.of(Controller.CPU));
    }

    // ---------------------------------------------------------------- limits and errors

    // ---------------------------------------------------------------- sampling

    private static final int STAT_V2 = 0;
    private static final int STAT_V1 = 1;
    private static final int CFS_QUOTA = 2;
    private static final int CFS_PERIOD = 3;
    private static final int CPU_MAX = 4;
    private static final int PRESSURE = 5;
    private static final Metric[] USAGE = {Metric.CPU_USAGE_NANOS, Metric.CPU_USER_NANOS, Metric.CPU_SYSTEM_NANOS};
    private static final Metric[] THROTTLING = {Metric.CPU_PERIODS, Metric.CPU_THROTTLED_PERIODS,
            Metric.CPU_THROTTLED_NANOS, Metric.CPU_BURSTS, Metric.CPU_BURST_NANOS};
    private static final byte[] USAGE_USEC = key("usage_usec");
    private static final byte[] USER_USEC = key("user_usec");
    private static final byte[] SYSTEM_USEC = key("system_usec");
    private static final byte[] NR_PERIODS = key("nr_periods");
    private static final byte[] NR_THROTTLED = key("nr_throttled");
    private static final byte[] THROTTLED_USEC = key("throttled_usec");
    private static final byte[] THROTTLED_TIME = key("throttled_time");
    private static final byte[] NR_BURSTS = key("nr_bursts");
    private static final byte[] BURST_USEC = key("burst_usec");
    private static final byte[] BURST_TIME = key("burst_time");

    @Override
    public int sampleFileCount() {
        return 6;
    }

    /**
     * v2's {@code cpu.stat} is a core file: every group of the v2 mount has its CPU time,
     * and its throttling too where the cpu controller is on v2. With cpu on v1 it is read only
     * for groups cpuacct has no usage for (hybrid: groups that live only on the v2 mount).
     */
    @Override
    public void placeSampleFiles(SampleFiles files) {
        HostLayout layout = files.layout();
        Optional<Hierarchy> cpu = layout.hierarchyOf(Controller.CPU);
        boolean onV2 = cpu.map(h -> h.version() == CgroupVersion.V2).orElse(layout.v1Hierarchies().isEmpty());
        Optional<Hierarchy> v1 = onV2 ? Optional.empty() : cpu;
        Optional<Hierarchy> v2 = onV2 ? cpu : Optional.empty();
        files.place(STAT_V2, layout.unified(), "cpu.stat", onV2 ? concat(USAGE, THROTTLING) : USAGE);
        files.place(STAT_V1, v1, "cpu.stat", THROTTLING);
        files.place(CFS_QUOTA, v1, "cpu.cfs_quota_us", Metric.CPU_QUOTA_MICROS);
        files.place(CFS_PERIOD, v1, "cpu.cfs_period_us", Metric.CPU_PERIOD_MICROS);
        files.place(CPU_MAX, v2, "cpu.max", Metric.CPU_QUOTA_MICROS, Metric.CPU_PERIOD_MICROS);
        files.place(PRESSURE, layout.unified(), "cpu.pressure", Metric.PSI_CPU_SOME_MICROS, Metric.PSI_CPU_FULL_MICROS);
    }

    @Override
    public void sample(SampleReading r) {
        FileBuffer b = r.buffer();
        boolean usage = !r.has(Metric.CPU_USAGE_NANOS);
        boolean throttlingOnV2 = r.version(STAT_V1) == null;
        if ((usage || throttlingOnV2) && r.load(STAT_V2)) {
            if (usage) {
                r.putMicros(Metric.CPU_USAGE_NANOS, USAGE_USEC);
                r.putMicros(Metric.CPU_USER_NANOS, USER_USEC);
                r.putMicros(Metric.CPU_SYSTEM_NANOS, SYSTEM_USEC);
            }
            if (throttlingOnV2) {
                r.put(Metric.CPU_PERIODS, b.keyed(NR_PERIODS));
                r.put(Metric.CPU_THROTTLED_PERIODS, b.keyed(NR_THROTTLED));
                r.putMicros(Metric.CPU_THROTTLED_NANOS, THROTTLED_USEC);
                r.put(Metric.CPU_BURSTS, b.keyed(NR_BURSTS));
                r.putMicros(Metric.CPU_BURST_NANOS, BURST_USEC);
            }
        }
        if (r.load(STAT_V1)) {
            r.put(Metric.CPU_PERIODS, b.keyed(NR_PERIODS));
            r.put(Metric.CPU_THROTTLED_PERIODS, b.keyed(NR_THROTTLED));
            r.put(Metric.CPU_THROTTLED_NANOS, b.keyed(THROTTLED_TIME));
            r.put(Metric.CPU_BURSTS, b.keyed(NR_BURSTS));
            r.put(Metric.CPU_BURST_NANOS, b.keyed(BURST_TIME));
        }
        if (r.load(CPU_MAX)) {
            r.putLimit(Metric.CPU_QUOTA_MICROS, b.firstLong(), false);
            r.put(Metric.CPU_PERIOD_MICROS, b.secondLong());
        }
        if (r.load(CFS_QUOTA)) {
            long quota = b.firstLong();
            r.putLimit(Metric.CPU_QUOTA_MICROS, quota == -1 ? FileBuffer.MAX : quota, false);
        }
        if (r.load(CFS_PERIOD)) {
            r.put(Metric.CPU_PERIOD_MICROS, b.firstLong());
        }
        if (r.load(PRESSURE)) {
            putPressure(r, Metric.PSI_CPU_SOME_MICROS, Metric.PSI_CPU_FULL_MICROS);
        }
    }

    private static Metric[] concat(Metric[] a, Metric[] b) {
        Metric[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
