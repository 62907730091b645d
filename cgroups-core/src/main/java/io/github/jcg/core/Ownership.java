package io.github.jcg.core;

/** A numeric owner for delegated cgroup files, as {@code cgcreate -a uid:gid} / {@code -t uid:gid} give it. */
public record Ownership(int uid, int gid) {
    public Ownership {
        if (uid < 0 || gid < 0) {
            throw new InvalidValueException("owner", uid + ":" + gid, "must be a non-negative uid:gid");
        }
    }
}
