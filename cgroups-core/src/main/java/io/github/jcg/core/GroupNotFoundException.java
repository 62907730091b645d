package io.github.jcg.core;

/** The group does not exist in a hierarchy it was looked for in. */
public final class GroupNotFoundException extends CgroupException {
    private static final long serialVersionUID = 1L;

    /**
     * A missing group; {@link #errno()} is {@link Errno#ENOENT}.
     *
     * @param group the group's path
     * @param where the hierarchy or directory it was looked for in, as the message should name it
     */
    public GroupNotFoundException(String group, String where) {
        super("cgroup '" + group + "' does not exist in " + where + " (create it first, e.g. jcg create)",
                group, null, null, Errno.ENOENT, null);
    }
}
