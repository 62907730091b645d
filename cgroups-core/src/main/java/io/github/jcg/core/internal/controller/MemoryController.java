package io.github.jcg.core.internal.controller;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Errno;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.internal.GroupFiles;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.internal.fs.FileBuffer;
import io.github.jcg.core.limit.ByteQuantity;
import io.github.jcg.core.limit.KernelRanges;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import io.github.jcg.core.sample.Metric;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The memory controller: v1 {@code memory.*_in_bytes}, v2 {@code memory.max/high/low/min/swap.max}, usage and memory pressure. */
final class MemoryController extends ControllerModule {
    MemoryController() {
        super(Set.of(Controller.MEMORY));
    }

    // ---------------------------------------------------------------- limits and errors

    private static final String V1_LIMIT_FILE = "memory.limit_in_bytes";
    private static final String V1_SOFT_LIMIT_FILE = "memory.soft_limit_in_bytes";
    private static final String V1_MEMSW_LIMIT_FILE = "memory.memsw.limit_in_bytes";
    private static final String NO_LIMIT = "max";
    /** What v1 memory limits read when there is none, and what libcgroup writes for v2's max. */
    private static final String V1_UNLIMITED = Long.toString(KernelRanges.V1_MEMORY_UNLIMITED);

    @Override
    public void copy(Resources from, Resources.Builder into) {
        from.memoryMax().ifPresent(into::memoryMax);
        from.memoryHigh().ifPresent(into::memoryHigh);
        from.memoryLow().ifPresent(into::memoryLow);
        from.memoryMin().ifPresent(into::memoryMin);
        from.swapMax().ifPresent(into::swapMax);
    }

    /**
     * v2: one file per limit ({@code memory.min}, {@code .low}, {@code .high}, {@code .max},
     * {@code .swap.max}), max for none. v1: {@code memory.limit_in_bytes} and swap as
     * {@code memory.memsw.limit_in_bytes} (memory plus swap), in the order that never leaves
     * the limit above memsw, and high as {@code memory.soft_limit_in_bytes}; v1 has no low or
     * min. The kernel takes 0 to 2^64 − 1 and clamps at PAGE_COUNTER_MAX pages, reading back
     * {@link KernelRanges#V1_MEMORY_UNLIMITED}; that or more reads as no limit, and no limit is
     * written as {@code -1} (see {@link ByteQuantity} for the range).
     */
    @Override
    public void plan(Resources wanted, GroupFiles current, CgroupVersion version, SharesWeightMapping mapping,
                     List<PlannedWrite> writes) {
        if (version == CgroupVersion.V1) {
            planV1(wanted, current, writes);
        } else {
            wanted.memoryMin().ifPresent(l -> writes.add(PlannedWrite.of("memory.min", l.toV2String())));
            wanted.memoryLow().ifPresent(l -> writes.add(PlannedWrite.of("memory.low", l.toV2String())));
            wanted.memoryHigh().ifPresent(l -> writes.add(PlannedWrite.of("memory.high", l.toV2String())));
            wanted.memoryMax().ifPresent(l -> writes.add(PlannedWrite.of("memory.max", l.toV2String())));
            wanted.swapMax().ifPresent(l -> writes.add(PlannedWrite.of("memory.swap.max", l.toV2String())));
        }
    }

    private static void planV1(Resources wanted, GroupFiles current, List<PlannedWrite> writes) {
        wanted.memoryLow().ifPresent(l -> {
            throw new InvalidValueException("memory.low has no cgroup v1 equivalent (v1 has a hard limit and a soft limit only);"
                    + " leave it unset on this host");
        });
        wanted.memoryMin().ifPresent(l -> {
            throw new InvalidValueException("memory.min has no cgroup v1 equivalent; leave it unset on this host");
        });
        Optional<PlannedWrite> limit = wanted.memoryMax().map(m -> PlannedWrite.of(V1_LIMIT_FILE, v1Bytes(m)));
        Optional<PlannedWrite> memsw = wanted.swapMax()
                .map(swap -> PlannedWrite.of(V1_MEMSW_LIMIT_FILE, memswValue(wanted, current, swap)));
        if (memsw.isPresent() && !current.has(V1_MEMSW_LIMIT_FILE)) {
            throw new InvalidValueException("swap limits need memory.memsw.limit_in_bytes, which this host lacks"
                    + " (swap accounting is off: boot with swapaccount=1)");
        }
        // limit_in_bytes may never exceed memsw.limit_in_bytes: raise memsw first, lower the limit first
        if (memsw.isPresent() && limit.isPresent() && bytesOf(wanted.memoryMax().get())
                > bytesOf(current.read(V1_MEMSW_LIMIT_FILE).map(MemoryController::readV1Limit).orElse(Limit.unlimited()))) {
            writes.add(memsw.get());
            writes.add(limit.get());
        } else {
            limit.ifPresent(writes::add);
            memsw.ifPresent(writes::add);
        }
        wanted.memoryHigh().ifPresent(h -> writes.add(PlannedWrite.of(V1_SOFT_LIMIT_FILE, v1Bytes(h))));
    }

