package io.github.jcg.core;

import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import io.github.jcg.core.sample.MetricFamily;
import io.github.jcg.core.sample.SubtreeSampler;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The entry point: a discovered host, and the groups on it.
 *
 * <pre>{@code
 * CgroupHost host = CgroupHost.discover();
 * Cgroup web = host.group("web", ControllerSelection.of(Controller.CPU, Controller.MEMORY)).create();
 * web.apply(Resources.builder().cpuCores(0.5, 100_000).memoryMax(Limit.of(256L << 20)).build());
 * web.attach(pid);
 * }</pre>
 */
public final class CgroupHost {
    private final HostLayout layout;
    private final SharesWeightMapping mapping;
    private final PerControllerDriver driver;

    private CgroupHost(HostLayout layout, SharesWeightMapping mapping) {
        this.layout = layout;
        this.mapping = mapping;
        // per controller, not per host: cpu may be on a v1 mount while memory is on cgroup2
        this.driver = PerControllerDriver.of(layout);
    }

    /**
     * Discovers the real host ({@code /proc}, {@code /sys/fs/cgroup}).
     *
     * @return the host, converting shares and weight with {@link SharesWeightMapping#DEFAULT}
     * @throws CgroupException when {@code /proc/self/mountinfo} cannot be read or no cgroup
     *                         filesystem is mounted
     */
    public static CgroupHost discover() {
        return discover(HostPaths.system());
    }

    /**
     * Discovers a host whose {@code /proc} and filesystem root are elsewhere (tests, chroots).
     *
     * @param paths where to read {@code /proc} and resolve mount points
     * @return the host, converting shares and weight with {@link SharesWeightMapping#DEFAULT}
     * @throws CgroupException when {@code self/mountinfo} cannot be read or no cgroup
     *                         filesystem is mounted
     */
    public static CgroupHost discover(HostPaths paths) {
        return new CgroupHost(new HostDiscovery(paths).discover(), SharesWeightMapping.DEFAULT);
    }

    /**
     * The same host, converting shares and weight with another formula. Nothing is discovered again.
     *
     * @param mapping how v1 {@code cpu.shares} and v2 {@code cpu.weight} translate into each other
     * @return a new host with that mapping; this one is unchanged
     */
    public CgroupHost withMapping(SharesWeightMapping mapping) {
        return new CgroupHost(layout, mapping);
    }

    /**
     * The layout discovery found. It is not refreshed: mounts made later are not seen.
     *
     * @return the mode, the hierarchies and where each controller lives
     */
    public HostLayout layout() {
        return layout;
    }

    /**
     * Where this host's kernel files were read.
     *
     * @return {@link HostPaths#system()} for a host from {@link #discover()}
     */
    public HostPaths paths() {
        return layout.paths();
    }

    /**
     * How the host arranges its hierarchies.
     *
     * @return legacy (v1 only), hybrid (v1 and v2) or unified (v2 only)
     */
    public HierarchyMode mode() {
        return layout.mode();
    }

    /**
     * Everything discovery learned, for printing.
     *
     * @return the mode, the hierarchies, and every controller the kernel knows with where it is mounted
     */
    public HostReport report() {
        return layout.report();
    }

    /**
     * The formula that converts v1 {@code cpu.shares} and v2 {@code cpu.weight}.
     *
     * @return {@link SharesWeightMapping#DEFAULT} unless {@link #withMapping} chose another
     */
    public SharesWeightMapping mapping() {
        return mapping;
    }

    PerControllerDriver driver() {
        return driver;
    }

    /**
     * A group in every mounted controller's hierarchy (and the v2 one), by a user-given path.
     * Only a handle: nothing on disk is read or changed.
     *
     * @param path the group's path, {@code /} for the root group; a leading {@code /} is optional
     * @return the handle, selecting {@link ControllerSelection#all()}
     * @throws InvalidGroupPathException when the path breaks a rule of {@link CgroupPath#of}
     */
    public Cgroup group(String path) {
        return group(CgroupPath.of(path), ControllerSelection.all());
    }

    /**
     * A group in the hierarchies a selection means on this host, by a user-given path.
     * Only a handle: nothing on disk is read or changed.
     *
     * @param path      the group's path, {@code /} for the root group; a leading {@code /} is optional
     * @param selection the controllers whose hierarchies the group is in
     * @return the handle
     * @throws InvalidGroupPathException       when the path breaks a rule of {@link CgroupPath#of}
     * @throws ControllerNotAvailableException when a selected controller or named hierarchy is
     *                                         not mounted here (see {@link #hierarchiesFor})
     */
    public Cgroup group(String path, ControllerSelection selection) {
        return group(CgroupPath.of(path), selection);
    }

