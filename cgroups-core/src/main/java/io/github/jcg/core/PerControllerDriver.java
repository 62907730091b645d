package io.github.jcg.core;

import io.github.jcg.core.internal.GroupFiles;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.internal.ResourceDriver;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import io.github.jcg.core.internal.v1.V1ResourceDriver;
import io.github.jcg.core.internal.v2.V2ResourceDriver;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends each controller's limits to the driver of the hierarchy that holds that controller,
 * so a host that keeps cpu and cpuset on v1 but memory, pids and io on the cgroup2 mount gets
 * {@code cpu.cfs_quota_us} and {@code memory.max} in one change. On a host whose controllers
 * all sit on one version every part has the same driver, and it is used whole.
 *
 * <p>The parts are planned in the order both drivers use (cpu, cpuset, memory, pids, io,
 * freezing), so rollback in {@link Cgroup#apply(Resources)} undoes writes in both
 * hierarchies newest first.
 */
final class PerControllerDriver implements ResourceDriver {
    /** The slices of {@link Resources} that one controller's files hold. */
    enum Part { CPU, CPUSET, MEMORY, PIDS, IO, FREEZING }

    private static final ResourceDriver V1 = new V1ResourceDriver();
    private static final ResourceDriver V2 = new V2ResourceDriver();

    private final Map<Part, ResourceDriver> drivers;
    /** The one driver when every part uses it; null on a split host. */
    private final ResourceDriver only;

    private PerControllerDriver(Map<Part, ResourceDriver> drivers) {
        this.drivers = drivers;
        Set<ResourceDriver> distinct = new LinkedHashSet<>(drivers.values());
        this.only = distinct.size() == 1 ? distinct.iterator().next() : null;
    }

    static PerControllerDriver of(HostLayout layout) {
        Map<Part, ResourceDriver> drivers = new EnumMap<>(Part.class);
        drivers.put(Part.CPU, driverOf(layout, layout.hierarchyOf(Controller.CPU)));
        drivers.put(Part.CPUSET, driverOf(layout, layout.hierarchyOf(Controller.CPUSET)));
        drivers.put(Part.MEMORY, driverOf(layout, layout.hierarchyOf(Controller.MEMORY)));
        drivers.put(Part.PIDS, driverOf(layout, layout.hierarchyOf(Controller.PIDS)));
        drivers.put(Part.IO, driverOf(layout, layout.hierarchyOf(Controller.BLKIO)
                .filter(h -> h.version() == CgroupVersion.V1).or(() -> layout.hierarchyOf(Controller.IO))));
        // v2 has no freezer controller: cgroup.freeze is a core file of every non-root group
        Optional<Hierarchy> freezer = layout.hierarchyOf(Controller.FREEZER).or(layout::unified);
        drivers.put(Part.FREEZING, driverOf(layout, freezer));
        return new PerControllerDriver(drivers);
    }

    /**
     * The driver of the hierarchy holding a controller. A controller that is nowhere gets the
     * host's usual spelling, so the missing file is reported in the words the host uses.
     */
    private static ResourceDriver driverOf(HostLayout layout, Optional<Hierarchy> holder) {
        if (holder.isPresent()) {
            return holder.get().version() == CgroupVersion.V2 ? V2 : V1;
        }
        boolean v1Controllers = layout.v1Hierarchies().stream().anyMatch(h -> !h.controllers().isEmpty());
        return v1Controllers || layout.unified().isEmpty() ? V1 : V2;
    }

    @Override
    public List<PlannedWrite> plan(Resources wanted, GroupFiles current, SharesWeightMapping mapping) {
        if (only != null) {
            return only.plan(wanted, current, mapping);
        }
        List<PlannedWrite> writes = new ArrayList<>();
        for (Part part : Part.values()) {
            Resources slice = copy(wanted, part, Resources.builder()).build();
            if (!slice.isEmpty()) {
                ResourceDriver driver = drivers.get(part);
                writes.addAll(driver.plan(slice, visibleTo(driver, current), mapping));
            }
        }
        return writes;
    }

    @Override
    public Resources read(GroupFiles current) {
        if (only != null) {
            return only.read(current);
        }
        Map<ResourceDriver, Resources> byDriver = new java.util.HashMap<>();
        Resources.Builder out = Resources.builder();
        for (Part part : Part.values()) {
            Resources read = byDriver.computeIfAbsent(drivers.get(part), d -> d.read(visibleTo(d, current)));
            copy(read, part, out);
        }
        return out.build();
    }

    @Override
    public boolean isFrozen(GroupFiles current) {
        return drivers.get(Part.FREEZING).isFrozen(current);
    }

    /**
     * The group's files as one driver should see them on a split host: only those of the
     * parts it drives. Without this the v1 driver would look for blkio files on a host whose
     * io controller is on cgroup2, and the v2 one for {@code cpu.max} where cpu is on v1.
     */
    private GroupFiles visibleTo(ResourceDriver driver, GroupFiles current) {
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
                Part part = partOf(file);
                return part == null || drivers.get(part) == driver;
            }
        };
    }

    /** The part a control file belongs to; core files ({@code cgroup.freeze}, {@code cgroup.events}) are freezing's. */
    static Part partOf(String file) {
        Optional<Controller> owner = Controller.owningFile(file);
        if (owner.isEmpty()) {
            return Part.FREEZING;
        }
        return switch (owner.get()) {
            case CPU, CPUACCT -> Part.CPU;
            case CPUSET -> Part.CPUSET;
            case MEMORY -> Part.MEMORY;
            case PIDS -> Part.PIDS;
            case BLKIO, IO -> Part.IO;
            case FREEZER -> Part.FREEZING;
            default -> null;
        };
    }

    /** Copies one part's fields of {@code from} into {@code into}. */
    static Resources.Builder copy(Resources from, Part part, Resources.Builder into) {
        switch (part) {
            case CPU -> {
                from.cpuQuota().ifPresent(into::cpuQuota);
                from.cpuPeriodMicros().ifPresent(into::cpuPeriodMicros);
                from.cpuBurstMicros().ifPresent(into::cpuBurstMicros);
                from.cpuWeight().ifPresent(into::cpuWeight);
            }
            case CPUSET -> {
                from.cpusetCpus().ifPresent(into::cpusetCpus);
                from.cpusetMems().ifPresent(into::cpusetMems);
            }
            case MEMORY -> {
                from.memoryMax().ifPresent(into::memoryMax);
                from.memoryHigh().ifPresent(into::memoryHigh);
                from.memoryLow().ifPresent(into::memoryLow);
                from.memoryMin().ifPresent(into::memoryMin);
                from.swapMax().ifPresent(into::swapMax);
            }
            case PIDS -> from.pidsMax().ifPresent(into::pidsMax);
            case IO -> from.io().forEach(into::io);
            case FREEZING -> from.frozen().ifPresent(into::frozen);
        }
        return into;
    }
}
