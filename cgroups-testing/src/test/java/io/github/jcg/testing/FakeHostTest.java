package io.github.jcg.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake trees as files: what each host writes where. Whether cgroups-core discovers them as
 * meant is tested where the core is (FakeTreeDiscoveryTest and the command tests).
 */
class FakeHostTest {
    @TempDir
    Path tmp;

    @Test
    void theProcFilesFollowEveryMountRowAndOwnCgroupAdded() {
        FakeHost fake = FakeHost.empty(tmp);
        assertThat(fake.read("/proc/self/mountinfo")).isEqualTo("\n");
        assertThat(fake.read("/proc/cgroups")).isEqualTo(FakeHost.PROC_CGROUPS_HEADER);
        assertThat(fake.read("/proc/self/cgroup")).isEmpty();

        fake.v1("/sys/fs/cgroup/cpu", "rw,cpu").controllers("cpu\t1\t1\t1").selfCgroup("1:cpu:/\n");

        assertThat(fake.read("/proc/self/mountinfo"))
                .isEqualTo("40 25 0:40 / /sys/fs/cgroup/cpu rw,nosuid,nodev,noexec,relatime shared:40 - cgroup cgroup rw,cpu\n");
        assertThat(fake.read("/proc/cgroups")).isEqualTo(FakeHost.PROC_CGROUPS_HEADER + "cpu\t1\t1\t1\n");
        assertThat(fake.read("/proc/self/cgroup")).isEqualTo("1:cpu:/\n");
        assertThat(fake.path("/sys/fs/cgroup/cpu")).isDirectory();
    }

    @Test
    void aMountPointIsWrittenEscapedAndItsDirectoryMadeUnescaped() {
        FakeHost fake = FakeHost.at(tmp).v1("/sys/fs/cgroup/my cpu", "rw,cpu").mountinfo(
                "50 25 0:50 / /sys/fs/cgroup/tab\\011end\\040 rw - cgroup2 cgroup2 rw\n");

        assertThat(fake.read("/proc/self/mountinfo")).contains(" /sys/fs/cgroup/my\\040cpu ");
        assertThat(fake.path("/sys/fs/cgroup/my cpu")).isDirectory();
        assertThat(fake.path("/sys/fs/cgroup/tab\tend ")).as("an escape at the very end is decoded too").isDirectory();
    }

    @Test
    void hostPathsLandUnderTheRoot() {
        FakeHost fake = FakeHost.empty(tmp).file("/sys/fs/cgroup/cpu/web/cpu.shares", "1024\n");

        assertThat(fake.root()).isEqualTo(tmp);
        assertThat(fake.path("/")).isEqualTo(tmp);
        assertThat(tmp.resolve("sys/fs/cgroup/cpu/web/cpu.shares")).hasContent("1024\n");
        assertThat(fake.read("cpu", "web", "cpu.shares")).isEqualTo("1024\n");
        assertThat(fake.groupDir("cpu", "/")).isEqualTo(tmp.resolve("sys/fs/cgroup/cpu"));
        assertThat(fake.exists("/sys/fs/cgroup/cpu/web/cpu.max")).isFalse();
    }

    @Test
    void aShorterWriteKeepsTheTailAsAPlainFileDoes() throws Exception {
        Path file = FakeHost.empty(tmp).file("/f", "200000\n").path("/f");
        try (var channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap("50000".getBytes(StandardCharsets.US_ASCII)));
        }

        assertThat(Files.readString(file)).isEqualTo(FakeHost.afterWrite("200000\n", "50000")).isEqualTo("500000\n");
    }

    @Test
    void theHybridFixtureIsTheCopiedHostsProcFilesVerbatim() {
        FakeHost fake = FakeHost.hybridFixture(tmp);

        assertThat(fake.read("/proc/self/mountinfo")).isEqualTo(Fixtures.text("hybrid-host/proc/self/mountinfo"));
        assertThat(fake.read("/proc/cgroups")).isEqualTo(Fixtures.text("hybrid-host/proc/cgroups"));
        assertThat(fake.read("/proc/self/cgroup")).isEqualTo(Fixtures.text("hybrid-host/proc/self/cgroup"));
        assertThat(fake.path("/sys/fs/cgroup/memory")).isDirectory();
        assertThat(fake.read("/sys/fs/cgroup/unified/cgroup.controllers"))
                .isEqualTo(Fixtures.text("hybrid-host/unified/cgroup.controllers"));
    }

    @Test
    void theCommandTestsHybridHostKnowsItsUsersAndRootGroups() {
        FakeHost fake = FakeHost.hybridWithCpuset(tmp);
        fake.cpuGroup("web", "512", "-1");

        assertThat(fake.read("/etc/passwd")).contains("web:x:1001:1002:");
        assertThat(fake.read("cpu", "/", "cpu.shares")).isEqualTo("1024\n");
        assertThat(fake.read("cpuset", "/", "cpuset.cpus")).isEqualTo("0-3\n");
        assertThat(fake.read("cpu", "web", "cpu.shares")).isEqualTo("512\n");
        assertThat(fake.read("/proc/self/cgroup")).startsWith("3:cpuset:/\n8:pids:/\n");
    }

    @Test
    void aV2GroupHasTheKernelsFilesWithSomeValuesReplaced() {
        FakeHost fake = FakeHost.unifiedAllEnabled(tmp);
        fake.v2Group("web", Map.of("cpu.max", "50000 100000", "memory.high", ""));

        assertThat(fake.read("", "/", "cgroup.subtree_control")).isEqualTo("cpuset cpu memory pids\n");
        assertThat(fake.read("", "web", "cpu.max")).isEqualTo("50000 100000\n");
        assertThat(fake.read("", "web", "memory.high")).isEmpty();
        assertThat(fake.read("", "web", "pids.max")).isEqualTo("max\n");
    }

    @Test
    void theLinkedV2HostLinksOutOfTheHierarchyAndTheSnapshotShowsTheLinks() {
        FakeHost fake = FakeHost.unifiedWithLinks(tmp);

        Map<String, String> snapshot = fake.snapshot();

        assertThat(snapshot).containsEntry("/sys/fs/cgroup/linked/cpu.max", "<link to " + tmp.resolve("outside/cpu.max") + ">")
                .containsEntry("/sys/fs/cgroup/escape", "<link to " + tmp.resolve("outside/tree") + ">")
                .containsEntry("/outside/cpu.max", FakeHost.ORIGINAL_CPU_MAX)
                .containsEntry("/outside/tree/inner/cpu.max", FakeHost.ORIGINAL_CPU_MAX)
                .containsEntry("/sys/fs/cgroup/g/", "<dir>")
                .doesNotContainKey("/sys/fs/cgroup/escape/inner/cpu.max");
        assertThat(fake.read("/sys/fs/cgroup/linked/cpu.max")).as("read through the link").isEqualTo(FakeHost.ORIGINAL_CPU_MAX);
    }
}
