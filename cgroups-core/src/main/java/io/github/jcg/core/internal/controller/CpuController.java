package io.github.jcg.core.internal.controller;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Errno;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.UnmappableSettingException;
import io.github.jcg.core.internal.GroupFiles;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.internal.fs.FileBuffer;
import io.github.jcg.core.limit.CpuWeight;
import io.github.jcg.core.limit.KernelRanges;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import io.github.jcg.core.sample.Metric;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The cpu controller: CFS bandwidth (v1 {@code cpu.cfs_*}, v2 {@code cpu.max}), weight (v1 {@code cpu.shares}, v2 {@code cpu.weight}), burst, throttling statistics and CPU pressure. */
final class CpuController extends ControllerModule {
    CpuController() {
        super(Set.of(Controller.CPU));
    }

    // ---------------------------------------------------------------- limits and errors

    private static final String QUOTA_FILE = "cpu.cfs_quota_us";
    private static final String PERIOD_FILE = "cpu.cfs_period_us";
    private static final String V1_BURST_FILE = "cpu.cfs_burst_us";
    private static final String SHARES_FILE = "cpu.shares";
    private static final String MAX_FILE = "cpu.max";
    private static final String V2_BURST_FILE = "cpu.max.burst";
    private static final String WEIGHT_FILE = "cpu.weight";
    private static final String NO_LIMIT = "max";

    @Override
    public void copy(Resources from, Resources.Builder into) {
        from.cpuQuota().ifPresent(into::cpuQuota);
        from.cpuPeriodMicros().ifPresent(into::cpuPeriodMicros);
        from.cpuBurstMicros().ifPresent(into::cpuBurstMicros);
        from.cpuWeight().ifPresent(into::cpuWeight);
    }

    /**
     * v1: {@code cpu.cfs_quota_us} and {@code cpu.cfs_period_us} in the order that never passes
     * through a larger ratio than the final one, {@code cpu.cfs_burst_us}, and the weight as
     * {@code cpu.shares}. v2: {@code cpu.max} ("$MAX $PERIOD"), {@code cpu.max.burst} and
     * {@code cpu.weight}.
     */
    @Override
    public void plan(Resources wanted, GroupFiles current, CgroupVersion version, SharesWeightMapping mapping,
                     List<PlannedWrite> writes) {
        if (version == CgroupVersion.V1) {
            planV1(wanted, current, mapping, writes);
        } else {
            planCpuMax(wanted, current).ifPresent(writes::add);
            wanted.cpuBurstMicros().ifPresent(b -> writes.add(PlannedWrite.of(V2_BURST_FILE, Long.toString(b))));
            wanted.cpuWeight().ifPresent(w -> writes.add(PlannedWrite.of(WEIGHT_FILE, Long.toString(w.asWeight(mapping)))));
        }
    }

    private static void planV1(Resources wanted, GroupFiles current, SharesWeightMapping mapping, List<PlannedWrite> writes) {
        Optional<PlannedWrite> quota = wanted.cpuQuota()
                .map(q -> PlannedWrite.of(QUOTA_FILE, q.isUnlimited() ? "-1" : Long.toString(q.value())));
        Optional<PlannedWrite> period = wanted.cpuPeriodMicros().isPresent()
                ? Optional.of(PlannedWrite.of(PERIOD_FILE, Long.toString(wanted.cpuPeriodMicros().getAsLong())))
                : Optional.empty();
        // The kernel checks quota/period against the parent's after each write, so the
        // intermediate state must not exceed the final ratio: shrinking the period goes
        // after the quota, growing it goes before.
        long currentPeriod = current.read(PERIOD_FILE).map(CpuController::parseLongOrZero).orElse(0L);
        boolean periodFirst = period.isPresent() && wanted.cpuPeriodMicros().getAsLong() >= currentPeriod;
        if (periodFirst) {
            period.ifPresent(writes::add);
            quota.ifPresent(writes::add);
        } else {
            quota.ifPresent(writes::add);
            period.ifPresent(writes::add);
        }
        wanted.cpuBurstMicros().ifPresent(burst -> {
            if (!current.has(V1_BURST_FILE)) {
                throw new InvalidValueException("cpu burst needs cpu.cfs_burst_us, which this kernel does not have (Linux 5.14 or later)");
            }
            writes.add(PlannedWrite.of(V1_BURST_FILE, Long.toString(burst)));
        });
        wanted.cpuWeight().ifPresent(w -> writes.add(PlannedWrite.of(SHARES_FILE, Long.toString(w.asShares(mapping)))));
    }

