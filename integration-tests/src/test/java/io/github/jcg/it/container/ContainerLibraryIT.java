package io.github.jcg.it.container;

import io.github.jcg.it.support.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core library inside a container (private cgroup namespace), driven by
 * {@link io.github.jcg.it.probe.CoreProbe} from the jar's classes: it creates a group in the
 * container's subtree, writes a CPU limit that really throttles what {@code jcg exec} starts
 * there, samples the group's usage as the kernel counts it, and deletes the group with the
 * workload still running. This is what jcg create/set/delete will do; it runs today.
 */
@Tag("container")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ContainerLibraryIT {
    private static JcgContainer container;

    @BeforeAll
    static void start() {
        container = new JcgContainer(JcgContainer.CgroupNs.PRIVATE, false);
        container.start();
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Test
    void createLimitSampleAndDeleteAThrottledGroup() {
        container.probe("create", "cpu,cpuacct,pids", "/lib").requireOk();
        assertThat(container.sh("test -d /sys/fs/cgroup/cpu/lib && test -d /sys/fs/cgroup/cpuacct/lib"
                + " && test -d /sys/fs/cgroup/pids/lib && test ! -e /sys/fs/cgroup/memory/lib").exit()).isZero();

        container.probe("cpu-max", "cpu", "/lib", "20000", "100000").requireOk();
        assertThat(container.exec("cat", "/sys/fs/cgroup/cpu/lib/cpu.cfs_quota_us", "/sys/fs/cgroup/cpu/lib/cpu.cfs_period_us")
                .requireOk().out()).isEqualTo("20000\n100000\n");

        Result loop = container.sh(CpuShare.AWAIT + """
                jcg exec -g cpu,cpuacct,pids:/lib -- sh -c 'while :; do :; done' >/tmp/exec.log 2>&1 &
                pid=$!
                await_comm $pid sh || { wait $pid; echo "jcg exec ended with status $?" >&2; cat /tmp/exec.log >&2; exit 3; }
                echo $pid
                """).requireOk();
        String pid = loop.out().strip();

        Map<String, Long> before = values(container.probe("usage", "cpu,cpuacct", "/lib").requireOk());
        long t0 = System.nanoTime();
        sleep(3000);
        Map<String, Long> after = values(container.probe("usage", "cpu,cpuacct", "/lib").requireOk());
        double share = (double) (after.get("cpuUsageNanos") - before.get("cpuUsageNanos")) / (System.nanoTime() - t0);
        long throttled = after.get("throttledPeriods") - before.get("throttledPeriods");
        System.out.println("jcg-it: library-limited loop: share " + share + ", throttled periods " + throttled);
        // wall time here includes two JVM starts around the window: the share is a little low, never high
        assertThat(share).isBetween(0.10, 0.25);
        assertThat(throttled).isGreaterThanOrEqualTo(15);

        container.probe("delete", "cpu,cpuacct,pids", "/lib").requireOk();
        assertThat(container.sh("test -e /sys/fs/cgroup/cpu/lib || test -e /sys/fs/cgroup/pids/lib").exit()).isNotZero();
        assertThat(container.exec("kill", "-0", pid).exit()).as("the loop outlived its group").isNotZero();
    }

    private static Map<String, Long> values(Result r) {
        Map<String, Long> v = new HashMap<>();
        for (String line : r.lines()) {
            String[] kv = line.split("=", 2);
            v.put(kv[0], Long.parseLong(kv[1]));
        }
        return v;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
