package io.github.jcg.cli.compat;

import io.github.jcg.cli.ExitCodes;
import io.github.jcg.cli.ToolException;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.limit.KernelRanges;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * cgxget and cgxset's translation between cgroup v1 and v2 names and values, entry by entry as
 * libcgroup 3.x's abstraction layer ({@code src/abstraction-map.c}) defines it:
 * <ul>
 * <li>{@code cpu.shares ↔ cpu.weight}: {@code value × 100 / 1024} and {@code value × 1024 / 100},
 * integer division, not clamped (libcgroup's generic integer conversion; shares 2 gives weight 0,
 * which the kernel refuses, as it refuses it from libcgroup);</li>
 * <li>{@code cpu.cfs_quota_us}, {@code cpu.cfs_period_us ↔ cpu.max}: each is one field of
 * {@code cpu.max}; quota {@code -1} is {@code max}. Written alone on a v2 host, one field
 * keeps the other field's current value; quota and period given together make one write;</li>
 * <li>{@code cpu.stat}: unmappable both ways;</li>
 * <li>{@code cpuset.effective_cpus ↔ cpuset.cpus.effective}, {@code cpuset.effective_mems ↔
 * cpuset.mems.effective}, {@code cpuset.cpus}, {@code cpuset.mems}: the value unchanged;</li>
 * <li>{@code cpuset.cpu_exclusive ↔ cpuset.cpus.partition}: {@code 1 → root}, anything else
 * {@code → member}; {@code root → 1}, anything else ({@code member}, {@code isolated},
 * {@code root invalid (…)}) {@code → 0};</li>
 * <li>the other v1 cpuset files ({@code mem_exclusive}, {@code mem_hardwall} …): unmappable;</li>
 * <li>{@code memory.limit_in_bytes ↔ memory.max}, {@code memory.soft_limit_in_bytes ↔
 * memory.high}: {@code -1} and {@code 9223372036854771712} are {@code max}; {@code max} is
 * {@code 9223372036854771712}; other values unchanged.</li>
 * </ul>
 * Nothing else is mapped: {@code freezer.state}, {@code memory.memsw.*}, {@code pids.*},
 * {@code blkio.*} … are invalid (ECGINVAL) in the other version's vocabulary, as in libcgroup.
 * An unmappable setting fails with ECGNOVERSIONCONVERT unless {@code -i} skips it.
 * <p>One deliberate difference: libcgroup's table spells the unmappable root-only file
 * {@code cpuset.mem_pressure_enabled}, which no kernel has; jcg lists that spelling and the
 * kernel's {@code cpuset.memory_pressure_enabled}, so {@code cgxget -i -2 -g cpuset /} on a v1
 * host skips the real file instead of failing on it.
 */
public final class Vocabulary {
    static final String QUOTA = "cpu.cfs_quota_us";
    static final String PERIOD = "cpu.cfs_period_us";
    static final String CPU_MAX = "cpu.max";
    static final String MAX = "max";
    /** What v1 memory limits read when there is none, and what libcgroup writes for v2's max. */
    static final String V1_UNLIMITED = Long.toString(KernelRanges.V1_MEMORY_UNLIMITED);

    /** How one value changes on the way from one version to the other. */
    private enum Rule { SAME, SHARES_WEIGHT, MEMORY_LIMIT, PARTITION, UNMAPPABLE }

    private record Entry(String v1, String v2, Rule rule) {
    }

