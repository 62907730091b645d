package io.github.jcg.it.container;

import io.github.jcg.it.support.ProcCgroup;
import io.github.jcg.it.support.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CPU limit inside the container's subtree really limits what jcg exec starts: a busy loop
 * in a group with {@code cpu.cfs_quota_us=20000} (period 100000) gets about a fifth of a CPU
 * and is throttled in most periods. The limit is written with plain file writes here; the
 * same check through {@code jcg set} is in {@link ContainerCommandsIT}.
 */
@Tag("container")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ContainerQuotaIT {
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
    void aBusyLoopStartedByJcgExecUnderA20PercentQuotaGetsAFifthOfACpu() {
        Result r = container.sh(CpuShare.SAMPLE + CpuShare.AWAIT + """
                mkdir /sys/fs/cgroup/cpu/q /sys/fs/cgroup/cpuacct/q
                echo 100000 > /sys/fs/cgroup/cpu/q/cpu.cfs_period_us
                echo 20000 > /sys/fs/cgroup/cpu/q/cpu.cfs_quota_us
                jcg exec -g cpu,cpuacct:/q -- sh -c 'while :; do :; done' >/tmp/exec.log 2>&1 &
                pid=$!
                # measure the loop, not jcg's start-up: wait until jcg has become the shell
                await_comm $pid sh || { wait $pid; echo "jcg exec ended with status $?" >&2; cat /tmp/exec.log >&2; exit 3; }
                sleep 0.5
                sample /q 3
                cat /proc/$pid/cgroup
                kill $pid
                """).requireOk();

        CpuShare used = CpuShare.parse(r);
        System.out.println("jcg-it: busy loop under quota 20000/100000: " + used);
        assertThat(ProcCgroup.pathOf(ProcCgroup.parse(r.out().lines().filter(l -> l.matches("\\d+:.*:.*"))
                .reduce("", (a, b) -> a + b + "\n")), "cpu")).hasValue("/q");
        // at most the quota, plus the ~1 ms per CPU per period a group may overrun since Linux 5.4
        assertThat(used.share()).isBetween(0.12, 0.25);
        assertThat(used.periods()).isGreaterThanOrEqualTo(20);
        assertThat(used.throttled()).as("throttled periods of %s", used.periods()).isGreaterThanOrEqualTo(used.periods() / 2);
    }
}
