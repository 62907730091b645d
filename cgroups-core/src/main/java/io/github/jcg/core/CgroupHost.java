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

    /** Discovers the real host ({@code /proc}, {@code /sys/fs/cgroup}). */
    public static CgroupHost discover() {
        return discover(HostPaths.system());
    }

    /** Discovers a host whose {@code /proc} and filesystem root are elsewhere (tests, chroots). */
    public static CgroupHost discover(HostPaths paths) {
        return new CgroupHost(new HostDiscovery(paths).discover(), SharesWeightMapping.DEFAULT);
    }

    /** The same host, converting shares and weight with another formula. */
    public CgroupHost withMapping(SharesWeightMapping mapping) {
        return new CgroupHost(layout, mapping);
    }

    public HostLayout layout() {
        return layout;
    }

    public HostPaths paths() {
        return layout.paths();
    }

    public HierarchyMode mode() {
        return layout.mode();
    }

    public HostReport report() {
        return layout.report();
    }

    public SharesWeightMapping mapping() {
        return mapping;
    }

    PerControllerDriver driver() {
        return driver;
    }

    /** A group in every mounted controller's hierarchy (and the v2 one), by a user-given path. */
    public Cgroup group(String path) {
        return group(CgroupPath.of(path), ControllerSelection.all());
    }

    public Cgroup group(String path, ControllerSelection selection) {
        return group(CgroupPath.of(path), selection);
    }

    public Cgroup group(CgroupPath path, ControllerSelection selection) {
        return new Cgroup(this, path, selection, hierarchiesFor(selection), v2ControllersFor(selection));
    }

    /** A sampler over the subtree at {@code root}, {@code depth} levels deep. */
    public SubtreeSampler sampler(CgroupPath root, int depth, Set<MetricFamily> metrics) {
        return new SubtreeSampler(layout, root, depth, metrics);
    }

    /** The hierarchies a selection means on this host; refuses controllers that are not there. */
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
