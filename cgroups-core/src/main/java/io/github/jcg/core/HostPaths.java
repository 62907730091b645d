package io.github.jcg.core;

import java.nio.file.Path;

/**
 * Where jcg looks for the kernel's files. Production uses {@code /proc} and the real root;
 * tests point both at a fake tree under a temporary directory.
 *
 * @param procRoot the {@code /proc} directory ({@code self/mountinfo}, {@code self/cgroup},
 *                 {@code cgroups} and {@code <pid>/...} are read below it)
 * @param fsRoot   the directory mount points from mountinfo are resolved against: {@code /}
 *                 on a real host, so {@code /sys/fs/cgroup/cpu} stays where it is
 */
public record HostPaths(Path procRoot, Path fsRoot) {
    /**
     * The real host's.
     *
     * @return {@code /proc} and {@code /}
     */
    public static HostPaths system() {
        return new HostPaths(Path.of("/proc"), Path.of("/"));
    }

    /**
     * A fake host laid out as {@code root/proc/...} and {@code root/sys/fs/cgroup/...}.
     *
     * @param root the fake host's root directory
     * @return {@code root/proc} as the {@code /proc} directory and {@code root} as the filesystem root
     */
    public static HostPaths under(Path root) {
        return new HostPaths(root.resolve("proc"), root);
    }

    /**
     * The directory on this host of an absolute mount point from mountinfo.
     *
     * @param mountPoint the mount point as mountinfo gives it, e.g. {@code /sys/fs/cgroup/cpu}
     * @return that path below {@link #fsRoot()}; {@code fsRoot} itself for {@code /}
     */
    public Path resolveMountPoint(String mountPoint) {
        String relative = mountPoint.startsWith("/") ? mountPoint.substring(1) : mountPoint;
        return relative.isEmpty() ? fsRoot : fsRoot.resolve(relative);
    }
}