    /** v1 limits memory+swap together; v2 and jcg limit swap alone, so add the memory limit. */
    private static String memswValue(Resources wanted, GroupFiles current, Limit swap) {
        if (swap.isUnlimited()) {
            return "-1";
        }
        Limit memory = wanted.memoryMax()
                .orElseGet(() -> current.read(V1_LIMIT_FILE).map(MemoryController::readV1Limit).orElse(Limit.unlimited()));
        if (memory.isUnlimited()) {
            throw new InvalidValueException("swap max", swap.toString(),
                    "needs a memory limit on cgroup v1, where swap is limited together with memory (memory.memsw.limit_in_bytes); set a memory max too");
        }
        long memsw;
        try {
            memsw = Math.addExact(memory.value(), swap.value());
        } catch (ArithmeticException e) {
            // past 2^63 − 1 the kernel clamps to no limit anyway
            return "-1";
        }
        return Long.toString(memsw);
    }

    @Override
    public void read(GroupFiles current, CgroupVersion version, Resources.Builder into) {
        if (version == CgroupVersion.V2) {
            current.read("memory.max").ifPresent(t -> into.memoryMax(v2Limit(t)));
            current.read("memory.high").ifPresent(t -> into.memoryHigh(v2Limit(t)));
            current.read("memory.low").ifPresent(t -> into.memoryLow(v2Limit(t)));
            current.read("memory.min").ifPresent(t -> into.memoryMin(v2Limit(t)));
            current.read("memory.swap.max").ifPresent(t -> into.swapMax(v2Limit(t)));
            return;
        }
        Optional<Limit> memory = current.read(V1_LIMIT_FILE).map(MemoryController::readV1Limit);
        memory.ifPresent(into::memoryMax);
        current.read(V1_SOFT_LIMIT_FILE).map(MemoryController::readV1Limit).ifPresent(into::memoryHigh);
        current.read(V1_MEMSW_LIMIT_FILE).map(MemoryController::readV1Limit).ifPresent(memsw -> {
            if (memsw.isUnlimited() || memory.isEmpty() || memory.get().isUnlimited()) {
                into.swapMax(memsw.isUnlimited() ? Limit.unlimited() : memsw);
            } else {
                into.swapMax(Limit.of(Math.max(0, memsw.value() - memory.get().value())));
            }
        });
    }

    /** A v1 memory limit file's text: {@code -1}, or {@link KernelRanges#V1_MEMORY_UNLIMITED} or more, is no limit. */
    static Limit readV1Limit(String text) {
        String t = text.strip();
        if (t.equals("-1")) {
            return Limit.unlimited();
        }
        // the kernel prints at most PAGE_COUNTER_MAX pages; a larger number (a fake tree, a
        // future kernel) is past the clamp all the same
        Limit limit = ByteQuantity.parseLimit(V1_LIMIT_FILE, t, CgroupVersion.V1);
        return limit.isUnlimited() || limit.value() >= KernelRanges.V1_MEMORY_UNLIMITED ? Limit.unlimited() : limit;
    }

    private static Limit v2Limit(String text) {
        String t = text.strip();
        return t.equals(NO_LIMIT) ? Limit.unlimited() : Limit.of(Long.parseLong(t));
    }

    private static String v1Bytes(Limit limit) {
        return limit.isUnlimited() ? "-1" : Long.toString(limit.value());
    }

    private static long bytesOf(Limit limit) {
        return limit.isUnlimited() ? Long.MAX_VALUE : limit.value();
    }

    @Override
    public void check(String file, String value) {
        String v = value.strip();
        switch (file) {
            case V1_LIMIT_FILE, V1_SOFT_LIMIT_FILE, V1_MEMSW_LIMIT_FILE -> ByteQuantity.parseLimit(file, v, CgroupVersion.V1);
            case "memory.max", "memory.high", "memory.low", "memory.min", "memory.swap.max", "memory.zswap.max" ->
                    ByteQuantity.parseLimit(file, v, CgroupVersion.V2);
            default -> {
                // the kernel is the judge
            }
        }
    }

