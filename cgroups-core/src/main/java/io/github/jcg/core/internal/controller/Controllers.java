package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;

import java.util.List;
import java.util.Optional;

/**
 * The registry of {@link ControllerModule}s, in the order their limits are planned and their
 * samples read: cpuacct before cpu (CPU time comes from cpuacct on v1, and cpu fills it in
 * where cpuacct has no group), then cpu, cpuset, memory, pids, io and freezing, as the kernel's
 * rules about write order want (freezing last). The controllers jcg knows only the file
 * names of come last.
 */
public final class Controllers {
    private static final FreezerController FREEZER = new FreezerController();
    private static final List<ControllerModule> ALL = List.of(
            new CpuacctController(),
            new CpuController(),
            new CpusetController(),
            new MemoryController(),
            new PidsController(),
            new IoController(),
            FREEZER,
            new HugetlbController(),
            NamesOnlyController.of(Controller.DEVICES, "allow", "deny", "list"),
            NamesOnlyController.of(Controller.NET_CLS, "classid"),
            NamesOnlyController.of(Controller.NET_PRIO, "prioidx", "ifpriomap"),
            NamesOnlyController.of(Controller.PERF_EVENT),
            NamesOnlyController.of(Controller.RDMA, "max", "current"),
            NamesOnlyController.of(Controller.MISC, "capacity", "current", "peak", "max", "events", "events.local"),
            NamesOnlyController.unlisted("dmem", "capacity", "current", "min", "low", "max"));

    private Controllers() {
    }

    /** Every module, in planning and sampling order. */
    public static List<ControllerModule> all() {
        return ALL;
    }

    /** The module that owns a kernel controller's files. */
    public static Optional<ControllerModule> of(Controller controller) {
        for (ControllerModule m : ALL) {
            if (m.controllers().contains(controller)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The module that owns a control file, by the file's prefix ({@code cpu.cfs_quota_us} →
     * cpu's); empty for the core's files ({@code cgroup.procs}, {@code tasks} …).
     */
    public static Optional<ControllerModule> owning(String file) {
        return Controller.owningFile(file).flatMap(Controllers::of);
    }

    /** The module that freezes groups, on both versions. */
    public static FreezerController freezer() {
        return FREEZER;
    }
}
