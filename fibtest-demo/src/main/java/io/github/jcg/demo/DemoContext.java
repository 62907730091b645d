package io.github.jcg.demo;

import java.util.List;

/**
 * Where and how the demo ran, for the report's header and JSON.
 *
 * @param group       the group's path ({@code /fibtest})
 * @param controllers the controllers it was made in ({@code cpu,cpuacct}, or {@code cpu} on v2)
 * @param hostMode    legacy, hybrid or unified
 * @param cgroupVersion the version of the cpu controller's hierarchy ({@code v1} or {@code v2})
 * @param directories the group's directories
 * @param threads     fast threads in the workload
 * @param cpus        CPUs on the machine
 * @param weight      the group's CPU weight (v2 scale), 0 when left at the kernel's default
 * @param workloadPid the workload's process id
 */
public record DemoContext(String group, String controllers, String hostMode, String cgroupVersion,
                          List<String> directories, int threads, int cpus, long weight, long workloadPid) {
    public DemoContext {
        directories = List.copyOf(directories);
    }

    /** CPUs the workload asks for unlimited: one per fast thread, at most the machine's. */
    public double demandCores() {
        return Math.min(threads, cpus);
    }
}