    @Override
    public Optional<String> explainRefusal(String file, String value, Errno errno, CgroupVersion version) {
        return switch (errno) {
            case EBUSY -> Optional.of("memory usage is above the new limit and could not be reclaimed; free memory first or"
                    + " choose a higher limit");
            case EINVAL -> switch (file) {
                case V1_MEMSW_LIMIT_FILE -> Optional.of("memory+swap (memsw) may not be lower than memory.limit_in_bytes");
                case V1_LIMIT_FILE -> Optional.of("the memory limit may not be higher than memory.memsw.limit_in_bytes");
                default -> Optional.empty();
            };
            default -> Optional.empty();
        };
    }

    /** memory.rst on v1, cgroup-v2.rst on v2. */
    private static final Set<String> FILE_NAMES = Set.of(
            // v1
            "memory.usage_in_bytes", "memory.limit_in_bytes", "memory.soft_limit_in_bytes", "memory.max_usage_in_bytes",
            "memory.failcnt", "memory.memsw.usage_in_bytes", "memory.memsw.limit_in_bytes",
            "memory.memsw.max_usage_in_bytes", "memory.memsw.failcnt", "memory.kmem.usage_in_bytes",
            "memory.kmem.limit_in_bytes", "memory.kmem.max_usage_in_bytes", "memory.kmem.failcnt", "memory.kmem.slabinfo",
            "memory.kmem.tcp.usage_in_bytes", "memory.kmem.tcp.limit_in_bytes", "memory.kmem.tcp.max_usage_in_bytes",
            "memory.kmem.tcp.failcnt", "memory.use_hierarchy", "memory.force_empty", "memory.pressure_level",
            "memory.swappiness", "memory.move_charge_at_immigrate", "memory.oom_control",
            // v2
            "memory.current", "memory.min", "memory.low", "memory.high", "memory.max", "memory.max.effective",
            "memory.reclaim", "memory.peak", "memory.oom.group", "memory.events", "memory.events.local",
            "memory.swap.current", "memory.swap.high", "memory.swap.peak", "memory.swap.max", "memory.swap.max.effective",
            "memory.swap.events", "memory.zswap.current", "memory.zswap.max", "memory.zswap.max.effective",
            "memory.zswap.writeback", "memory.pressure",
            // both
            "memory.stat", "memory.numa_stat");

    @Override
    public Set<String> fileNames() {
        return FILE_NAMES;
    }

    /**
     * libcgroup's memory rows: {@code memory.limit_in_bytes ↔ memory.max} and
     * {@code memory.soft_limit_in_bytes ↔ memory.high}, where {@code -1} and
     * {@code 9223372036854771712} are {@code max}, {@code max} is {@code 9223372036854771712},
     * and other values are unchanged. The other memory files are not translated.
     */
    @Override
    public List<VocabularyEntry> vocabulary() {
        return List.of(
                VocabularyEntry.Renamed.converted(V1_LIMIT_FILE, "memory.max", MemoryController::limitToV2, MemoryController::limitToV1),
                VocabularyEntry.Renamed.converted(V1_SOFT_LIMIT_FILE, "memory.high", MemoryController::limitToV2,
                        MemoryController::limitToV1));
    }

    private static String limitToV2(String value) {
        String v = value.strip();
        return v.equals("-1") || v.equals(V1_UNLIMITED) ? NO_LIMIT : v;
    }

    private static String limitToV1(String value) {
        String v = value.strip();
        return v.equals(NO_LIMIT) ? V1_UNLIMITED : v;
    }

    // ---------------------------------------------------------------- sampling

