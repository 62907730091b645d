package io.github.jcg.cli.commands;

import io.github.jcg.cli.FakeHosts;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.Run;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groups named with a controller's prefix ({@code cpu.batch}), which the kernel allows and
 * libcgroup's cgcreate makes, can be named on the command line; only the names of the
 * kernel's control files ({@code cpu.shares}) are refused. On a fake hybrid host; removing
 * such a group from a real hierarchy is in {@code CommandsKernelTest}.
 */
class ControlFileLikeGroupNamesTest {
    @TempDir
    Path root;
    private FakeHost host;
    private Hosts.Scope scope;

    @BeforeEach
    void setUp() {
        host = FakeHost.hybrid(root);
        scope = FakeHosts.use(host);
    }

    @AfterEach
    void tearDown() {
        scope.close();
    }

    @Test
    void cgcreateMakesTheGroupInEachHierarchy() {
        Run r = Run.as("cgcreate", "-g", "cpu,memory:cpu.batch", "-g", "pids:memory.x/cpu.inner");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(host.groupDir("cpu", "cpu.batch")).isDirectory();
        assertThat(host.groupDir("memory", "cpu.batch")).isDirectory();
        assertThat(host.groupDir("pids", "memory.x/cpu.inner")).isDirectory();
    }

    @Test
    void cggetCgsetAndJcgGetReadAndWriteIt() {
        host.cpuGroup("cpu.batch", "512", "-1");
        assertThat(Run.as("cgget", "-n", "-v", "-r", "cpu.shares", "cpu.batch").out()).isEqualTo("512\n");
        assertThat(Run.as("jcg", "get", "-r", "cpu.shares", "/cpu.batch").out()).isEqualTo("/cpu.batch:\ncpu.shares: 512\n\n");

        Run set = Run.as("cgset", "-r", "cpu.shares=300", "cpu.batch");
        assertThat(set.status()).as(set.toString()).isZero();
        assertThat(host.read("cpu", "cpu.batch", "cpu.shares")).isEqualTo("300\n");
        assertThat(Run.as("lscgroup", "cpu:/").out()).contains("cpu:/cpu.batch\n");
    }

    @Test
    void cgdeleteLooksTheGroupUp() {
        // a fake tree cannot rmdir a group holding files; the lookup is what the name rule decided
        Run r = Run.as("cgdelete", "cpu:cpu.batch");
        assertThat(r.status()).as(r.toString()).isEqualTo(96);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines()[0]).startsWith("cgdelete: cannot remove group 'cpu.batch': No such file or directory; it does not exist");
    }

    @Test
    void aControlFilesNameIsRefusedInOneLine() {
        Run create = Run.as("cgcreate", "-g", "cpu:cpu.shares");
        assertThat(create.status()).as(create.toString()).isEqualTo(91);
        assertThat(create.errLines()).hasSize(1);
        assertThat(create.err()).contains("'cpu.shares' is the name of a cgroup control file (the cpu controller's);"
                + " choose another group name");
        assertThat(host.groupDir("cpu", "cpu.shares")).as("the root group's file, untouched").isRegularFile().hasContent("1024");
        assertThat(Run.as("cgget", "-r", "cpu.shares", "web/memory.max").err()).contains("'memory.max' is the name of a cgroup control file");
        assertThat(Run.as("cgdelete", "cpu:cgroup.procs").err()).contains("'cgroup.procs' starts with 'cgroup.'");
    }
}
