package io.github.jcg.core;

import io.github.jcg.core.internal.fs.ConfinedDirectory.LinkRefusedException;
import io.github.jcg.core.internal.fs.ConfinedDirectory;
import io.github.jcg.core.internal.fs.ControlFiles;
import io.github.jcg.core.internal.fs.GroupTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One group in one hierarchy: the directory a {@link CgroupPath} names under a mount, and the
 * checked reads and writes of its control files. Every file name is validated, and every
 * write is opened beneath the mount with no symbolic link on the way ({@link ConfinedDirectory}).
 */
final class Placement {
    private final Hierarchy hierarchy;
    private final CgroupPath path;
    private final Path dir;

    Placement(Hierarchy hierarchy, CgroupPath path) {
        this.hierarchy = hierarchy;
        this.path = path;
        this.dir = path.isRoot() ? hierarchy.mountPoint() : hierarchy.mountPoint().resolve(path.relative());
    }

    Hierarchy hierarchy() {
        return hierarchy;
    }

    CgroupPath path() {
        return path;
    }

    Path dir() {
        return dir;
    }

    boolean isV2() {
        return hierarchy.version() == CgroupVersion.V2;
    }

    Placement at(CgroupPath other) {
        return new Placement(hierarchy, other);
    }

    boolean exists() {
        return ControlFiles.isDirectory(dir);
    }

    boolean hasFile(String file) {
        return Files.exists(dir.resolve(checkedName(file)), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Reads open the file by path with {@code O_NOFOLLOW}: a link as the file is refused, the
     * directories above are not confined as writes are (a read cannot change a setting, and
     * {@code jcg get} stays one open per file).
     */
    String read(String file) {
        Path p = dir.resolve(checkedName(file));
        requireGroup();
        try {
            return ControlFiles.read(p);
        } catch (LinkRefusedException e) {
            throw linkRefused(file, e);
        } catch (IOException e) {
            throw KernelErrors.readFailed(this, file, e);
        }
    }

    /** The file's text, or empty when the file is not there. Other failures still throw. */
    Optional<String> readIfPresent(String file) {
        Path p = dir.resolve(checkedName(file));
        try {
            return Optional.of(ControlFiles.read(p));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (LinkRefusedException e) {
            throw linkRefused(file, e);
        } catch (IOException e) {
            throw KernelErrors.readFailed(this, file, e);
        }
    }

    /**
     * Writes a control file through {@link ConfinedDirectory}: the group directory is opened
     * from the mount one name at a time and the file relative to it, none of them through a
     * symbolic link, so a path changed after any check cannot send the write elsewhere.
     */
    void write(String file, String value) {
        checkedName(file);
        requireGroup();
        try (ConfinedDirectory group = confined()) {
            group.write(file, value);
        } catch (LinkRefusedException e) {
            throw linkRefused(file, e);
        } catch (IOException e) {
            throw KernelErrors.writeRefused(this, file, value, e);
        }
    }

    /** Removes this group's directory (rmdir) relative to its confined parent; not there is not an error. */
    void removeDirectory() throws IOException {
        if (path.isRoot()) {
            throw new IllegalStateException("the root group cannot be removed");
        }
        try (ConfinedDirectory parent = ConfinedDirectory.open(hierarchy.mountPoint(), path.parent().segments())) {
            parent.removeDirectory(path.name());
        } catch (LinkRefusedException e) {
            throw linkRefused(null, e);
        }
    }

    private ConfinedDirectory confined() throws IOException {
        return ConfinedDirectory.open(hierarchy.mountPoint(), path.segments());
    }

    /** Ids from {@code cgroup.procs}, {@code cgroup.threads} or {@code tasks}. */
    List<Long> readIds(String file) {
        List<Long> ids = new ArrayList<>();
        for (String line : read(file).split("\n")) {
            if (!line.isBlank()) {
                ids.add(Long.parseLong(line.strip()));
            }
        }
        return ids;
    }

    /** Names of the child groups, sorted; none when the group is gone. */
    List<String> childNames() {
        try {
            return GroupTree.groups(dir, GroupTree.Listing.NAME_ORDER);
        } catch (IOException e) {
            throw KernelErrors.directoryRefused(this, "list", e);
        }
    }

    void requireGroup() {
        if (!exists()) {
            throw new GroupNotFoundException(path.toString(), describeHierarchy());
        }
    }

    String describeHierarchy() {
        return "the " + hierarchy.label() + " hierarchy (" + hierarchy.mountedAt() + ")";
    }

    /**
     * The group directory must be reachable from the mount through directories alone: a
     * symbolic link planted in the tree (impossible on cgroupfs, possible on a bind-mounted or
     * fake tree) is refused, wherever it points. Writes check again as they open
     * ({@link #write}); this is for the steps that act on the directory itself.
     */
    void checkConfined() {
        try {
            confined().close();
        } catch (LinkRefusedException e) {
            throw linkRefused(null, e);
        } catch (IOException e) {
            throw KernelErrors.directoryRefused(this, "resolve", e);
        }
    }

    private InvalidGroupPathException linkRefused(String file, LinkRefusedException e) {
        String why = e.getFile() + " is a symbolic link; refusing to follow it outside the hierarchy mounted at "
                + hierarchy.mountedAt();
        return file == null ? new InvalidGroupPathException(path.toString(), why)
                : new InvalidGroupPathException(path.toString(), why, file);
    }

    private static String checkedName(String file) {
        if (!ControlFiles.isPlainName(file)) {
            throw new InvalidValueException("invalid control file name " + Printable.quoted(file)
                    + ": give a single file name such as cpu.max, without '/' or '..'");
        }
        return file;
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
