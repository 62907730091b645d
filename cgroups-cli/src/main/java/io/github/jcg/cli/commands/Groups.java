package io.github.jcg.cli.commands;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.Hierarchy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

/**
 * Questions about a group's directory the core library does not answer yet: whether it exists
 * in one particular hierarchy, its child groups in the kernel's order (lscgroup prints them in
 * that order; {@link Cgroup#children()} sorts them), and whether a control file is writable.
 * Prototyped here; they belong in the core.
 */
final class Groups {
    private Groups() {
    }

    static boolean existsIn(Cgroup group, Hierarchy hierarchy) {
        return Files.isDirectory(group.directory(hierarchy), LinkOption.NOFOLLOW_LINKS);
    }

    /** Names of the child groups in one hierarchy, as the kernel lists the directory. */
    static List<String> childNames(Cgroup group, Hierarchy hierarchy) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(group.directory(hierarchy))) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(entry.getFileName().toString());
                }
            }
        } catch (IOException e) {
            return names;    // the group went away while we listed it: it has no children now
        }
        return names;
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