    private static final int CURRENT = 0;
    private static final int PEAK = 1;
    private static final int STAT = 2;
    private static final int SWAP_CURRENT = 3;
    private static final int LIMIT = 4;
    private static final int PRESSURE = 5;
    private static final Metric[] PRESSURE_METRICS = pressureMetrics(
            Metric.PSI_MEMORY_SOME_MICROS, Metric.PSI_MEMORY_SOME_AVG10, Metric.PSI_MEMORY_SOME_AVG60, Metric.PSI_MEMORY_SOME_AVG300,
            Metric.PSI_MEMORY_FULL_MICROS, Metric.PSI_MEMORY_FULL_AVG10, Metric.PSI_MEMORY_FULL_AVG60, Metric.PSI_MEMORY_FULL_AVG300);
    private static final int EVENTS = 6;
    private static final int OOM_CONTROL = 7;
    private static final int FAILCNT = 8;
    private static final int SWAP_PEAK = 9;
    private static final Metric[] V2_EVENTS = {Metric.MEMORY_EVENTS_LOW, Metric.MEMORY_EVENTS_HIGH, Metric.MEMORY_EVENTS_MAX,
            Metric.MEMORY_EVENTS_OOM, Metric.MEMORY_EVENTS_OOM_KILL, Metric.MEMORY_EVENTS_OOM_GROUP_KILL};
    /** memory.events' keys, in the order of {@link #V2_EVENTS}. */
    private static final byte[][] V2_EVENT_KEYS = {key("low"), key("high"), key("max"), key("oom"), key("oom_kill"),
            key("oom_group_kill")};
    private static final byte[] OOM_KILL = key("oom_kill");
    private static final byte[] UNDER_OOM = key("under_oom");
    private static final byte[] INACTIVE_FILE = key("inactive_file");
    private static final byte[] TOTAL_INACTIVE_FILE = key("total_inactive_file");
    private static final byte[] TOTAL_SWAP = key("total_swap");

    @Override
    public int sampleFileCount() {
        return 10;
    }

    /**
     * v1 has no memory.swap.current: its swap use is memory.stat's total_swap. Its events are
     * memory.oom_control's oom_kill and under_oom and memory.failcnt; v2's are memory.events,
     * which counts the group's descendants too (memory.events.local would not).
     */
    @Override
    public void placeSampleFiles(SampleFiles files) {
        Optional<Hierarchy> memory = hierarchy(files.layout());
        boolean v2 = memory.map(h -> h.version() == CgroupVersion.V2).orElse(false);
        files.place(CURRENT, memory, v2 ? "memory.current" : "memory.usage_in_bytes",
                Metric.MEMORY_CURRENT_BYTES, Metric.MEMORY_WORKING_SET_BYTES);
        files.place(PEAK, memory, v2 ? "memory.peak" : "memory.max_usage_in_bytes", Metric.MEMORY_PEAK_BYTES);
        files.place(STAT, memory, "memory.stat", v2 ? new Metric[] {Metric.MEMORY_WORKING_SET_BYTES}
                : new Metric[] {Metric.MEMORY_WORKING_SET_BYTES, Metric.SWAP_CURRENT_BYTES});
        files.place(SWAP_CURRENT, v2 ? memory : Optional.empty(), "memory.swap.current", Metric.SWAP_CURRENT_BYTES);
        files.place(LIMIT, memory, v2 ? "memory.max" : "memory.limit_in_bytes", Metric.MEMORY_LIMIT_BYTES);
        files.place(PRESSURE, files.layout().unified(), "memory.pressure", PRESSURE_METRICS);
        Optional<Hierarchy> v2Memory = v2 ? memory : Optional.empty();
        Optional<Hierarchy> v1Memory = v2 ? Optional.empty() : memory;
        files.place(EVENTS, v2Memory, "memory.events", V2_EVENTS);
        files.place(OOM_CONTROL, v1Memory, "memory.oom_control", Metric.MEMORY_EVENTS_OOM_KILL, Metric.MEMORY_UNDER_OOM);
        files.place(FAILCNT, v1Memory, "memory.failcnt", Metric.MEMORY_FAILCNT);
        files.place(SWAP_PEAK, v2Memory, "memory.swap.peak", Metric.SWAP_PEAK_BYTES);
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
            putPressure(r, PRESSURE_METRICS);
        }
        if (r.load(EVENTS)) {
            for (int i = 0; i < V2_EVENTS.length; i++) {
                if (r.wants(V2_EVENTS[i])) {
                    r.put(V2_EVENTS[i], b.keyed(V2_EVENT_KEYS[i]));
                }
            }
        }
        if (r.load(OOM_CONTROL)) {
            // oom_kill is there since Linux 4.13; oom_kill_disable is another key, not a match for it
            r.put(Metric.MEMORY_EVENTS_OOM_KILL, b.keyed(OOM_KILL));
            r.put(Metric.MEMORY_UNDER_OOM, b.keyed(UNDER_OOM));
        }
        if (r.load(FAILCNT)) {
            r.put(Metric.MEMORY_FAILCNT, b.firstLong());
        }
        if (r.load(SWAP_PEAK)) {
            r.put(Metric.SWAP_PEAK_BYTES, b.firstLong());
        }
    }
}
