package io.github.jcg.cli.compat;

import io.github.jcg.cli.ExitCodes;
import io.github.jcg.cli.ToolException;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.KernelRanges;
import io.github.jcg.core.SharesWeightMapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * cgxget and cgxset's translation between cgroup v1 and v2 names and values, as libcgroup's
 * abstraction layer defines it: {@code cpu.shares ↔ cpu.weight} (linear, 1024 ↔ 100,
 * {@link SharesWeightMapping#LIBCGROUP_LINEAR}), {@code cpu.cfs_quota_us + cpu.cfs_period_us ↔
 * cpu.max}, {@code memory.limit_in_bytes ↔ memory.max}, {@code memory.soft_limit_in_bytes ↔
 * memory.high}, the cpuset renames, and {@code freezer.state ↔ cgroup.freeze}. A setting with no
 * counterpart ({@code cpu.stat}) is unmappable (ECGNOVERSIONCONVERT, ignored with {@code -i});
 * a setting the table does not know is invalid (ECGINVAL), as in libcgroup.
 */
public final class Vocabulary {
    static final String QUOTA = "cpu.cfs_quota_us";
    static final String PERIOD = "cpu.cfs_period_us";
    static final String CPU_MAX = "cpu.max";
    /** What v1 memory limits read when there is none, and what libcgroup writes for v2's max. */
    static final String V1_UNLIMITED = Long.toString(KernelRanges.V1_MEMORY_UNLIMITED);

    private static final SharesWeightMapping MAPPING = SharesWeightMapping.LIBCGROUP_LINEAR;

    /** How one value changes on the way from one version to the other. */
    private enum Rule { SAME, SHARES_WEIGHT, MEMORY_LIMIT, PARTITION, FREEZE, UNMAPPABLE }

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
            new Entry("cpuset.memory_pressure_enabled", null, Rule.UNMAPPABLE),
            new Entry("cpuset.memory_spread_page", null, Rule.UNMAPPABLE),
            new Entry("cpuset.memory_spread_slab", null, Rule.UNMAPPABLE),
            new Entry("cpuset.sched_load_balance", null, Rule.UNMAPPABLE),
            new Entry("cpuset.sched_relax_domain_level", null, Rule.UNMAPPABLE),
            new Entry("memory.limit_in_bytes", "memory.max", Rule.MEMORY_LIMIT),
            new Entry("memory.soft_limit_in_bytes", "memory.high", Rule.MEMORY_LIMIT),
            new Entry("freezer.state", "cgroup.freeze", Rule.FREEZE));

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
        if (asked == CgroupVersion.V1 && (name.equals(QUOTA) || name.equals(PERIOD))) {
            return Optional.of(new Read(name, asked, disk, List.of(CPU_MAX)));
        }
        Optional<Entry> entry = entry(name, asked);
        if (entry.isEmpty() || entry.get().rule == Rule.UNMAPPABLE) {
            return refuse(name, asked, entry.isPresent(), ignoreUnmappable);
        }
        return Optional.of(new Read(name, asked, disk, List.of(nameIn(entry.get(), disk))));
    }

    /** The value of a requested setting in its own vocabulary, from the text of its disk files. */
    public static String valueOf(Read read, Map<String, String> disk) {
        String name = read.requested();
        if (read.asked() == read.disk()) {
            return disk.get(name);
        }
        if (name.equals(CPU_MAX)) {
            return cpuMax(disk.get(QUOTA), disk.get(PERIOD));
        }
        if (name.equals(QUOTA) || name.equals(PERIOD)) {
            String[] fields = disk.get(CPU_MAX).strip().split("\\s+");
            if (name.equals(QUOTA)) {
                return fields[0].equals("max") ? "-1" : fields[0];
            }
            return fields.length > 1 ? fields[1] : "";
        }
        Entry e = entry(name, read.asked()).orElseThrow();
        return convert(e, disk.get(nameIn(e, read.disk())), read.disk());
    }

    /**
     * A whole controller's files, read on a {@code diskVersion} host, in {@code asked}'s
     * vocabulary: quota and period become one {@code cpu.max}, other names are translated one
     * by one. A file the table does not know is refused (ECGINVAL), as libcgroup does.
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
            Optional<Entry> entry = entry(file.getKey(), diskVersion);
            if (entry.isEmpty() || entry.get().rule == Rule.UNMAPPABLE) {
                refuse(file.getKey(), diskVersion, entry.isPresent(), ignoreUnmappable);
                continue;
            }
            out.put(nameIn(entry.get(), asked), convert(entry.get(), file.getValue(), diskVersion));
        }
        return out;
    }

    /** The writes on a {@code disk}-version host that set {@code name=value} given in {@code asked}'s vocabulary. */
    public static List<Map.Entry<String, String>> forWrite(String name, String value, CgroupVersion asked,
                                                          CgroupVersion disk, boolean ignoreUnmappable) {
        List<Map.Entry<String, String>> writes = new ArrayList<>();
        if (asked == disk) {
            writes.add(Map.entry(name, value));
        } else if (asked == CgroupVersion.V2 && name.equals(CPU_MAX)) {
            String[] fields = value.strip().split("\\s+");
            writes.add(Map.entry(QUOTA, fields[0].equals("max") ? "-1" : fields[0]));
            if (fields.length > 1) {
                writes.add(Map.entry(PERIOD, fields[1]));
            }
        } else if (asked == CgroupVersion.V1 && (name.equals(QUOTA) || name.equals(PERIOD))) {
            throw new ToolException(ExitCodes.NO_VERSION_CONVERT, name + " alone cannot be written as cgroup v2's cpu.max,"
                    + " which holds quota and period together; write -2 -r cpu.max=\"QUOTA PERIOD\" instead");
        } else {
            Optional<Entry> entry = entry(name, asked);
            if (entry.isEmpty() || entry.get().rule == Rule.UNMAPPABLE) {
                refuse(name, asked, entry.isPresent(), ignoreUnmappable);
            } else {
                writes.add(Map.entry(nameIn(entry.get(), disk), convert(entry.get(), value, asked)));
            }
        }
        return writes;
    }

    private static String cpuMax(String quota, String period) {
        return (quota.strip().equals("-1") ? "max" : quota.strip()) + " " + period.strip();
    }

    private static Optional<Entry> entry(String name, CgroupVersion version) {
        return TABLE.stream().filter(e -> name.equals(nameIn(e, version))).findFirst();
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
            case SHARES_WEIGHT -> Long.toString(toV2 ? MAPPING.sharesToWeight(number(e, v, from)) : MAPPING.weightToShares(number(e, v, from)));
            case MEMORY_LIMIT -> toV2 ? (v.equals("-1") || v.equals(V1_UNLIMITED) ? "max" : v) : (v.equals("max") ? V1_UNLIMITED : v);
            case PARTITION -> toV2 ? (v.equals("1") ? "root" : "member") : partitionToExclusive(e, v);
            case FREEZE -> toV2 ? (v.equals("THAWED") ? "0" : "1") : freezeToState(e, v);
        };
    }

    private static String partitionToExclusive(Entry e, String v) {
        return switch (v) {
            case "root", "isolated" -> "1";
            case "member" -> "0";
            default -> throw new ToolException(ExitCodes.FAIL, e.v2 + " value '" + v + "' has no cgroup v1 equivalent; use root or member");
        };
    }

    private static String freezeToState(Entry e, String v) {
        return switch (v) {
            case "1" -> "FROZEN";
            case "0" -> "THAWED";
            default -> throw new ToolException(ExitCodes.FAIL, e.v2 + " must be 0 or 1 (got '" + v + "')");
        };
    }

    private static long number(Entry e, String v, CgroupVersion from) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException ex) {
            throw new ToolException(ExitCodes.FAIL, nameIn(e, from) + " value '" + v + "' is not a number, so it cannot be"
                    + " converted to " + nameIn(e, other(from)));
        }
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