    /** {@code cpu.max} takes "$MAX $PERIOD"; a period alone keeps the quota in force. */
    private static Optional<PlannedWrite> planCpuMax(Resources wanted, GroupFiles current) {
        Optional<Limit> quota = wanted.cpuQuota();
        if (quota.isEmpty() && wanted.cpuPeriodMicros().isEmpty()) {
            return Optional.empty();
        }
        String max = quota.map(Limit::toV2String)
                .orElseGet(() -> current.read(MAX_FILE).map(t -> t.strip().split("\\s+")[0]).orElse(NO_LIMIT));
        String value = wanted.cpuPeriodMicros().isPresent() ? max + " " + wanted.cpuPeriodMicros().getAsLong() : max;
        return Optional.of(PlannedWrite.of(MAX_FILE, value));
    }

    @Override
    public void read(GroupFiles current, CgroupVersion version, Resources.Builder into) {
        if (version == CgroupVersion.V1) {
            current.read(QUOTA_FILE).map(String::strip)
                    .ifPresent(q -> into.cpuQuota(q.equals("-1") ? Limit.unlimited() : Limit.of(Long.parseLong(q))));
            current.read(PERIOD_FILE).ifPresent(p -> into.cpuPeriodMicros(Long.parseLong(p.strip())));
            current.read(V1_BURST_FILE).ifPresent(p -> into.cpuBurstMicros(Long.parseLong(p.strip())));
            current.read(SHARES_FILE).ifPresent(s -> into.cpuWeight(CpuWeight.shares(clampShares(Long.parseLong(s.strip())))));
        } else {
            current.read(MAX_FILE).ifPresent(text -> {
                String[] parts = text.strip().split("\\s+");
                into.cpuQuota(v2Limit(parts[0]));
                if (parts.length > 1) {
                    into.cpuPeriodMicros(Long.parseLong(parts[1]));
                }
            });
            current.read(V2_BURST_FILE).ifPresent(t -> into.cpuBurstMicros(Long.parseLong(t.strip())));
            current.read(WEIGHT_FILE).ifPresent(t -> into.cpuWeight(CpuWeight.weight(Long.parseLong(t.strip()))));
        }
    }

    private static Limit v2Limit(String text) {
        String t = text.strip();
        return t.equals(NO_LIMIT) ? Limit.unlimited() : Limit.of(Long.parseLong(t));
    }

