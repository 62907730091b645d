package io.github.jcg.cli.commands;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.Hierarchy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermission;

/**
 * Questions about a group's directory the core library does not answer yet: whether it exists
 * in one particular hierarchy, and whether a control file is writable. Prototyped here; they
 * belong in the core.
 */
final class Groups {
    private Groups() {
    }

    static boolean existsIn(Cgroup group, Hierarchy hierarchy) {
        return Files.isDirectory(group.directory(hierarchy), LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether the kernel lets the file's owner write it (read-only files are statistics). */
    static boolean isWritable(Cgroup group, Hierarchy hierarchy, String file) {
        return ownerMay(group, hierarchy, file, PosixFilePermission.OWNER_WRITE);
    }

    /** Whether the kernel lets the file's owner read it (write-only files are triggers). */
    static boolean isReadable(Cgroup group, Hierarchy hierarchy, String file) {
        return ownerMay(group, hierarchy, file, PosixFilePermission.OWNER_READ);
    }

    private static boolean ownerMay(Cgroup group, Hierarchy hierarchy, String file, PosixFilePermission permission) {
        try {
            return Files.getPosixFilePermissions(group.directory(hierarchy).resolve(file), LinkOption.NOFOLLOW_LINKS)
                    .contains(permission);
        } catch (IOException e) {
            return false;
        }
    }
}
