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
     * files it is read from; made by {@link #forRead}, turned into a value by {@link #valueOf}.
     *
     * @param requested the setting's name, in {@code asked}'s vocabulary
     * @param asked     the version whose names and values the caller uses
     * @param disk      the version of the hierarchy that holds the setting's controller
     * @param diskNames the files to read, in {@code disk}'s names: one, or the v1 quota and
     *                  period behind {@code cpu.max} (an unmodifiable copy)
     */
    public record Read(String requested, CgroupVersion asked, CgroupVersion disk, List<String> diskNames) {
        /**
         * Copies {@code diskNames}, so the record does not change with the caller's list.
         *
         * @param requested the setting's name, in {@code asked}'s vocabulary
         * @param asked     the version whose names and values the caller uses
         * @param disk      the version of the hierarchy that holds the setting's controller
         * @param diskNames the files to read, in {@code disk}'s names
         */
        public Read {
            diskNames = List.copyOf(diskNames);
        }
    }

    /**
     * The disk files behind a setting named in {@code asked}'s vocabulary, when the disk speaks
     * {@code disk}'s. When the two are the same the name is its own file, unchecked. Otherwise
     * {@code cpu.max} asked on a v1 disk is read from {@code cpu.cfs_quota_us} and
     * {@code cpu.cfs_period_us}, either of those asked on a v2 disk from {@code cpu.max}, and
     * any other name from its counterpart in the table. Empty for an unmappable setting when
     * {@code ignoreUnmappable}.
     *
     * @param name             the setting as asked for, such as {@code cpu.weight}
     * @param asked            the version whose names {@code name} uses
     * @param disk             the version of the hierarchy that holds the setting's controller
     * @param ignoreUnmappable skip a known setting that has no equivalent instead of failing
     *                         (cgxget's {@code -i})
     * @return the files to read, for {@link #valueOf}; empty when the setting is skipped
     * @throws UnmappableSettingException {@link UnmappableSettingException.Reason#UNKNOWN_NAME
     *                                    UNKNOWN_NAME} for a name the table does not know,
     *                                    whatever {@code ignoreUnmappable} says;
     *                                    {@link UnmappableSettingException.Reason#NO_EQUIVALENT
     *                                    NO_EQUIVALENT} for a known one without an equivalent
     *                                    ({@code cpu.stat}, v1-only cpuset flags) unless skipped
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

    /**
     * The value of a requested setting in its own vocabulary, from the first lines of its disk
     * files: as read when the two versions are the same; {@code cpu.max} joined from the v1
     * quota and period (a quota of {@code -1} becomes {@code max}); a quota or period taken
     * from its field of {@code cpu.max} ({@code max} becomes {@code -1}); any other value
     * converted by its entry ({@code cpu.shares} and {@code cpu.weight} scaled by their defaults,
     * 1024 and 100, with integer division; a memory limit's "no limit" spelled the other
     * version's way; {@code cpuset.cpu_exclusive} 1 as partition {@code root}).
     *
     * @param read a translation from {@link #forRead}
     * @param disk the first line of each of {@code read}'s {@link Read#diskNames()}, by file name
     * @return the value, in {@code read}'s asked version; null when the versions are the same
     *         and {@code disk} lacks the file
     * @throws UnmappableSettingException {@link UnmappableSettingException.Reason#UNCONVERTIBLE_VALUE
     *                                    UNCONVERTIBLE_VALUE} for a value its entry cannot
     *                                    convert ({@code cpu.shares} that is not a number …)
     */
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
     * @param files            the controller's files by disk name, each with its first line, in the
     *                         order to keep
     * @param diskVersion      the version the files were read in
     * @param asked            the version whose names and values are wanted
     * @param ignoreUnmappable leave out a known file without an equivalent instead of failing
     * @return a new map in {@code asked}'s names and values: a joined {@code cpu.max} first, then
     *         the others in {@code files}' order; a plain copy when the versions are the same
     * @throws UnmappableSettingException {@link UnmappableSettingException.Reason#UNKNOWN_NAME
     *                                    UNKNOWN_NAME} for a file the table does not know (on v1,
     *                                    also a quota or period without the other);
     *                                    {@link UnmappableSettingException.Reason#NO_EQUIVALENT
     *                                    NO_EQUIVALENT} for a known one without an equivalent
     *                                    unless skipped;
     *                                    {@link UnmappableSettingException.Reason#UNCONVERTIBLE_VALUE
     *                                    UNCONVERTIBLE_VALUE} for a value that cannot be converted
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
     * <p>When the two versions are the same the rules pass through unchanged and unchecked.
     * Asked in v1 for a v2 disk, a quota and a period given together make one {@code cpu.max}
     * write, before the others (libcgroup's order); one of them alone makes a {@code cpu.max}
     * write that keeps the other field as each target group has it. Asked in v2 for a v1 disk,
     * {@code cpu.max} makes a quota write and, when it gives one, a period write. Every other
     * rule is renamed and its value converted.
     *
     * @param rules            one controller's {@code name=value} rules, in the order given
     * @param asked            the version whose names and values the rules use
     * @param disk             the version of the hierarchy that holds the controller
     * @param ignoreUnmappable leave out a known setting without an equivalent instead of failing
     *                         (cgxset's {@code -i})
     * @return the plan; {@link WritePlan#isEmpty() empty} when every rule was left out
     * @throws UnmappableSettingException {@link UnmappableSettingException.Reason#UNKNOWN_NAME
     *                                    UNKNOWN_NAME} for a name the table does not know;
     *                                    {@link UnmappableSettingException.Reason#NO_EQUIVALENT
     *                                    NO_EQUIVALENT} for a known one without an equivalent
     *                                    unless skipped;
     *                                    {@link UnmappableSettingException.Reason#UNCONVERTIBLE_VALUE
     *                                    UNCONVERTIBLE_VALUE} for a value that cannot be converted
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
         * @param current gives a disk file's first line in the target group, from the file's
         *                name; what it throws passes through
         * @return the writes, each a disk file's name and the value to write, in order
         * @throws UnmappableSettingException {@link UnmappableSettingException.Reason#UNCONVERTIBLE_VALUE
         *                                    UNCONVERTIBLE_VALUE} when a quota is written alone and
         *                                    the target's {@code cpu.max} has no period to keep
         */
        public List<Map.Entry<String, String>> writesFor(Function<String, String> current) {
            List<Map.Entry<String, String>> writes = new ArrayList<>(steps.size());
            for (Step step : steps) {
                writes.add(step.resolve(current));
            }
            return writes;
        }

        /**
         * Whether no write is left (every rule was unmappable and skipped).
         *
         * @return true when {@link #writesFor} would return no write
         */
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
