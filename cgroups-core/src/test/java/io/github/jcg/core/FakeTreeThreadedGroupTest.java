package io.github.jcg.core;

import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.jcg.core.fake.FakeHosts.discover;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A v2 threaded subtree on a fake tree: how jcg attaches to it and finds its processes. */
class FakeTreeThreadedGroupTest {
    private static final String CG = "/sys/fs/cgroup";

    @TempDir
    Path tmp;

    /** A domain group with a threaded child, and process 4242 with three threads in the root group. */
    private FakeHost threadedTree() {
        FakeHost fake = FakeHost.unified(tmp, "cpu pids");
        for (String group : new String[] {"/domain", "/domain/t1"}) {
            fake.file(CG + group + "/cgroup.procs", "")
                    .file(CG + group + "/cgroup.threads", "")
                    .file(CG + group + "/cgroup.controllers", "pids\n")
                    .file(CG + group + "/cgroup.subtree_control", "");
        }
        fake.file(CG + "/domain/cgroup.type", "domain threaded\n").file(CG + "/domain/t1/cgroup.type", "threaded\n");
        fake.file("/proc/4242/cgroup", "0::/\n");
        for (String tid : new String[] {"4242", "4243", "4244"}) {
            fake.file("/proc/4242/task/" + tid + "/comm", "java\n");
        }
        return fake;
    }

    @Test
    void aProcessJoinsAThreadedGroupThroughCgroupProcsWithAllItsThreads() {
        // the kernel refuses cgroup.threads for a thread from outside the threaded subtree
        // (EOPNOTSUPP); cgroup.procs moves the process and every thread it has
        FakeHost fake = threadedTree();

        discover(fake).group("domain/t1", ControllerSelection.of(Controller.PIDS)).attach(4242);

        assertThat(fake.read(CG + "/domain/t1/cgroup.procs")).isEqualTo("4242");
        assertThat(fake.read(CG + "/domain/t1/cgroup.threads")).isEmpty();
    }

    @Test
    void theProcessesOfAThreadedSubtreeAreTheDomainsAndItsThreadedGroupsAreNotAsked() throws Exception {
        // a threaded group's cgroup.procs cannot be read (EOPNOTSUPP): here it is a symbolic
        // link, which jcg refuses to read, so asking it fails too; the domain lists the process
        FakeHost fake = threadedTree().file(CG + "/domain/cgroup.procs", "4242\n");
        Path procs = fake.path(CG + "/domain/t1/cgroup.procs");
        Files.delete(procs);
        Files.createSymbolicLink(procs, fake.path(CG + "/domain/cgroup.procs"));
        Cgroup domain = discover(fake).group("domain", ControllerSelection.of(Controller.PIDS));

        assertThatThrownBy(() -> domain.delete(DeleteOptions.defaults().recursively()))
                .isInstanceOf(GroupBusyException.class)
                .hasMessageContaining("still has 1 process (4242)");
    }
}
