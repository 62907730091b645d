package io.github.jcg.core.internal.fs;

import java.util.List;

/**
 * One line of {@code /proc/<pid>/mountinfo}.
 *
 * @param mountId      unique id of the mount
 * @param parentId     id of the parent mount
 * @param device       {@code major:minor} of the filesystem; one cgroup hierarchy has one device
 * @param root         the directory inside the filesystem that is mounted here ("/" unless a
 *                     bind mount or a cgroup namespace shows only part of the hierarchy)
 * @param mountPoint   where it is mounted, with octal escapes decoded
 * @param mountOptions per-mount options
 * @param fsType       filesystem type, e.g. {@code cgroup} or {@code cgroup2}
 * @param source       mount source
 * @param superOptions per-superblock options; for v1 cgroup mounts these name the controllers
 */
public record MountInfoEntry(
        int mountId,
        int parentId,
        String device,
        String root,
        String mountPoint,
        List<String> mountOptions,
        String fsType,
        String source,
        List<String> superOptions) {

    public MountInfoEntry {
        mountOptions = List.copyOf(mountOptions);
        superOptions = List.copyOf(superOptions);
    }
}
