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

    public HostPaths paths() {
        return paths;
    }

    public HierarchyMode mode() {
        return mode;
    }

    /** Every hierarchy in mount order: v1 ones and, on hybrid or unified hosts, the v2 one. */
    public List<Hierarchy> hierarchies() {
        return hierarchies;
    }

    public List<Hierarchy> v1Hierarchies() {
        return hierarchies.stream().filter(h -> h.version() == CgroupVersion.V1).toList();
    }

    /** The v2 hierarchy, on hybrid and unified hosts. */
    public Optional<Hierarchy> unified() {
        return hierarchies.stream().filter(h -> h.version() == CgroupVersion.V2).findFirst();
    }

    /** The hierarchy whose files control {@code controller}: its v1 mount, or the v2 one that offers it. */
    public Optional<Hierarchy> hierarchyOf(Controller controller) {
        return hierarchies.stream().filter(h -> h.has(controller)).findFirst();
    }

    /** A named v1 hierarchy, e.g. {@code systemd} for {@code name=systemd}. */
    public Optional<Hierarchy> namedHierarchy(String name) {
        return hierarchies.stream().filter(h -> h.name().filter(name::equals).isPresent()).findFirst();
    }

    /** Controllers that can be used on this host, in enum order. */
    public List<Controller> availableControllers() {
        List<Controller> out = new ArrayList<>();
        for (Controller c : Controller.values()) {
            if (hierarchyOf(c).isPresent()) {
                out.add(c);
            }
        }
        return out;
    }

    /** A human list of what is mounted, for error messages ("cpu, cpuacct, memory"). */
    public String describeAvailable() {
        List<Controller> available = availableControllers();
        return available.isEmpty() ? "none" : available.stream().map(Controller::kernelName).collect(Collectors.joining(", "));
    }

    /** The rows of {@code /proc/cgroups}; the public view of them is {@link #report()}. */
    List<ControllerStatus> controllerStatuses() {
        return controllerStatuses;
    }

    /** The host report: mode, hierarchies, and each controller the kernel knows with where it is. */
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
