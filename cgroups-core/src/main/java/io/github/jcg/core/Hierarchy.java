package io.github.jcg.core;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One mounted cgroup hierarchy as this process sees it.
 *
 * @param id                 hierarchy id: 0 for v2, the v1 id from {@code /proc/self/cgroup}
 *                           (or {@code /proc/cgroups}) otherwise
 * @param version            v1 or v2
 * @param mountPoint         the directory on this host (after {@link HostPaths} re-rooting)
 * @param mountedAt          the mount point exactly as mountinfo gives it (decoded)
 * @param mountRoot          the part of the hierarchy that is mounted there; "/" unless a bind
 *                           mount or cgroup namespace exposes only a subtree
 * @param controllers        controllers bound to it (v1), or offered by its root (v2); kept in
 *                           the kernel's order, whatever order they are given in
 * @param name               the {@code name=} of a named v1 hierarchy such as systemd's
 * @param ownGroup           this process's group, as {@code /proc/self/cgroup} prints it
 * @param ownGroupOnMount    the same group relative to {@link #mountPoint()}; empty when it lies
 *                           outside the mounted subtree (it cannot be reached through this mount)
 * @param otherMountPoints   further mounts of the same hierarchy, which jcg does not use
 */
public record Hierarchy(
        int id,
        CgroupVersion version,
        Path mountPoint,
        String mountedAt,
        String mountRoot,
        Set<Controller> controllers,
        Optional<String> name,
        Optional<String> ownGroup,
        Optional<CgroupPath> ownGroupOnMount,
        List<String> otherMountPoints) {

    /**
     * Puts {@code controllers} in the kernel's order and copies both collections, unmodifiable.
     *
     * @param id               hierarchy id (0 for v2)
     * @param version          v1 or v2
     * @param mountPoint       the directory on this host
     * @param mountedAt        the mount point as mountinfo gives it
     * @param mountRoot        the part of the hierarchy mounted there
     * @param controllers      the controllers, in any order
     * @param name             the {@code name=} of a named v1 hierarchy
     * @param ownGroup         this process's group, as {@code /proc/self/cgroup} prints it
     * @param ownGroupOnMount  the same group relative to the mount point
     * @param otherMountPoints further mounts of the same hierarchy
     */
    public Hierarchy {
        controllers = inKernelOrder(controllers);
        otherMountPoints = List.copyOf(otherMountPoints);
    }

    /**
     * The kernel's subsystem order (include/linux/cgroup_subsys.h; io is v1's blkio). The kernel
     * lists controllers in it, in {@code cgroup.controllers} and in v1 mount options alike, and
     * libcgroup names a hierarchy and walks its controllers in that order:
     * {@code cpuset,cpu,io,memory,hugetlb,pids,rdma,misc} on v2, not this enum's order.
     */
    private static final Controller[] KERNEL_ORDER = {Controller.CPUSET, Controller.CPU, Controller.CPUACCT, Controller.IO,
        Controller.BLKIO, Controller.MEMORY, Controller.DEVICES, Controller.FREEZER, Controller.NET_CLS, Controller.PERF_EVENT,
        Controller.NET_PRIO, Controller.HUGETLB, Controller.PIDS, Controller.RDMA, Controller.MISC};

    private static Set<Controller> inKernelOrder(Set<Controller> given) {
        if (given.isEmpty()) {
            return Collections.unmodifiableSet(EnumSet.noneOf(Controller.class));
        }
        Set<Controller> ordered = new LinkedHashSet<>();
        for (Controller c : KERNEL_ORDER) {
            if (given.contains(c)) {
                ordered.add(c);
            }
        }
        for (Controller c : Controller.values()) {
            if (given.contains(c)) {
                ordered.add(c);
            }
        }
        return Collections.unmodifiableSet(ordered);
    }

    /**
     * Whether this hierarchy controls a controller.
     *
     * @param controller the controller
     * @return true when it is in {@link #controllers()}: bound to this v1 hierarchy, or offered by the v2 root
     */
    public boolean has(Controller controller) {
        return controllers.contains(controller);
    }

    /**
     * The label libcgroup uses for this hierarchy: the controllers joined by commas in the
     * kernel's order ({@code cpu,cpuacct}; {@code cpuset,cpu,io,memory,…} on v2),
     * {@code name=systemd} for a named one, {@code cgroup2} for an empty v2 mount.
     *
     * @return the label; {@code none} for a v1 hierarchy with neither controllers nor a name
     */
    public String label() {
        if (version == CgroupVersion.V1 && name.isPresent() && controllers.isEmpty()) {
            return "name=" + name.get();
        }
        if (controllers.isEmpty()) {
            return version == CgroupVersion.V2 ? "cgroup2" : "none";
        }
        return controllers.stream().map(Controller::kernelName).collect(Collectors.joining(","));
    }

    /**
     * Translates a path from {@code /proc/<pid>/cgroup} (relative to the hierarchy root as the
     * namespace sees it) to a path under this mount, or empty when the mount does not reach it.
     *
     * @param procPath the path as the kernel prints it; a trailing {@code " (deleted)"} is ignored
     * @return the path relative to {@link #mountPoint()}; empty when it lies outside
     *         {@link #mountRoot()} or is not a valid path
     */
    public Optional<CgroupPath> translate(String procPath) {
        return translate(mountRoot, procPath);
    }

    static Optional<CgroupPath> translate(String mountRoot, String procPath) {
        String path = procPath.endsWith(" (deleted)") ? procPath.substring(0, procPath.length() - 10) : procPath;
        String relative;
        if (mountRoot.equals("/")) {
            relative = path;
        } else if (path.equals(mountRoot)) {
            relative = "/";
        } else if (path.startsWith(mountRoot + "/")) {
            relative = path.substring(mountRoot.length());
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(CgroupPath.ofKernel(relative));
        } catch (InvalidGroupPathException e) {
            return Optional.empty();
        }
    }

    /**
     * Written out rather than left to the record: the generated one is bootstrapped through
     * invokedynamic on first use, which spins classes at run time on every command's start.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Hierarchy h && h.id == id && h.version == version && h.mountPoint.equals(mountPoint)
                && h.mountedAt.equals(mountedAt) && h.mountRoot.equals(mountRoot) && h.controllers.equals(controllers)
                && h.name.equals(name) && h.ownGroup.equals(ownGroup) && h.ownGroupOnMount.equals(ownGroupOnMount)
                && h.otherMountPoints.equals(otherMountPoints);
    }

    @Override
    public int hashCode() {
        return (mountPoint.hashCode() * 31 + id) * 31 + version.hashCode();
    }

    @Override
    public String toString() {
        return label() + " (" + version + ") at " + mountedAt;
    }
}
