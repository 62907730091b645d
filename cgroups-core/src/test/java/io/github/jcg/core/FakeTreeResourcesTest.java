package io.github.jcg.core;

import io.github.jcg.core.limit.Limit;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.github.jcg.core.fake.FakeHosts.discover;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading a group's limits back on hosts that lack some controllers. */
class FakeTreeResourcesTest {
    private static final String CG = "/sys/fs/cgroup";

    @TempDir
    Path tmp;

    @Test
    void aHostWithoutMemoryAndIoStillReadsBackItsCpuAndPidsLimits() {
        FakeHost fake = FakeHost.unified(tmp, "cpu pids")
                .file(CG + "/web/cgroup.procs", "")
                .file(CG + "/web/cpu.max", "50000 100000\n")
                .file(CG + "/web/pids.max", "64\n");
        Cgroup web = discover(fake).group("web");

        var limits = web.resources();

        assertThat(limits.cpuQuota()).contains(Limit.of(50_000));
        assertThat(limits.cpuPeriodMicros()).hasValue(100_000);
        assertThat(limits.pidsMax()).contains(Limit.of(64));
        assertThat(limits.memoryMax()).as("no memory controller here: not a limit, not an error").isEmpty();
        assertThat(limits.io()).isEmpty();
    }

    @Test
    void aV1HostWithOnlyCpuReadsBackTheQuota() {
        FakeHost fake = FakeHost.at(tmp)
                .v1(CG + "/cpu,cpuacct", "rw,cpu,cpuacct")
                .controllers(FakeHost.PROC_CGROUPS_HEADER + "cpu\t2\t1\t1\ncpuacct\t2\t1\t1\n")
                .file(CG + "/cpu,cpuacct/web/tasks", "")
                .file(CG + "/cpu,cpuacct/web/cgroup.procs", "")
                .file(CG + "/cpu,cpuacct/web/cpu.cfs_quota_us", "20000\n")
                .file(CG + "/cpu,cpuacct/web/cpu.cfs_period_us", "100000\n");
        Cgroup web = discover(fake).group("web");

        assertThat(web.resources().cpuQuota()).contains(Limit.of(20_000));
        assertThat(web.resources().pidsMax()).isEmpty();
    }
}
