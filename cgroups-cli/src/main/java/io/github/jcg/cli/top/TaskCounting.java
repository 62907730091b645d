package io.github.jcg.cli.top;

/**
 * What the Tasks column counts, as systemd-cgtop's default, {@code -P} and {@code -k}.
 */
public enum TaskCounting {
    /** {@code pids.current} of the pids controller: threads, as the kernel counts them. */
    TASKS("Tasks", "tasks"),
    /**
     * {@code -P}: processes listed in {@code cgroup.procs}. systemd-cgtop leaves kernel threads
     * out; jcg cannot tell them apart yet (they live in the root group, and a container sees none).
     */
    USERSPACE_PROCESSES("Procs", "userspace processes (excl. kernel)"),
    /** {@code -k}: processes listed in {@code cgroup.procs}, kernel threads included. */
    ALL_PROCESSES("Proc+", "all processes (incl. kernel)");

    private final String header;
    private final String description;

    TaskCounting(String header, String description) {
        this.header = header;
        this.description = description;
    }

    /** The column header systemd-cgtop uses for this mode. */
    public String header() {
        return header;
    }

    public String description() {
        return description;
    }

    public boolean countsProcesses() {
        return this != TASKS;
    }
}
