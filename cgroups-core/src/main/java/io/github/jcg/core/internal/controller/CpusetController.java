package io.github.jcg.core.internal.controller;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Errno;
import io.github.jcg.core.internal.GroupFiles;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.limit.CpuList;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The cpuset controller: the CPUs and memory nodes a group may use ({@code cpuset.cpus}, {@code cpuset.mems}). */
final class CpusetController extends ControllerModule {
    CpusetController() {
        super(Set.of(Controller.CPUSET));
    }

    // ---------------------------------------------------------------- limits and errors

    private static final String CPUS_FILE = "cpuset.cpus";
    private static final String MEMS_FILE = "cpuset.mems";

    @Override
    public void copy(Resources from, Resources.Builder into) {
        from.cpusetCpus().ifPresent(into::cpusetCpus);
        from.cpusetMems().ifPresent(into::cpusetMems);
    }

    /** The same two files on both versions, in the kernel's list syntax. */
    @Override
    public void plan(Resources wanted, GroupFiles current, CgroupVersion version, SharesWeightMapping mapping,
                     List<PlannedWrite> writes) {
        wanted.cpusetCpus().ifPresent(c -> writes.add(PlannedWrite.of(CPUS_FILE, c.toString())));
        wanted.cpusetMems().ifPresent(m -> writes.add(PlannedWrite.of(MEMS_FILE, m.toString())));
    }

    @Override
    public void read(GroupFiles current, CgroupVersion version, Resources.Builder into) {
        current.read(CPUS_FILE).ifPresent(c -> into.cpusetCpus(CpuList.parse(c)));
        current.read(MEMS_FILE).ifPresent(m -> into.cpusetMems(CpuList.parse(m)));
    }

    @Override
    public void check(String file, String value) {
        if (file.equals(CPUS_FILE) || file.equals(MEMS_FILE)) {
            CpuList.parse(value.strip());
        }
    }

    @Override
    public Optional<String> explainRefusal(String file, String value, Errno errno, CgroupVersion version) {
        boolean cpusOrMems = file.equals(CPUS_FILE) || file.equals(MEMS_FILE);
        return switch (errno) {
            // v1 cpuset answers EACCES, not EINVAL, for CPUs outside the parent's set
            case EACCES -> Optional.of("the CPUs or memory nodes must lie within the parent's cpuset (or you lack permission to write it)");
            case ENOSPC -> cpusOrMems
                    ? Optional.of("a cpuset that holds tasks cannot be left without CPUs or memory nodes; move the tasks out first")
                    : Optional.empty();
            case EINVAL -> cpusOrMems
                    ? Optional.of("the CPUs or memory nodes must exist, be online and lie within the parent's cpuset")
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** cpusets.rst on v1, cgroup-v2.rst on v2. */
    private static final Set<String> FILE_NAMES = Set.of(
            // v1
            "cpuset.cpu_exclusive", "cpuset.mem_exclusive", "cpuset.mem_hardwall", "cpuset.memory_migrate",
            "cpuset.memory_pressure", "cpuset.memory_pressure_enabled", "cpuset.memory_spread_page",
            "cpuset.memory_spread_slab", "cpuset.sched_load_balance", "cpuset.sched_relax_domain_level",
            "cpuset.effective_cpus", "cpuset.effective_mems",
            // v2
            "cpuset.cpus.effective", "cpuset.mems.effective", "cpuset.cpus.exclusive", "cpuset.cpus.exclusive.effective",
            "cpuset.cpus.isolated", "cpuset.cpus.partition",
            // both
            "cpuset.cpus", "cpuset.mems");

    @Override
    public Set<String> fileNames() {
        return FILE_NAMES;
    }

    /**
     * libcgroup's cpuset rows: the CPUs and memory nodes, and their effective sets, keep their
     * values; {@code cpuset.cpu_exclusive ↔ cpuset.cpus.partition} is {@code 1 → root} and
     * anything else {@code → member}, {@code root → 1} and anything else ({@code member},
     * {@code isolated}, {@code root invalid (…)}) {@code → 0}; v1's other files have no v2
     * counterpart. libcgroup's table spells the root-only file
     * {@code cpuset.mem_pressure_enabled}, which no kernel has; both that spelling and the
     * kernel's {@code cpuset.memory_pressure_enabled} are listed, so {@code cgxget -i -2 -g
     * cpuset /} on a v1 host skips the real file instead of failing on it.
     */
    @Override
    public List<VocabularyEntry> vocabulary() {
        List<VocabularyEntry> entries = new ArrayList<>(List.of(
                VocabularyEntry.Renamed.same("cpuset.effective_cpus", "cpuset.cpus.effective"),
                VocabularyEntry.Renamed.same("cpuset.effective_mems", "cpuset.mems.effective"),
                VocabularyEntry.Renamed.same(CPUS_FILE, CPUS_FILE),
                VocabularyEntry.Renamed.same(MEMS_FILE, MEMS_FILE),
                VocabularyEntry.Renamed.converted("cpuset.cpu_exclusive", "cpuset.cpus.partition",
                        exclusive -> exclusive.strip().equals("1") ? "root" : "member",
                        partition -> partition.strip().equals("root") ? "1" : "0")));
        for (String v1Only : List.of("cpuset.mem_exclusive", "cpuset.mem_hardwall", "cpuset.memory_migrate",
                "cpuset.memory_pressure", "cpuset.mem_pressure_enabled", "cpuset.memory_pressure_enabled",
                "cpuset.memory_spread_page", "cpuset.memory_spread_slab", "cpuset.sched_load_balance",
                "cpuset.sched_relax_domain_level")) {
            entries.add(VocabularyEntry.Renamed.unmappable(v1Only, null));
        }
        return List.copyOf(entries);
    }

    // ---------------------------------------------------------------- sampling
}
