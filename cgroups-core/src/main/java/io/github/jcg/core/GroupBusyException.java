package io.github.jcg.core;

/** A group still has processes or children and the caller did not say what to do with them. */
public final class GroupBusyException extends CgroupException {
    private static final long serialVersionUID = 1L;

    /**
     * A busy group; {@link #errno()} is {@link Errno#EBUSY}.
     *
     * @param message one line naming what keeps the group busy
     * @param group   the group's path
     */
    public GroupBusyException(String message, String group) {
        super(message, group, null, null, Errno.EBUSY, null);
    }
}
