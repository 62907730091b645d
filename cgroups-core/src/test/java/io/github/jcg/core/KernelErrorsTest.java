package io.github.jcg.core;

import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static io.github.jcg.core.fake.FakeHosts.discover;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words jcg puts to the kernel's refusals on v2, for the errno values a real 6.1 kernel
 * answered with in the VM lane (threaded groups, cpusets with tasks).
 */
class KernelErrorsTest {
    @TempDir
    Path tmp;

    private Placement v2Group() {
        Hierarchy unified = discover(FakeHost.unified(tmp, "cpu cpuset pids")).layout().unified().orElseThrow();
        return new Placement(unified, CgroupPath.of("app"));
    }

    private static IOException kernelSays(String strerror) {
        return new IOException(strerror);
    }

    @Test
    void aThreadMovedAloneOutOfItsThreadedSubtreeIsExplained() {
        KernelRefusedException e = KernelErrors.writeRefused(v2Group(), "cgroup.threads", "42",
                kernelSays("Operation not supported"));

        assertThat(e.errno()).contains(Errno.EOPNOTSUPP);
        assertThat(e.getMessage()).contains("one threaded subtree", "through cgroup.procs").doesNotContain("the group is threaded");
    }

    @Test
    void aProcessRefusedByADomainInvalidGroupIsExplained() {
        KernelRefusedException e = KernelErrors.writeRefused(v2Group(), "cgroup.procs", "42",
                kernelSays("Operation not supported"));

        assertThat(e.getMessage()).contains("'domain invalid'", "make it threaded");
    }

    @Test
    void aDomainControllerRefusedInAThreadedSubtreeIsExplained() {
        KernelRefusedException e = KernelErrors.writeRefused(v2Group(), "cgroup.subtree_control", "+memory",
                kernelSays("Operation not supported"));

        assertThat(e.getMessage()).contains("only threaded controllers");
    }

    @Test
    void readingTheProcessesOfAThreadedGroupIsExplained() {
        CgroupException e = KernelErrors.readFailed(v2Group(), "cgroup.procs", kernelSays("Operation not supported"));

        assertThat(e.getMessage()).contains("the group is threaded", "cgroup.threads").doesNotContain("write-only");
    }

    @Test
    void aWriteOnlyFileIsStillExplainedAsSuch() {
        CgroupException e = KernelErrors.readFailed(v2Group(), "cgroup.kill", kernelSays("Invalid argument"));

        assertThat(e.getMessage()).contains("write-only");
    }

    private Placement v1Group(String controller) {
        Hierarchy h = discover(FakeHost.hybridFixture(tmp)).layout().hierarchyOf(Controller.byName(controller).orElseThrow())
                .orElseThrow();
        return new Placement(h, CgroupPath.of("app"));
    }

    @Test
    void aControllersOwnWordsComeFromItsModuleInTheVersionsTerms() {
        KernelRefusedException v2 = KernelErrors.writeRefused(v2Group(), "cpu.max", "1000 100000", kernelSays("Invalid argument"));
        KernelRefusedException v1 = KernelErrors.writeRefused(v1Group("cpu"), "cpu.cfs_quota_us", "1000",
                kernelSays("Invalid argument"));

        assertThat(v2.getMessage()).contains("EINVAL", "CPU bandwidth").doesNotContain("parent's");
        assertThat(v1.getMessage()).contains("CPU bandwidth", "may not exceed its parent's");
        assertThat(KernelErrors.writeRefused(v2Group(), "memory.max", "1", kernelSays("Device or resource busy")).getMessage())
                .contains("could not be reclaimed");
        assertThat(KernelErrors.writeRefused(v1Group("cpuset"), "cpuset.cpus", "7", kernelSays("Permission denied")).getMessage())
                .contains("within the parent's cpuset");
    }

    @Test
    void filesNoModuleExplainsGetTheWordsEveryFileGets() {
        assertThat(KernelErrors.writeRefused(v2Group(), "pids.max", "x", kernelSays("Invalid argument")).getMessage())
                .contains("the kernel refused the value for pids.max");
        assertThat(KernelErrors.writeRefused(v2Group(), "cpuset.cpus", "7", kernelSays("Operation not permitted")).getMessage())
                .contains("permission denied");
        assertThat(KernelErrors.writeRefused(v2Group(), "io.max", "8:0 rbps=1", kernelSays("No such device")).getMessage())
                .contains("lsblk");
    }

    @Test
    void emptyingACpusetThatHoldsTasksIsExplained() {
        KernelRefusedException e = KernelErrors.writeRefused(v2Group(), "cpuset.cpus", "",
                kernelSays("No space left on device"));

        assertThat(e.errno()).contains(Errno.ENOSPC);
        assertThat(e.getMessage()).contains("holds tasks", "move the tasks out first").doesNotContain("lack of space");
    }
}