    private static long parseLongOrZero(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** cpu.shares reads back what was written, but a root group may show values outside 2..262144. */
    private static long clampShares(long value) {
        return Math.max(KernelRanges.MIN_SHARES, Math.min(KernelRanges.MAX_SHARES, value));
    }

    @Override
    public void check(String file, String value) {
        String v = value.strip();
        switch (file) {
            case QUOTA_FILE -> {
                if (!v.equals("-1")) {
                    RawValues.range(file, RawValues.number(file, v, "-1 (no limit) or a number of µs"),
                            KernelRanges.MIN_CFS_MICROS, KernelRanges.MAX_CFS_QUOTA_MICROS, " µs, or -1 for no limit");
                }
            }
            case PERIOD_FILE -> RawValues.period(file, RawValues.number(file, v, "a number of µs"));
            case V1_BURST_FILE, V2_BURST_FILE -> RawValues.range(file,
                    RawValues.number(file, v, "a number of µs"), 0, KernelRanges.MAX_CFS_QUOTA_MICROS, " µs");
            case SHARES_FILE -> RawValues.range(file, RawValues.number(file, v, "a number of shares"),
                    KernelRanges.MIN_SHARES, KernelRanges.MAX_SHARES, "");
            case WEIGHT_FILE -> RawValues.range(file, RawValues.number(file, v, "a weight"),
                    KernelRanges.MIN_WEIGHT, KernelRanges.MAX_WEIGHT, "");
            case "cpu.weight.nice" -> RawValues.range(file, RawValues.number(file, v, "a nice value"), -20, 19, "");
            case MAX_FILE -> checkCpuMax(v);
            case "cpu.idle" -> RawValues.oneOf(file, v, "0", "1");
            default -> {
                // the kernel is the judge
            }
        }
    }

    private static void checkCpuMax(String v) {
        String[] parts = v.split("\\s+");
        if (parts.length == 0 || parts.length > 2 || parts[0].isEmpty()) {
            throw new InvalidValueException(MAX_FILE, "'" + v + "'", "must be '$MAX $PERIOD' (e.g. '50000 100000' or 'max 100000')");
        }
        if (!parts[0].equals(NO_LIMIT)) {
            RawValues.range("cpu.max quota", RawValues.number(MAX_FILE, parts[0], "max or a quota in µs"),
                    KernelRanges.MIN_CFS_MICROS, KernelRanges.MAX_CFS_QUOTA_MICROS, " µs, or max");
        }
        if (parts.length == 2) {
            RawValues.period("cpu.max period", RawValues.number(MAX_FILE, parts[1], "a period in µs"));
        }
    }

    @Override
    public Optional<String> explainRefusal(String file, String value, Errno errno, CgroupVersion version) {
        if (errno != Errno.EINVAL) {
            return Optional.empty();
        }
        return switch (file) {
            case QUOTA_FILE, PERIOD_FILE, MAX_FILE -> Optional.of("the kernel refused the CPU bandwidth: quota and period must be"
                    + " at least 1000 µs, the period at most 1000000 µs, the root group cannot be limited"
                    + (version == CgroupVersion.V2 ? "" : ", and a child's quota/period may not exceed its parent's"));
            case V1_BURST_FILE, V2_BURST_FILE -> Optional.of("the burst may not exceed the quota");
            default -> Optional.empty();
        };
    }

    /** The scheduler's files: sched-bwc.rst and sched-rt-group.rst on v1, cgroup-v2.rst on v2. */
    private static final Set<String> FILE_NAMES = Set.of(
            // v1
            "cpu.shares", "cpu.cfs_quota_us", "cpu.cfs_period_us", "cpu.cfs_burst_us", "cpu.rt_runtime_us", "cpu.rt_period_us",
            // v2
            "cpu.weight", "cpu.weight.nice", "cpu.max", "cpu.max.burst", "cpu.pressure",
            // both
            "cpu.stat", "cpu.stat.local", "cpu.idle", "cpu.uclamp.min", "cpu.uclamp.max");

    @Override
    public Set<String> fileNames() {
        return FILE_NAMES;
    }

    /**
     * libcgroup's cpu rows: {@code cpu.shares ↔ cpu.weight} by {@code × 100 / 1024} and
     * {@code × 1024 / 100} (C's integer division, not clamped: shares 2 gives weight 0, which
     * the kernel then refuses, as it does from libcgroup); {@code cpu.cfs_quota_us} and
     * {@code cpu.cfs_period_us} as the two fields of {@code cpu.max} (quota −1 is max);
     * {@code cpu.stat} has no translation either way.
     */
    @Override
    public List<VocabularyEntry> vocabulary() {
        return List.of(
                VocabularyEntry.Renamed.converted(SHARES_FILE, WEIGHT_FILE,
                        shares -> scaled(SHARES_FILE, WEIGHT_FILE, shares, 100, 1024),
                        weight -> scaled(WEIGHT_FILE, SHARES_FILE, weight, 1024, 100)),
                VocabularyEntry.Renamed.unmappable("cpu.stat", "cpu.stat"),
                new CpuMaxFields());
    }

    /** libcgroup's cgroup_convert_int: scaled by the two defaults, C's integer division, no clamping. */
    private static String scaled(String from, String to, String value, long times, long per) {
        String v = value.strip();
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UnmappableSettingException(from + " value '" + v + "' is not a number, so it cannot be converted to "
                    + to, from, v, UnmappableSettingException.Reason.UNCONVERTIBLE_VALUE);
        }
        // far beyond any share or weight; keeps the scaling inside a long
        if (Math.abs(n) > Long.MAX_VALUE / 1024) {
            throw new UnmappableSettingException(from + " value '" + v + "' is too large to convert to " + to, from, v,
                    UnmappableSettingException.Reason.UNCONVERTIBLE_VALUE);
        }
        return Long.toString(n * times / per);
    }

