package io.github.jcg.core.limit;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.UnmappableSettingException;
import io.github.jcg.core.internal.controller.ControllerModule;
import io.github.jcg.core.internal.controller.Controllers;
import io.github.jcg.core.internal.controller.VocabularyEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The translation between cgroup v1's and v2's control-file names and values that libcgroup
 * 3.x's cgxget and cgxset make, entry by entry as its abstraction layer
 * ({@code src/abstraction-map.c}) defines it. Each controller's entries are its own (cpu:
 * {@code cpu.shares ↔ cpu.weight}, {@code cpu.cfs_quota_us} and {@code cpu.cfs_period_us ↔
 * cpu.max}, {@code cpu.stat} unmappable; cpuset: its CPUs, memory nodes and partition; memory:
 * {@code memory.limit_in_bytes ↔ memory.max}, {@code memory.soft_limit_in_bytes ↔
 * memory.high}); nothing else is mapped.
 *
 * <p>A setting that cannot be translated fails with {@link UnmappableSettingException}, whose
 * reason says why: a name the table does not know ({@code freezer.state},
 * {@code memory.memsw.*}, {@code pids.*}, {@code blkio.*} …) is
 * {@link UnmappableSettingException.Reason#UNKNOWN_NAME UNKNOWN_NAME} even when unmappable
 * settings are to be skipped, as in libcgroup; a known one without an equivalent is
 * {@link UnmappableSettingException.Reason#NO_EQUIVALENT NO_EQUIVALENT} unless
 * {@code ignoreUnmappable} skips it; a value that cannot be converted is
 * {@link UnmappableSettingException.Reason#UNCONVERTIBLE_VALUE UNCONVERTIBLE_VALUE}.
 */
public final class Vocabulary {
    private static final List<VocabularyEntry.Renamed> RENAMED = new ArrayList<>();
    private static final List<VocabularyEntry.Fields> FIELDS = new ArrayList<>();

    static {
        for (ControllerModule module : Controllers.all()) {
            for (VocabularyEntry entry : module.vocabulary()) {
                if (entry instanceof VocabularyEntry.Renamed r) {
                    RENAMED.add(r);
                } else if (entry instanceof VocabularyEntry.Fields f) {
                    FIELDS.add(f);
                }
            }
        }
    }

    private Vocabulary() {
    }

    /**
     * A setting as asked for, the version it was asked in, the version on disk and the disk
     * files it is read from.
     */
    public record Read(String requested, CgroupVersion asked, CgroupVersion disk, List<String> diskNames) {
        public Read {
            diskNames = List.copyOf(diskNames);
        }
    }

    /**
     * The disk files behind a setting named in {@code asked}'s vocabulary, when the disk speaks
     * {@code disk}'s. Empty for an unmappable setting when {@code ignoreUnmappable}.
     *
     * @throws UnmappableSettingException for a setting that cannot be translated
     */
    public static Optional<Read> forRead(String name, CgroupVersion asked, CgroupVersion disk, boolean ignoreUnmappable) {
        if (asked == disk) {
            return Optional.of(new Read(name, asked, disk, List.of(name)));
        }
        if (asked == CgroupVersion.V2) {
            Optional<VocabularyEntry.Fields> whole = fieldsNamed(name);
            if (whole.isPresent()) {
                return Optional.of(new Read(name, asked, disk, whole.get().v1Names()));
            }
        } else {
            Optional<VocabularyEntry.Fields> whole = fieldsHolding(name);
            if (whole.isPresent()) {
                return Optional.of(new Read(name, asked, disk, List.of(whole.get().v2Name())));
            }
        }
        Optional<VocabularyEntry.Renamed> entry = entry(name, asked);
        if (entry.isEmpty() || !entry.get().mappable()) {
            return refuse(name, asked, entry.isPresent(), ignoreUnmappable);
        }
        return Optional.of(new Read(name, asked, disk, List.of(entry.get().name(disk))));
    }

    /** The value of a requested setting in its own vocabulary, from the first lines of its disk files. */
    public static String valueOf(Read read, Map<String, String> disk) {
        String name = read.requested();
        if (read.asked() == read.disk()) {
            return disk.get(name);
        }
        if (read.asked() == CgroupVersion.V2) {
            Optional<VocabularyEntry.Fields> whole = fieldsNamed(name);
            if (whole.isPresent()) {
                return whole.get().join(disk);
            }
        } else {
            Optional<VocabularyEntry.Fields> whole = fieldsHolding(name);
            if (whole.isPresent()) {
                return whole.get().field(disk.get(whole.get().v2Name()), name);
            }
        }
        VocabularyEntry.Renamed e = entry(name, read.asked()).orElseThrow();
        return e.convert(disk.get(e.name(read.disk())), read.disk());
    }

    /**
     * A whole controller's files, read on a {@code diskVersion} host, in {@code asked}'s
     * vocabulary: on v1, files that are the fields of one v2 file become that file (first, as
     * libcgroup puts {@code cpu.max}); on v2, such a file becomes its v1 files; other names are
     * translated one by one. A file the table does not know is refused, as libcgroup does.
     *
     * @throws UnmappableSettingException for a file that cannot be translated
     */
    public static LinkedHashMap<String, String> translateAll(Map<String, String> files, CgroupVersion diskVersion,
                                                              CgroupVersion asked, boolean ignoreUnmappable) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        if (diskVersion == asked) {
            out.putAll(files);
            return out;
        }
        LinkedHashMap<String, String> rest = new LinkedHashMap<>(files);
        if (diskVersion == CgroupVersion.V1) {
            for (VocabularyEntry.Fields f : FIELDS) {
                if (rest.keySet().containsAll(f.v1Names())) {
                    Map<String, String> values = new LinkedHashMap<>();
                    f.v1Names().forEach(n -> values.put(n, rest.remove(n)));
                    out.put(f.v2Name(), f.join(values));
                }
            }
        }
        for (Map.Entry<String, String> file : rest.entrySet()) {
            Optional<VocabularyEntry.Fields> whole = diskVersion == CgroupVersion.V2 ? fieldsNamed(file.getKey()) : Optional.empty();
            if (whole.isPresent()) {
                for (String v1Name : whole.get().v1Names()) {
                    out.put(v1Name, whole.get().field(file.getValue(), v1Name));
                }
                continue;
            }
            Optional<VocabularyEntry.Renamed> entry = entry(file.getKey(), diskVersion);
            if (entry.isEmpty() || !entry.get().mappable()) {
                refuse(file.getKey(), diskVersion, entry.isPresent(), ignoreUnmappable);
                continue;
            }
            out.put(entry.get().name(asked), entry.get().convert(file.getValue(), diskVersion));
        }
        return out;
    }

    /**
     * The writes that set one controller's {@code name=value} rules, given in {@code asked}'s
     * vocabulary, on a host whose files speak {@code disk}'s. Everything that can be checked
     * without the target group is checked here (unknown and unmappable names, numbers that are
     * not numbers); {@link WritePlan#writesFor} then reads what it needs from each target group.
     *
     * @throws UnmappableSettingException for a rule that cannot be translated
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
        List<VocabularyEntry.Fields> whole = new ArrayList<>();
        if (asked == CgroupVersion.V1) {
            for (VocabularyEntry.Fields f : FIELDS) {
                if (byName.keySet().containsAll(f.v1Names())) {
                    // libcgroup's cgroup_convert_cpu_nto1: every field given makes one write, first
                    Map<String, String> values = new LinkedHashMap<>();
                    f.v1Names().forEach(n -> values.put(n, byName.get(n)));
                    steps.add(fixed(f.v2Name(), f.join(values)));
                    whole.add(f);
                }
            }
        }
        for (Map.Entry<String, String> rule : rules) {
            String name = rule.getKey();
            String value = rule.getValue();
            Optional<VocabularyEntry.Fields> holder = asked == CgroupVersion.V1 ? fieldsHolding(name) : Optional.empty();
            Optional<VocabularyEntry.Fields> named = asked == CgroupVersion.V2 ? fieldsNamed(name) : Optional.empty();
            if (holder.isPresent()) {
                if (!whole.contains(holder.get())) {
                    steps.add(fieldStep(holder.get(), name, value));
                }
            } else if (named.isPresent()) {
                named.get().split(value).forEach((file, v) -> steps.add(fixed(file, v)));
            } else {
                Optional<VocabularyEntry.Renamed> entry = entry(name, asked);
                if (entry.isEmpty() || !entry.get().mappable()) {
                    refuse(name, asked, entry.isPresent(), ignoreUnmappable);
                } else {
                    steps.add(fixed(entry.get().name(disk), entry.get().convert(value, asked)));
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
         * of one of the target's disk files; it is asked only where one field of a v2 file is
         * written alone and the other fields must stay as they are ({@code cpu.max} for a quota
         * or a period).
         *
         * @throws UnmappableSettingException when the target's file has no field to keep
         */
        public List<Map.Entry<String, String>> writesFor(Function<String, String> current) {
            List<Map.Entry<String, String>> writes = new ArrayList<>(steps.size());
            for (Step step : steps) {
                writes.add(step.resolve(current));
            }
            return writes;
        }

        /** Whether no write is left (every rule was unmappable and skipped). */
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

    /** One field of a v2 file written alone: the other fields stay as the target group has them. */
    private static Step fieldStep(VocabularyEntry.Fields fields, String v1Name, String value) {
        return current -> Map.entry(fields.v2Name(), fields.replaceField(v1Name, value, current.apply(fields.v2Name())));
    }

    private static Optional<VocabularyEntry.Fields> fieldsNamed(String v2Name) {
        return FIELDS.stream().filter(f -> f.v2Name().equals(v2Name)).findFirst();
    }

    private static Optional<VocabularyEntry.Fields> fieldsHolding(String v1Name) {
        return FIELDS.stream().filter(f -> f.v1Names().contains(v1Name)).findFirst();
    }

    private static Optional<VocabularyEntry.Renamed> entry(String name, CgroupVersion version) {
        for (VocabularyEntry.Renamed e : RENAMED) {
            if (name.equals(e.name(version))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static <T> Optional<T> refuse(String name, CgroupVersion version, boolean known, boolean ignoreUnmappable) {
        String other = version == CgroupVersion.V1 ? "v2" : "v1";
        if (!known) {
            throw new UnmappableSettingException(name + " has no cgroup " + other + " counterpart that jcg (or libcgroup)"
                    + " knows; without -1/-2 settings are read and written under the host's own names", name, null,
                    UnmappableSettingException.Reason.UNKNOWN_NAME);
        }
        if (ignoreUnmappable) {
            return Optional.empty();
        }
        throw new UnmappableSettingException(name + " cannot be converted to cgroup " + other
                + " (there is no equivalent setting); leave it out, or pass -i to skip it", name, null,
                UnmappableSettingException.Reason.NO_EQUIVALENT);
    }
}