    private static final List<Entry> TABLE = List.of(
            new Entry("cpu.shares", "cpu.weight", Rule.SHARES_WEIGHT),
            new Entry("cpu.stat", "cpu.stat", Rule.UNMAPPABLE),
            new Entry("cpuset.effective_cpus", "cpuset.cpus.effective", Rule.SAME),
            new Entry("cpuset.effective_mems", "cpuset.mems.effective", Rule.SAME),
            new Entry("cpuset.cpus", "cpuset.cpus", Rule.SAME),
            new Entry("cpuset.mems", "cpuset.mems", Rule.SAME),
            new Entry("cpuset.cpu_exclusive", "cpuset.cpus.partition", Rule.PARTITION),
            new Entry("cpuset.mem_exclusive", null, Rule.UNMAPPABLE),
            new Entry("cpuset.mem_hardwall", null, Rule.UNMAPPABLE),
            new Entry("cpuset.memory_migrate", null, Rule.UNMAPPABLE),
            new Entry("cpuset.memory_pressure", null, Rule.UNMAPPABLE),
            new Entry("cpuset.mem_pressure_enabled", null, Rule.UNMAPPABLE),
            new Entry("cpuset.memory_pressure_enabled", null, Rule.UNMAPPABLE),
            new Entry("cpuset.memory_spread_page", null, Rule.UNMAPPABLE),
            new Entry("cpuset.memory_spread_slab", null, Rule.UNMAPPABLE),
            new Entry("cpuset.sched_load_balance", null, Rule.UNMAPPABLE),
            new Entry("cpuset.sched_relax_domain_level", null, Rule.UNMAPPABLE),
            new Entry("memory.limit_in_bytes", "memory.max", Rule.MEMORY_LIMIT),
            new Entry("memory.soft_limit_in_bytes", "memory.high", Rule.MEMORY_LIMIT));

    private Vocabulary() {
    }

    /**
     * A setting as asked for, the version it was asked in, the version on disk and the disk
     * files it is read from.
     */
    public record Read(String requested, CgroupVersion asked, CgroupVersion disk, List<String> diskNames) {
    }

    /**
     * The disk files behind a setting named in {@code asked}'s vocabulary, when the disk speaks
     * {@code disk}'s. Empty for an unmappable setting when {@code ignoreUnmappable}.
     */
    public static Optional<Read> forRead(String name, CgroupVersion asked, CgroupVersion disk, boolean ignoreUnmappable) {
        if (asked == disk) {
            return Optional.of(new Read(name, asked, disk, List.of(name)));
        }
        if (asked == CgroupVersion.V2 && name.equals(CPU_MAX)) {
            return Optional.of(new Read(name, asked, disk, List.of(QUOTA, PERIOD)));
        }
        if (asked == CgroupVersion.V1 && isHalfOfCpuMax(name)) {
            return Optional.of(new Read(name, asked, disk, List.of(CPU_MAX)));
        }
        Optional<Entry> entry = entry(name, asked);
        if (entry.isEmpty() || entry.get().rule == Rule.UNMAPPABLE) {
            return refuse(name, asked, entry.isPresent(), ignoreUnmappable);
        }
        return Optional.of(new Read(name, asked, disk, List.of(nameIn(entry.get(), disk))));
    }

    /** The value of a requested setting in its own vocabulary, from the first lines of its disk files. */
    public static String valueOf(Read read, Map<String, String> disk) {
        String name = read.requested();
        if (read.asked() == read.disk()) {
            return disk.get(name);
        }
        if (name.equals(CPU_MAX)) {
            return cpuMax(disk.get(QUOTA), disk.get(PERIOD));
        }
        if (isHalfOfCpuMax(name)) {
            return halfOf(disk.get(CPU_MAX), name);
        }
        Entry e = entry(name, read.asked()).orElseThrow();
        return convert(e, disk.get(nameIn(e, read.disk())), read.disk());
    }

