package io.github.jcg.core;

import io.github.jcg.core.fs.ControlFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One group in one hierarchy: the directory a {@link CgroupPath} names under a mount, and the
 * checked reads and writes of its control files. Every file name is validated and every
 * directory is confirmed to lie under its mount before it is written.
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
        return Files.exists(dir.resolve(checkedName(file)));
    }

    String read(String file) {
        Path p = dir.resolve(checkedName(file));
        requireGroup();
        try {
            return ControlFiles.read(p);
        } catch (IOException e) {
            throw KernelErrors.readFailed(this, file, e);
        }
    }

    /** The file's text, or empty when the file is not there. Other failures still throw. */
    Optional<String> readIfPresent(String file) {
        Path p = dir.resolve(checkedName(file));
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ControlFiles.read(p));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw KernelErrors.readFailed(this, file, e);
        }
    }

    void write(String file, String value) {
        Path p = dir.resolve(checkedName(file));
        requireGroup();
        checkConfined();
        if (Files.isSymbolicLink(p)) {
            throw new InvalidGroupPathException(path.toString(), "its control file " + file
                    + " is a symbolic link; refusing to follow it out of the hierarchy");
        }
        try {
            ControlFiles.write(p, value);
        } catch (IOException e) {
            throw KernelErrors.writeRefused(this, file, value, e);
        }
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

    /** Names of the child groups, as the kernel lists them. */
    List<String> childNames() {
        List<String> names = new ArrayList<>();
        try (var entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (ControlFiles.isDirectory(entry)) {
                    names.add(entry.getFileName().toString());
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return names;
        } catch (IOException e) {
            throw KernelErrors.directoryRefused(this, "list", e);
        }
        names.sort(String::compareTo);
        return names;
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
     * The group directory must resolve to a place under the mount: a symbolic link planted in
     * the tree (impossible on cgroupfs, possible on a bind-mounted or fake tree) must not
     * redirect a write elsewhere.
     */
    void checkConfined() {
        try {
            Path real = dir.toRealPath();
            Path mountReal = hierarchy.mountPoint().toRealPath();
            if (!real.startsWith(mountReal)) {
                throw new InvalidGroupPathException(path.toString(),
                        "resolves to " + real + ", outside the hierarchy mounted at " + mountReal + " (a symbolic link?)");
            }
        } catch (IOException e) {
            throw KernelErrors.directoryRefused(this, "resolve", e);
        }
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
