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
    /**
     * What cgcreate does without options: the creator owns everything, with the modes the
     * kernel gives.
     *
     * @return options that change no owner and no mode
     */
    public static CreateOptions defaults() {
        return new CreateOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Delegates the group: its directory and control files get this owner ({@code -a}). The
     * task files get it too unless {@link #withTasksOwner} names another. Only the group
     * itself is changed, not ancestors created on the way.
     *
     * @param owner the owner, not null
     * @return a copy with the owner set
     */
    public CreateOptions withGroupOwner(Ownership owner) {
        return new CreateOptions(Optional.of(owner), tasksOwner, dirMode, fileMode, tasksMode);
    }

    /**
     * Who may move processes into the group: {@code tasks}, {@code cgroup.procs} and
     * {@code cgroup.threads} get this owner ({@code -t}).
     *
     * @param owner the owner, not null
     * @return a copy with the owner set
     */
    public CreateOptions withTasksOwner(Ownership owner) {
        return new CreateOptions(groupOwner, Optional.of(owner), dirMode, fileMode, tasksMode);
    }

    /**
     * Modes for the group's directory, its control files and its task files ({@code -d},
     * {@code -f}, {@code -s}); a null one leaves that mode as the kernel made it.
     *
     * @param dir   the directory's mode, or null
     * @param file  the control files' mode, or null
     * @param tasks the mode of {@code tasks}, {@code cgroup.procs} and {@code cgroup.threads}, or null
     * @return a copy with the three modes replaced
     */
    public CreateOptions withModes(Set<PosixFilePermission> dir, Set<PosixFilePermission> file, Set<PosixFilePermission> tasks) {
        return new CreateOptions(groupOwner, tasksOwner, Optional.ofNullable(dir), Optional.ofNullable(file), Optional.ofNullable(tasks));
    }

    boolean changesAnything() {
        return groupOwner.isPresent() || tasksOwner.isPresent() || dirMode.isPresent() || fileMode.isPresent() || tasksMode.isPresent();
    }
}