    /**
     * A group in the hierarchies a selection means on this host. Only a handle: nothing on
     * disk is read or changed.
     *
     * @param path      the group's validated path
     * @param selection the controllers whose hierarchies the group is in
     * @return the handle
     * @throws ControllerNotAvailableException when a selected controller or named hierarchy is
     *                                         not mounted here (see {@link #hierarchiesFor})
     */
    public Cgroup group(CgroupPath path, ControllerSelection selection) {
        return new Cgroup(this, path, selection, hierarchiesFor(selection), v2ControllersFor(selection));
    }

    /**
     * A sampler over the subtree at {@code root}, {@code depth} levels deep. Nothing is read
     * until its first {@link SubtreeSampler#sample()}.
     *
     * @param root    the subtree's root group ({@link CgroupPath#root()} for everything)
     * @param depth   how many levels below {@code root} to include (0: the root alone)
     * @param metrics the families to read; each costs file reads per group and pass
     * @return a new sampler; it keeps the tree between passes, so reuse it
     */
    public SubtreeSampler sampler(CgroupPath root, int depth, Set<MetricFamily> metrics) {
        return new SubtreeSampler(layout, root, depth, metrics);
    }

    /**
     * The hierarchies a selection means on this host; refuses controllers that are not there.
     * "All" is every v1 hierarchy with a controller (not named-only ones such as systemd's) plus
     * the v2 one; "none" is the v2 hierarchy alone; otherwise the hierarchy of each name, where
     * several controllers mounted together count once.
     *
     * @param selection the controllers (or {@code name=} hierarchies) wanted
     * @return the hierarchies, each once: for "all" the v1 ones in mount order and then the v2
     *         one, otherwise in the selection's order
     * @throws ControllerNotAvailableException when a name is unknown, a controller is disabled or
     *                                         not mounted, a named hierarchy is not mounted, or
     *                                         "none" is asked of a host without cgroup v2
     */
    public List<Hierarchy> hierarchiesFor(ControllerSelection selection) {
        Set<Hierarchy> out = new LinkedHashSet<>();
        switch (selection.kind()) {
            case ALL -> {
                layout.v1Hierarchies().stream().filter(h -> !h.controllers().isEmpty()).forEach(out::add);
                layout.unified().ifPresent(out::add);
            }
            case NONE -> out.add(layout.unified().orElseThrow(() -> new ControllerNotAvailableException(
                    "no controller was selected and this host has no cgroup v2 hierarchy to hold a group without"
                            + " controllers; name the controllers, e.g. -g cpu,memory:path (available: "
                            + layout.describeAvailable() + ")")));
            case SOME -> {
                for (String name : selection.names()) {
                    out.add(hierarchyNamed(name));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private Hierarchy hierarchyNamed(String name) {
        if (name.startsWith("name=")) {
            String n = name.substring(5);
            return layout.namedHierarchy(n).orElseThrow(() -> new ControllerNotAvailableException(
                    "no named hierarchy '" + n + "' is mounted on this host"));
        }
        Controller c = Controller.byName(name).orElseThrow(() -> new ControllerNotAvailableException(
                "unknown controller '" + name + "' (available: " + layout.describeAvailable() + ")"));
        Optional<Hierarchy> h = layout.hierarchyOf(c);
        if (h.isPresent()) {
            return h.get();
        }
        boolean disabled = layout.controllerStatuses().stream().anyMatch(s -> s.name().equals(name) && !s.enabled());
        throw new ControllerNotAvailableException("the " + name + " controller is "
                + (disabled ? "disabled on the kernel command line (cgroup_disable=" + name + ")" : "not mounted on this host")
                + "; available: " + layout.describeAvailable());
    }

    /**
     * v2 controllers to enable in the ancestors' subtree_control: for "all", every controller
     * the v2 root offers. On a usual hybrid host that is none (the v2 mount is only for core
     * files); on one that keeps some controllers on cgroup2 it is those.
     */
    private Set<String> v2ControllersFor(ControllerSelection selection) {
        Set<String> out = new LinkedHashSet<>();
        switch (selection.kind()) {
            case ALL -> layout.unified().ifPresent(h -> h.controllers().forEach(c -> out.add(c.kernelName())));
            case NONE -> {
            }
            case SOME -> {
                for (String name : selection.names()) {
                    Controller.byName(name).filter(c -> layout.hierarchyOf(c).map(h -> h.version() == CgroupVersion.V2).orElse(false))
                            .ifPresent(c -> out.add(c.kernelName()));
                }
            }
        }
        return out;
    }
}