    /**
     * {@code cpu.max} as v1's quota and period. A whole {@code cpu.max} is the quota ({@code -1}
     * is max) and the period; one field written alone keeps the other as the group has it, as
     * libcgroup's cgroup_convert_cpu_quota_to_max and cgroup_convert_cpu_period_to_max do (a
     * period of {@code -1} becomes max there too, which the kernel then refuses).
     */
    private static final class CpuMaxFields implements VocabularyEntry.Fields {
        @Override
        public String v2Name() {
            return MAX_FILE;
        }

        @Override
        public List<String> v1Names() {
            return List.of(QUOTA_FILE, PERIOD_FILE);
        }

        @Override
        public String join(Map<String, String> v1Values) {
            String quota = v1Values.get(QUOTA_FILE).strip();
            return (quota.equals("-1") ? NO_LIMIT : quota) + " " + v1Values.get(PERIOD_FILE).strip();
        }

        @Override
        public String field(String v2Value, String v1Name) {
            String[] fields = fields(v2Value);
            if (v1Name.equals(QUOTA_FILE)) {
                return fields[0].equals(NO_LIMIT) ? "-1" : fields[0];
            }
            return fields.length > 1 ? fields[1] : "";
        }

        @Override
        public LinkedHashMap<String, String> split(String v2Value) {
            String[] fields = fields(v2Value);
            LinkedHashMap<String, String> out = new LinkedHashMap<>();
            out.put(QUOTA_FILE, fields[0].equals(NO_LIMIT) ? "-1" : fields[0]);
            if (fields.length > 1) {
                out.put(PERIOD_FILE, fields[1]);
            }
            return out;
        }

        @Override
        public String replaceField(String v1Name, String v1Value, String currentV2Value) {
            String v = v1Value.strip();
            String field = v.equals("-1") ? NO_LIMIT : v;
            String[] now = fields(currentV2Value);
            if (v1Name.equals(QUOTA_FILE)) {
                if (now.length < 2) {
                    throw new UnmappableSettingException("cannot write " + QUOTA_FILE + " as cpu.max: cpu.max reads '"
                            + String.join(" ", now) + "', which has no period to keep; give cpu.cfs_period_us as well",
                            QUOTA_FILE, v1Value, UnmappableSettingException.Reason.UNCONVERTIBLE_VALUE);
                }
                return field + " " + now[1];
            }
            return now[0] + " " + field;
        }

        private static String[] fields(String text) {
            return text.strip().split("\\s+");
        }
    }

    // ---------------------------------------------------------------- sampling

    private static final int STAT_V2 = 0;
    private static final int STAT_V1 = 1;
    private static final int CFS_QUOTA = 2;
    private static final int CFS_PERIOD = 3;
    private static final int CPU_MAX = 4;
    private static final int PRESSURE = 5;
    private static final Metric[] PRESSURE_METRICS = pressureMetrics(
            Metric.PSI_CPU_SOME_MICROS, Metric.PSI_CPU_SOME_AVG10, Metric.PSI_CPU_SOME_AVG60, Metric.PSI_CPU_SOME_AVG300,
            Metric.PSI_CPU_FULL_MICROS, Metric.PSI_CPU_FULL_AVG10, Metric.PSI_CPU_FULL_AVG60, Metric.PSI_CPU_FULL_AVG300);
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
        Optional<Hierarchy> cpu = hierarchy(layout);
        boolean onV2 = cpu.map(h -> h.version() == CgroupVersion.V2).orElse(layout.v1Hierarchies().isEmpty());
        Optional<Hierarchy> v1 = onV2 ? Optional.empty() : cpu;
        Optional<Hierarchy> v2 = onV2 ? cpu : Optional.empty();
        files.place(STAT_V2, layout.unified(), "cpu.stat", onV2 ? concat(USAGE, THROTTLING) : USAGE);
        files.place(STAT_V1, v1, "cpu.stat", THROTTLING);
        files.place(CFS_QUOTA, v1, "cpu.cfs_quota_us", Metric.CPU_QUOTA_MICROS);
        files.place(CFS_PERIOD, v1, "cpu.cfs_period_us", Metric.CPU_PERIOD_MICROS);
        files.place(CPU_MAX, v2, "cpu.max", Metric.CPU_QUOTA_MICROS, Metric.CPU_PERIOD_MICROS);
        files.place(PRESSURE, layout.unified(), "cpu.pressure", PRESSURE_METRICS);
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
            putPressure(r, PRESSURE_METRICS);
        }
    }

    private static Metric[] concat(Metric[] a, Metric[] b) {
        Metric[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
