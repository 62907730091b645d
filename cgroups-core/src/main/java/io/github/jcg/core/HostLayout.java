package io.github.jcg.core;

import io.github.jcg.core.internal.fs.ControllerStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The host's cgroup hierarchies as discovered: which mode, where each controller lives.
 * Immutable; build one with {@link HostDiscovery}.
 */
public final class HostLayout {
    private final HostPaths paths;
    private final HierarchyMode mode;
    private final List<Hierarchy> hierarchies;
    private final List<ControllerStatus> controllerStatuses;

    HostLayout(HostPaths paths, HierarchyMode mode, List<Hierarchy> hierarchies, List<ControllerStatus> statuses) {
        this.paths = paths;
        this.mode = mode;
        this.hierarchies = List.copyOf(hierarchies);
        this.controllerStatuses = List.copyOf(statuses);
    }

    /**
     * Where the kernel's files were read.
     *
     * @return the {@code /proc} directory and the root mount points are resolved against
     */
    public HostPaths paths() {
        return paths;
    }

    /**
     * How the hierarchies are arranged.
     *
     * @return {@link HierarchyMode#LEGACY} with only v1 mounts, {@link HierarchyMode#UNIFIED} with
     *         only a v2 one, {@link HierarchyMode#HYBRID} with both
     */
    public HierarchyMode mode() {
        return mode;
    }

    /**
     * Every hierarchy in mount order: v1 ones and, on hybrid or unified hosts, the v2 one.
     *
     * @return an unmodifiable list, one entry per hierarchy however often it is mounted
     */
    public List<Hierarchy> hierarchies() {
        return hierarchies;
    }

    /**
     * The v1 hierarchies, including named ones without controllers (such as {@code name=systemd}).
     *
     * @return the v1 hierarchies in mount order; empty on a unified host
     */
    public List<Hierarchy> v1Hierarchies() {
        return hierarchies.stream().filter(h -> h.version() == CgroupVersion.V1).toList();
    }

    /**
     * The v2 hierarchy, on hybrid and unified hosts.
     *
     * @return the {@code cgroup2} mount; empty on a legacy host
     */
    public Optional<Hierarchy> unified() {
        return hierarchies.stream().filter(h -> h.version() == CgroupVersion.V2).findFirst();
    }

    /**
     * The hierarchy whose files control {@code controller}: its v1 mount, or the v2 one that offers it.
     *
     * @param controller the controller
     * @return its hierarchy; empty when no v1 mount binds it and the v2 mount's
     *         {@code cgroup.controllers} does not offer it (disabled, bound nowhere, or not in this kernel)
     */
    public Optional<Hierarchy> hierarchyOf(Controller controller) {
        return hierarchies.stream().filter(h -> h.has(controller)).findFirst();
    }

    /**
     * A named v1 hierarchy, e.g. {@code systemd} for {@code name=systemd}.
     *
     * @param name the name without {@code name=}
     * @return the hierarchy mounted with that name; empty when none is
     */
    public Optional<Hierarchy> namedHierarchy(String name) {
        return hierarchies.stream().filter(h -> h.name().filter(name::equals).isPresent()).findFirst();
    }

    /**
     * Controllers that can be used on this host, in enum order.
     *
     * @return every controller that {@link #hierarchyOf} finds a hierarchy for; may be empty
     */
    public List<Controller> availableControllers() {
        List<Controller> out = new ArrayList<>();
        for (Controller c : Controller.values()) {
            if (hierarchyOf(c).isPresent()) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * A human list of what is mounted, for error messages ("cpu, cpuacct, memory").
     *
     * @return the available controllers' kernel names joined by ", ", or "none"
     */
    public String describeAvailable() {
        List<Controller> available = availableControllers();
        return available.isEmpty() ? "none" : available.stream().map(Controller::kernelName).collect(Collectors.joining(", "));
    }

    /** The rows of {@code /proc/cgroups}; the public view of them is {@link #report()}. */
    List<ControllerStatus> controllerStatuses() {
        return controllerStatuses;
    }

    /**
     * The host report: mode, hierarchies, and each controller the kernel knows with where it is.
     *
     * @return a new report: the controllers of {@code /proc/cgroups} in its order (its
     *         {@code blkio} row stands for v2's {@code io} when no v1 mount binds blkio), then v2-only
     *         controllers it does not list, such as {@code misc}
     */
    public HostReport report() {
        List<ControllerReport> controllers = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (ControllerStatus status : controllerStatuses) {
            Optional<Hierarchy> where = Controller.byName(status.name()).flatMap(this::hierarchyOf);
            if (where.isEmpty() && status.name().equals(Controller.BLKIO.kernelName())) {
                // /proc/cgroups keeps v1's name for the block IO controller that v2 calls io
                where = hierarchyOf(Controller.IO).filter(h -> h.version() == CgroupVersion.V2);
                where.ifPresent(h -> seen.add(Controller.IO.kernelName()));
            }
            controllers.add(new ControllerReport(status.name(), status.enabled(), where));
            seen.add(status.name());
        }
        // v2-only controllers (io, misc …) that /proc/cgroups does not list
        for (Controller c : Controller.values()) {
            if (!seen.contains(c.kernelName())) {
                hierarchyOf(c).ifPresent(h -> controllers.add(new ControllerReport(c.kernelName(), true, Optional.of(h))));
            }
        }
        return new HostReport(mode, hierarchies, controllers);
    }
}
