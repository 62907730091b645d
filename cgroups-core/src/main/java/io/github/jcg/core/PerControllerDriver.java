package io.github.jcg.core;

import io.github.jcg.core.internal.GroupFiles;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.internal.controller.ControllerModule;
import io.github.jcg.core.internal.controller.Controllers;
import io.github.jcg.core.internal.controller.FreezerController;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans and reads limits controller by controller, each {@link ControllerModule} in the
 * version of the hierarchy that holds its controller, so a host that keeps cpu and cpuset on
 * v1 but memory, pids and io on the cgroup2 mount gets {@code cpu.cfs_quota_us} and
 * {@code memory.max} in one change. Planning is pure (text in, writes out), so it is tested
 * without a kernel; {@link Cgroup#apply(Resources)} executes a plan with rollback.
 *
 * <p>The modules are planned in the registry's order (cpu, cpuset, memory, pids, io,
 * freezing), so rollback in {@link Cgroup#apply(Resources)} undoes writes in both
 * hierarchies newest first.
 */
final class PerControllerDriver {
    private final Map<ControllerModule, CgroupVersion> versions;
    /** Whether freezing has a hierarchy here at all (a freezer or the v2 mount). */
    private final boolean canFreeze;

    private PerControllerDriver(Map<ControllerModule, CgroupVersion> versions, boolean canFreeze) {
        this.versions = versions;
        this.canFreeze = canFreeze;
    }

    static PerControllerDriver of(HostLayout layout) {
        Map<ControllerModule, CgroupVersion> versions = new IdentityHashMap<>();
        for (ControllerModule module : Controllers.all()) {
            versions.put(module, versionOf(layout, module.hierarchy(layout)));
        }
        return new PerControllerDriver(versions, Controllers.freezer().hierarchy(layout).isPresent());
    }

    /**
     * The version of the hierarchy holding a module's controller. A controller that is nowhere
     * gets the host's usual spelling, so the missing file is reported in the words the host uses.
     */
    private static CgroupVersion versionOf(HostLayout layout, Optional<Hierarchy> holder) {
        if (holder.isPresent()) {
            return holder.get().version();
        }
        boolean v1Controllers = layout.v1Hierarchies().stream().anyMatch(h -> !h.controllers().isEmpty());
        return v1Controllers || layout.unified().isEmpty() ? CgroupVersion.V1 : CgroupVersion.V2;
    }

    /**
     * The writes that make the group's settings match {@code wanted}, in a safe order.
     * Throws {@link InvalidValueException} for settings a version cannot express.
     */
    List<PlannedWrite> plan(Resources wanted, GroupFiles current, SharesWeightMapping mapping) {
        List<PlannedWrite> writes = new ArrayList<>();
        for (ControllerModule module : Controllers.all()) {
            Resources.Builder slice = Resources.builder();
            module.copy(wanted, slice);
            Resources own = slice.build();
            if (!own.isEmpty()) {
                module.plan(own, visibleTo(module, current), versions.get(module), mapping, writes);
            }
        }
        return writes;
    }

    /** The group's settings as the kernel reports them; absent files leave fields empty. */
    Resources read(GroupFiles current) {
        Resources.Builder out = Resources.builder();
        for (ControllerModule module : Controllers.all()) {
            module.read(visibleTo(module, current), versions.get(module), out);
        }
        return out.build();
    }

    /** Whether the kernel has frozen the group (see {@link FreezerController#isFrozen}). */
    boolean isFrozen(GroupFiles current) {
        FreezerController freezer = Controllers.freezer();
        return freezer.isFrozen(visibleTo(freezer, current), versions.get(freezer));
    }

    /**
     * The write that freezes or thaws the group through the file it has (see
     * {@link FreezerController#freezeWrite}); empty where it has none, or the host none.
     */
    Optional<PlannedWrite> freezeWrite(GroupFiles current, boolean frozen) {
        if (!canFreeze) {
            return Optional.empty();
        }
        FreezerController freezer = Controllers.freezer();
        return freezer.freezeWrite(visibleTo(freezer, current), versions.get(freezer), frozen);
    }

    /**
     * The group's files as one module should see them on a split host: its own, the core's
     * ({@code cgroup.freeze}, {@code cgroup.events}), and those of the controllers planned in
     * the same version. Without this a v1 module would look for blkio files on a host whose io
     * controller is on cgroup2, and a v2 one for {@code cpu.max} where cpu is on v1. On a host
     * whose controllers all sit on one version it hides nothing.
     */
    private GroupFiles visibleTo(ControllerModule module, GroupFiles current) {
        CgroupVersion version = versions.get(module);
        return new GroupFiles() {
            @Override
            public Optional<String> read(String file) {
                return visible(file) ? current.read(file) : Optional.empty();
            }

            @Override
            public boolean has(String file) {
                return visible(file) && current.has(file);
            }

            @Override
            public CgroupPath path() {
                return current.path();
            }

            private boolean visible(String file) {
                Optional<ControllerModule> owner = Controllers.owning(file);
                return owner.isEmpty() || owner.get() == module || versions.get(owner.get()) == version;
            }
        };
    }
}
