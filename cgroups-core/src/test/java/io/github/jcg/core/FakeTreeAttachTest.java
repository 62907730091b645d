package io.github.jcg.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link Cgroup#attach(long)} writes, on a fake v2 tree. */
class FakeTreeAttachTest {
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

        fake.discover().group("domain/t1", ControllerSelection.of(Controller.PIDS)).attach(4242);

        assertThat(fake.read(CG + "/domain/t1/cgroup.procs")).isEqualTo("4242");
        assertThat(fake.read(CG + "/domain/t1/cgroup.threads")).isEmpty();
    }
}
