package io.github.jcg.core;

/** The two cgroup filesystems: {@code cgroup} (v1) and {@code cgroup2} (v2). */
public enum CgroupVersion {
    /** cgroup v1: one hierarchy per controller or co-mounted set, filesystem type {@code cgroup}. */
    V1("cgroup"),
    /** cgroup v2: the single unified hierarchy, filesystem type {@code cgroup2}. */
    V2("cgroup2");

    private final String fsType;

    CgroupVersion(String fsType) {
        this.fsType = fsType;
    }

    /**
     * The filesystem type as it appears in mountinfo.
     *
     * @return {@code cgroup} or {@code cgroup2}
     */
    public String fsType() {
        return fsType;
    }
}
