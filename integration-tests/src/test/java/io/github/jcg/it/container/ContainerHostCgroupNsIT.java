package io.github.jcg.it.container;

import io.github.jcg.it.support.CgroupMount;
import io.github.jcg.it.support.InfoJson;
import io.github.jcg.it.support.ProcCgroup;
import io.github.jcg.it.support.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A container that shares the host's cgroup namespace: Docker bind-mounts only the container's
 * own subtree of each v1 hierarchy, so mountinfo's root is {@code /docker/<id>} and
 * {@code /proc/self/cgroup} says {@code /docker/<id>} too. jcg must translate one against the
 * other: its own group on the mount is {@code /}, and a group {@code /x} it is asked for is
 * {@code /docker/<id>/x} in the kernel's terms.
 */
@Tag("container")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ContainerHostCgroupNsIT {
    private static JcgContainer container;
    /** The v1 mounts' root, e.g. /docker/0123abcd… */
    private static String mountRoot;

    @BeforeAll
    static void start() {
        container = new JcgContainer(JcgContainer.CgroupNs.HOST, true);
        container.start();
        CgroupMount cpu = CgroupMount.parse(container.exec("cat", "/proc/self/mountinfo").requireOk().out()).stream()
                .filter(m -> m.controllers().contains("cpu")).findFirst().orElseThrow();
        mountRoot = cpu.root();
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Test
    void theContainerReallySharesTheHostsCgroupNamespace() {
        assertThat(container.inspect().getHostConfig().getCgroupnsMode()).isEqualTo("host");
        assertThat(mountRoot).isNotEqualTo("/").endsWith(container.getContainerId());
        List<ProcCgroup> own = ProcCgroup.parse(container.exec("cat", "/proc/self/cgroup").requireOk().out());
        assertThat(ProcCgroup.pathOf(own, "cpu")).hasValue(mountRoot);
    }

    @Test
    void infoTranslatesTheOwnGroupAgainstAMountRootOtherThanSlash() {
        InfoJson info = InfoJson.of(container.jcg("info", "-o", "json"));
        List<ProcCgroup> own = ProcCgroup.parse(container.exec("cat", "/proc/self/cgroup").requireOk().out());

        assertThat(info.mode()).isEqualTo("hybrid");
        for (Map<String, Object> h : info.hierarchies()) {
            if ("v1".equals(h.get("version"))) {
                assertThat(h).as("v1 hierarchy at %s", h.get("mountPoint"))
                        .containsEntry("mountRoot", mountRoot)
                        .containsEntry("ownGroup", mountRoot)
                        .containsEntry("ownGroupOnMount", "/");
            }
        }
        // the cgroup2 filesystem mounted inside shows the whole hierarchy: nothing to strip
        String v2 = ProcCgroup.v2Path(own).orElseThrow();
        assertThat(info.v2()).hasValueSatisfying(h -> assertThat(h)
                .containsEntry("mountPoint", "/sys/fs/cgroup/unified").containsEntry("mountRoot", "/")
                .containsEntry("ownGroup", v2).containsEntry("ownGroupOnMount", v2));
    }

    @Test
    void execPutsTheCommandInTheGroupUnderTheMountRoot() {
        container.sh("mkdir -p /sys/fs/cgroup/cpu/hx /sys/fs/cgroup/cpuacct/hx").requireOk();
        try {
            Result r = container.jcg("exec", "-g", "cpu,cpuacct:/hx", "--", "cat", "/proc/self/cgroup").requireOk();

            List<ProcCgroup> lines = ProcCgroup.parse(r.out());
            assertThat(ProcCgroup.pathOf(lines, "cpu")).hasValue(mountRoot + "/hx");
            assertThat(ProcCgroup.pathOf(lines, "cpuacct")).hasValue(mountRoot + "/hx");
            assertThat(ProcCgroup.pathOf(lines, "pids")).hasValue(mountRoot);
            // seen from the host: the group lies in the container's own subtree
            CgroupMount hostCpu = CgroupMount.parse(read("/proc/self/mountinfo")).stream()
                    .filter(m -> m.controllers().contains("cpu")).findFirst().orElseThrow();
            if (hostCpu.root().equals("/")) {
                assertThat(Path.of(hostCpu.mountPoint() + mountRoot, "hx")).isDirectory();
            }
        } finally {
            container.sh("rmdir /sys/fs/cgroup/cpu/hx /sys/fs/cgroup/cpuacct/hx");
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