    /**
     * A whole controller's files, read on a {@code diskVersion} host, in {@code asked}'s
     * vocabulary: on v1, quota and period become one {@code cpu.max} (first, as libcgroup puts
     * it); on v2, {@code cpu.max} becomes quota and period; other names are translated one by
     * one. A file the table does not know is refused (ECGINVAL), as libcgroup does.
     */
    public static LinkedHashMap<String, String> translateAll(Map<String, String> files, CgroupVersion diskVersion,
                                                              CgroupVersion asked, boolean ignoreUnmappable) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        if (diskVersion == asked) {
            out.putAll(files);
            return out;
        }
        LinkedHashMap<String, String> rest = new LinkedHashMap<>(files);
        if (diskVersion == CgroupVersion.V1 && rest.containsKey(QUOTA) && rest.containsKey(PERIOD)) {
            out.put(CPU_MAX, cpuMax(rest.remove(QUOTA), rest.remove(PERIOD)));
        }
        for (Map.Entry<String, String> file : rest.entrySet()) {
            if (diskVersion == CgroupVersion.V2 && file.getKey().equals(CPU_MAX)) {
                out.put(QUOTA, halfOf(file.getValue(), QUOTA));
                out.put(PERIOD, halfOf(file.getValue(), PERIOD));
                continue;
            }
            Optional<Entry> entry = entry(file.getKey(), diskVersion);
            if (entry.isEmpty() || entry.get().rule == Rule.UNMAPPABLE) {
                refuse(file.getKey(), diskVersion, entry.isPresent(), ignoreUnmappable);
                continue;
            }
            out.put(nameIn(entry.get(), asked), convert(entry.get(), file.getValue(), diskVersion));
        }
        return out;
    }

    /**
     * The writes that set one controller's {@code name=value} rules, given in {@code asked}'s
     * vocabulary, on a host whose files speak {@code disk}'s. Everything that can be checked
     * without the target group is checked here (unknown and unmappable names, numbers that are
     * not numbers); {@link WritePlan#writesFor} then reads what it needs from each target group.
     */
    public static WritePlan forWrite(List<Map.Entry<String, String>> rules, CgroupVersion asked, CgroupVersion disk,
                                     boolean ignoreUnmappable) {
        List<Step> steps = new ArrayList<>();
        if (asked == disk) {
            rules.forEach(r -> steps.add(fixed(r.getKey(), r.getValue())));
            return new WritePlan(steps);
        }
        Map<String, String> byName = new LinkedHashMap<>();
        rules.forEach(r -> byName.put(r.getKey(), r.getValue()));
        boolean wholeCpuMax = asked == CgroupVersion.V1 && byName.containsKey(QUOTA) && byName.containsKey(PERIOD);
        if (wholeCpuMax) {
            // libcgroup's cgroup_convert_cpu_nto1: both halves make one cpu.max, written first
            steps.add(fixed(CPU_MAX, cpuMax(byName.get(QUOTA), byName.get(PERIOD))));
        }
        for (Map.Entry<String, String> rule : rules) {
            String name = rule.getKey();
            String value = rule.getValue();
            if (asked == CgroupVersion.V1 && isHalfOfCpuMax(name)) {
                if (!wholeCpuMax) {
                    steps.add(halfStep(name, value));
                }
            } else if (asked == CgroupVersion.V2 && name.equals(CPU_MAX)) {
                String[] fields = fields(value);
                steps.add(fixed(QUOTA, fields[0].equals(MAX) ? "-1" : fields[0]));
                if (fields.length > 1) {
                    steps.add(fixed(PERIOD, fields[1]));
                }
            } else {
                Optional<Entry> entry = entry(name, asked);
                if (entry.isEmpty() || entry.get().rule == Rule.UNMAPPABLE) {
                    refuse(name, asked, entry.isPresent(), ignoreUnmappable);
                } else {
                    steps.add(fixed(nameIn(entry.get(), disk), convert(entry.get(), value, asked)));
                }
            }
        }
        return new WritePlan(steps);
    }

    /** The writes for one controller, to be made concrete for each target group. */
    public static final class WritePlan {
        private final List<Step> steps;

        private WritePlan(List<Step> steps) {
            this.steps = List.copyOf(steps);
        }

        /**
         * The file writes, in order, for one target group. {@code current} gives the first line
         * of one of the target's disk files; it is asked only for {@code cpu.max}, when a quota
         * or a period alone must keep the other half as it is.
         */
        public List<Map.Entry<String, String>> writesFor(Function<String, String> current) {
            List<Map.Entry<String, String>> writes = new ArrayList<>(steps.size());
            for (Step step : steps) {
                writes.add(step.resolve(current));
            }
            return writes;
        }

        /** Whether no write is left (every rule was unmappable and skipped with -i). */
        public boolean isEmpty() {
            return steps.isEmpty();
        }
    }

    @FunctionalInterface
    private interface Step {
        Map.Entry<String, String> resolve(Function<String, String> current);
    }

    private static Step fixed(String file, String value) {
        Map.Entry<String, String> write = Map.entry(file, value);
        return current -> write;
    }

    /**
     * libcgroup's cgroup_convert_cpu_quota_to_max and cgroup_convert_cpu_period_to_max: a quota
     * becomes "Q <current period>" (-1 becomes max), a period "<current quota> P" (-1 becomes
     * max there too, which the kernel then refuses).
     */
    private static Step halfStep(String name, String value) {
        String v = value.strip();
        String field = v.equals("-1") ? MAX : v;
        return current -> {
            String[] now = fields(current.apply(CPU_MAX));
            if (name.equals(QUOTA)) {
                if (now.length < 2) {
                    throw new ToolException(ExitCodes.FAIL, "cannot write " + QUOTA + " as cpu.max: cpu.max reads '"
                            + String.join(" ", now) + "', which has no period to keep; give cpu.cfs_period_us as well");
                }
                return Map.entry(CPU_MAX, field + " " + now[1]);
            }
            return Map.entry(CPU_MAX, now[0] + " " + field);
        };
    }

    private static boolean isHalfOfCpuMax(String name) {
        return name.equals(QUOTA) || name.equals(PERIOD);
    }

    /** One field of cpu.max in v1's words: the quota (max is -1) or the period. */
    private static String halfOf(String cpuMax, String name) {
        String[] fields = fields(cpuMax);
        if (name.equals(QUOTA)) {
            return fields[0].equals(MAX) ? "-1" : fields[0];
        }
        return fields.length > 1 ? fields[1] : "";
    }

    private static String[] fields(String text) {
        return text.strip().split("\\s+");
    }

    private static String cpuMax(String quota, String period) {
        return (quota.strip().equals("-1") ? MAX : quota.strip()) + " " + period.strip();
    }

    private static Optional<Entry> entry(String name, CgroupVersion version) {
        for (Entry e : TABLE) {
            if (name.equals(nameIn(e, version))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static String nameIn(Entry e, CgroupVersion version) {
        return version == CgroupVersion.V1 ? e.v1 : e.v2;
    }

    private static CgroupVersion other(CgroupVersion v) {
        return v == CgroupVersion.V1 ? CgroupVersion.V2 : CgroupVersion.V1;
    }

    /** Converts a value written in {@code from}'s vocabulary into the other version's. */
    private static String convert(Entry e, String value, CgroupVersion from) {
        String v = value.strip();
        boolean toV2 = from == CgroupVersion.V1;
        return switch (e.rule) {
            case SAME, UNMAPPABLE -> value;
            // libcgroup's cgroup_convert_int: scale by the two defaults, C's integer division, no clamping
            case SHARES_WEIGHT -> Long.toString(toV2 ? number(e, v, from) * 100 / 1024 : number(e, v, from) * 1024 / 100);
            case MEMORY_LIMIT -> toV2 ? (v.equals("-1") || v.equals(V1_UNLIMITED) ? MAX : v) : (v.equals(MAX) ? V1_UNLIMITED : v);
            case PARTITION -> toV2 ? (v.equals("1") ? "root" : "member") : (v.equals("root") ? "1" : "0");
        };
    }

    private static long number(Entry e, String v, CgroupVersion from) {
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException ex) {
            throw new ToolException(ExitCodes.FAIL, nameIn(e, from) + " value '" + v + "' is not a number, so it cannot be"
                    + " converted to " + nameIn(e, other(from)));
        }
        // far beyond any share or weight; keeps the scaling inside a long
        if (Math.abs(n) > Long.MAX_VALUE / 1024) {
            throw new ToolException(ExitCodes.FAIL, nameIn(e, from) + " value '" + v + "' is too large to convert to "
                    + nameIn(e, other(from)));
        }
        return n;
    }

    private static <T> Optional<T> refuse(String name, CgroupVersion version, boolean known, boolean ignoreUnmappable) {
        String other = version == CgroupVersion.V1 ? "v2" : "v1";
        if (!known) {
            throw new ToolException(ExitCodes.INVALID, name + " has no cgroup " + other + " counterpart that jcg (or libcgroup)"
                    + " knows; without -1/-2 settings are read and written under the host's own names");
        }
        if (ignoreUnmappable) {
            return Optional.empty();
        }
        throw new ToolException(ExitCodes.NO_VERSION_CONVERT, name + " cannot be converted to cgroup " + other
                + " (there is no equivalent setting); leave it out, or pass -i to skip it");
    }
}
