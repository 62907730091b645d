package io.github.jcg.core;

import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * How a group is created: who owns it (delegation) and with which modes, as cgcreate's
 * {@code -a}, {@code -t}, {@code -d}, {@code -f} and {@code -s} say.
 *
 * @param groupOwner owner of the group directory and its control files ({@code -a})
 * @param tasksOwner owner of {@code tasks}, {@code cgroup.procs} and {@code cgroup.threads} ({@code -t})
 * @param dirMode    mode of the group directory ({@code -d})
 * @param fileMode   mode of the control files ({@code -f})
 * @param tasksMode  mode of the task files ({@code -s})
 */
public record CreateOptions(Optional<Ownership> groupOwner, Optional<Ownership> tasksOwner,
                            Optional<Set<PosixFilePermission>> dirMode, Optional<Set<PosixFilePermission>> fileMode,
                            Optional<Set<PosixFilePermission>> tasksMode) {
    public static CreateOptions defaults() {
        return new CreateOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public CreateOptions withGroupOwner(Ownership owner) {
        return new CreateOptions(Optional.of(owner), tasksOwner, dirMode, fileMode, tasksMode);
    }

    public CreateOptions withTasksOwner(Ownership owner) {
        return new CreateOptions(groupOwner, Optional.of(owner), dirMode, fileMode, tasksMode);
    }

    public CreateOptions withModes(Set<PosixFilePermission> dir, Set<PosixFilePermission> file, Set<PosixFilePermission> tasks) {
        return new CreateOptions(groupOwner, tasksOwner, Optional.ofNullable(dir), Optional.ofNullable(file), Optional.ofNullable(tasks));
    }

    boolean changesAnything() {
        return groupOwner.isPresent() || tasksOwner.isPresent() || dirMode.isPresent() || fileMode.isPresent() || tasksMode.isPresent();
    }
}
