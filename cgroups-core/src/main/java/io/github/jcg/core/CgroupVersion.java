package io.github.jcg.core;

/** The two cgroup filesystems: {@code cgroup} (v1) and {@code cgroup2} (v2). */
public enum CgroupVersion {
    V1("cgroup"),
    V2("cgroup2");

    private final String fsType;

    CgroupVersion(String fsType) {
        this.fsType = fsType;
    }

    /** The filesystem type as it appears in mountinfo. */
    public String fsType() {
        return fsType;
    }
}
