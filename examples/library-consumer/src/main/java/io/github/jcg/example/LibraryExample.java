package io.github.jcg.example;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.HierarchyMode;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.sample.Metric;
import io.github.jcg.core.sample.UsageSnapshot;

import java.io.OutputStream;
import java.nio.file.Files;

/**
 * The README's library example as a program. It makes one group, limits it to half a CPU and
 * 100 tasks (and 256 MiB of memory when memory is among its controllers), runs a busy shell in
 * it for two seconds, prints the limits and the usage the kernel reports, and deletes the
 * group, killing the shell, on every way out.
 *
 * <p>Arguments, both optional: the group's path (default {@code jcg-example-<pid>}) and its
 * controllers as cgcreate's {@code -g} names them (default {@code cpu,cpuacct,pids}, or
 * {@code cpu,pids} on a host with cgroup v2 only). It needs root, or a delegated subtree.
 */
public final class LibraryExample {
    private LibraryExample() {
    }

    public static void main(String[] args) throws Exception {
        CgroupHost host = CgroupHost.discover();
        String path = args.length > 0 ? args[0] : "jcg-example-" + ProcessHandle.current().pid();
        // cpuacct is v1's CPU accounting; on cgroup v2 the cpu controller counts CPU time itself
        String controllers = args.length > 1 ? args[1] : host.mode() == HierarchyMode.UNIFIED ? "cpu,pids" : "cpu,cpuacct,pids";
        run(host, path, ControllerSelection.parse(controllers));
    }

    // [readme]
    static void run(CgroupHost host, String path, ControllerSelection controllers) throws Exception {
        Cgroup group = host.group(path, controllers).create();
        System.out.println("created: " + group);      // cgcreate's spelling: cpu,cpuacct,pids:/path
        try {
            Resources.Builder limits = Resources.builder().cpuCores(0.5, 100_000).pidsMax(Limit.of(100));
            if (controllers.includes(Controller.MEMORY)) {
                limits.memoryMax(Limit.of(256L << 20));
            }
            group.apply(limits.build());               // all or nothing, range-checked before any write
            Resources set = group.resources();         // read back, in the same words on v1 and v2
            System.out.println("limits: cpu " + set.cpuQuota().orElseThrow() + " us per "
                    + set.cpuPeriodMicros().orElseThrow() + " us, pids " + set.pidsMax().orElseThrow()
                    + ", memory " + set.memoryMax().map(Limit::toString).orElse("-"));

            // a shell that spins once told to, so that all of its work is done inside the group
            Process busy = new ProcessBuilder("sh", "-c", "read go && while :; do :; done").start();
            group.attach(busy.pid());                  // every thread, in every selected hierarchy
            long start = System.nanoTime();
            OutputStream go = busy.getOutputStream();
            go.write('\n');
            go.flush();
            Thread.sleep(2_000);
            UsageSnapshot used = group.usage();        // CPU, throttling, memory, pids, IO, PSI …
            long wall = System.nanoTime() - start;
            System.out.println("usage: cpu " + used.cpuUsageNanos().orElseThrow() / 1_000_000 + " ms in "
                    + wall / 1_000_000 + " ms, throttled in " + used.throttledPeriods().orElseThrow() + " of "
                    + used.getAsLong(Metric.CPU_PERIODS) + " periods, " + used.getAsLong(Metric.PROCESSES) + " process");
        } finally {
            // kills what still runs in the group (the shell), then removes it from every hierarchy
            group.delete(DeleteOptions.defaults().onPopulated(DeleteOptions.OnPopulated.KILL));
        }
        boolean left = group.hierarchies().stream().anyMatch(h -> Files.isDirectory(group.directory(h)));
        System.out.println("deleted: " + (left ? "no" : "yes"));
    }
    // [readme]
}
