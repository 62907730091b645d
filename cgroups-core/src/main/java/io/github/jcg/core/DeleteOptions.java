package io.github.jcg.core;

/**
 * How a group is deleted.
 *
 * @param recursive     also delete child groups, deepest first ({@code cgdelete -r})
 * @param onPopulated   what to do with processes still in the group or its children
 * @param ignoreMissing succeed quietly when the group does not exist
 */
public record DeleteOptions(boolean recursive, OnPopulated onPopulated, boolean ignoreMissing) {
    /** What to do with processes found in a group being deleted. */
    public enum OnPopulated {
        /** Refuse with a message naming the processes (the default: nothing is lost silently). */
        REFUSE,
        /** Move them into the deleted group's parent, as libcgroup's cgdelete does. */
        MOVE_TO_PARENT,
        /** Kill them: {@code cgroup.kill} on v2, freeze → SIGKILL → thaw on v1. */
        KILL
    }

    /**
     * The careful default: one group without children, refused while it holds processes
     * (cgdelete would move them to the parent).
     *
     * @return not recursive, {@link OnPopulated#REFUSE}, and a missing group is an error
     */
    public static DeleteOptions defaults() {
        return new DeleteOptions(false, OnPopulated.REFUSE, false);
    }

    /**
     * Also deletes child groups, deepest first ({@code cgdelete -r}).
     *
     * @return a copy with {@link #recursive()} set
     */
    public DeleteOptions recursively() {
        return new DeleteOptions(true, onPopulated, ignoreMissing);
    }

    /**
     * What to do with processes still in the group or its children.
     *
     * @param policy refuse, move them to the parent, or kill them
     * @return a copy with the policy replaced
     */
    public DeleteOptions onPopulated(OnPopulated policy) {
        return new DeleteOptions(recursive, policy, ignoreMissing);
    }

    /**
     * Succeeds quietly when the group does not exist.
     *
     * @return a copy with {@link #ignoreMissing()} set
     */
    public DeleteOptions ignoringMissing() {
        return new DeleteOptions(recursive, onPopulated, true);
    }
}
