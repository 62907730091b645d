package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;

import java.util.List;
import java.util.Optional;

/**
 * The registry of {@link ControllerModule}s, in the order their limits are planned and their
 * samples read: cpuacct before cpu (CPU time comes from cpuacct on v1, and cpu fills it in
 * where cpuacct has no group), then cpu, cpuset, memory, pids, io and freezing, as the kernel's
 * rules about write order want (freezing last).
 */
public final class Controllers {
    private static final List<ControllerModule> ALL = List.of(
            new CpuacctController(),
            new CpuController(),
            new CpusetController(),
            new MemoryController(),
            new PidsController(),
            new IoController(),
            new FreezerController(),
            new HugetlbController());

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
}
