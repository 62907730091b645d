package io.github.jcg.core;

/**
 * A numeric owner for delegated cgroup files, as {@code cgcreate -a uid:gid} / {@code -t uid:gid} give it.
 *
 * @param uid the owning user id (0 or more)
 * @param gid the owning group id (0 or more)
 */
public record Ownership(int uid, int gid) {
    /**
     * Checks the ids; no user or group is looked up.
     *
     * @param uid the owning user id
     * @param gid the owning group id
     * @throws InvalidValueException when {@code uid} or {@code gid} is negative
     */
    public Ownership {
        if (uid < 0 || gid < 0) {
            throw new InvalidValueException("owner", uid + ":" + gid, "must be a non-negative uid:gid");
        }
    }
}
