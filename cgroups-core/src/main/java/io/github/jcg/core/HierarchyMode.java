package io.github.jcg.core;

/** How a host arranges its cgroup hierarchies. */
public enum HierarchyMode {
    /** Only v1 hierarchies, one per controller or co-mounted set. */
    LEGACY("Legacy Mode (Cgroup v1 only)."),
    /** v1 controller hierarchies plus a v2 mount (usually without controllers). */
    HYBRID("Hybrid mode (Cgroup v1/v2)."),
    /** One v2 hierarchy holding every controller. */
    UNIFIED("Unified Mode (Cgroup v2 only).");

    private final String libcgroupModeLine;

    HierarchyMode(String libcgroupModeLine) {
        this.libcgroupModeLine = libcgroupModeLine;
    }

    /**
     * The line {@code cgget -m} prints for this mode, byte for byte.
     *
     * @return the line without its newline, e.g. "Unified Mode (Cgroup v2 only)."
     */
    public String libcgroupModeLine() {
        return libcgroupModeLine;
    }
}
