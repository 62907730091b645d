package io.github.jcg.it.container;

import io.github.jcg.it.support.Capabilities;
import io.github.jcg.it.support.CgroupMount;
import io.github.jcg.it.support.InfoJson;
import io.github.jcg.it.support.Jcg;
import io.github.jcg.it.support.Processes;
import io.github.jcg.it.support.Json;
import io.github.jcg.it.support.ProcCgroup;
import io.github.jcg.it.support.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery inside a container with a private cgroup namespace: jcg must see the container's
 * own view (its groups are {@code /}), the mounts Docker made, and a cgroup2 filesystem
 * mounted inside as v2 — hybrid next to the v1 mounts, unified when it is the only one.
 */
@Tag("container")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ContainerDiscoveryIT {
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
    void testcontainersSpeaksTheEnginesApiVersion() {
        // pinned by failsafe's api.version; unpinned, Testcontainers 2 would fall back to 1.32
        assertThat(System.getProperty("api.version")).as("api.version from failsafe").isNotBlank();
        assertThat(DockerEnv.clientApiVersion()).isEqualTo(System.getProperty("api.version"));
    }

    @Test
    void dockerMadeTheContainerAsAskedPrivateCgroupNamespaceAndTheHostsCapabilities() {
        assertThat(container.inspect().getHostConfig().getCgroupnsMode()).isEqualTo("private");

        long bounding = Capabilities.field(container.exec("cat", "/proc/self/status").requireOk().out(), "CapBnd");
        List<String> inside = Capabilities.decode(bounding).names();
        assertThat(inside).containsExactlyInAnyOrderElementsOf(
                DockerEnv.grantableCapabilities().stream().map(Enum::name).toList());
        assertThat(inside).contains("SYS_ADMIN");
    }

    @Test
    void theImagesJavaHasEveryModuleTheJarNeeds() {
        // the image's runtime is cut by jlink to a module list: a jar that starts needing another
        // module would fail in the container with NoClassDefFoundError, far from the cause
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        Assumptions.assumeTrue(Files.isExecutable(jdeps), "no jdeps in " + System.getProperty("java.home"));
        Result needed = Processes.run(List.of(jdeps.toString(), "--multi-release", "17", "--ignore-missing-deps",
                "--print-module-deps", Jcg.jar().toString()), Duration.ofMinutes(2)).requireOk();
        List<String> present = container.exec("java", "--list-modules").requireOk().lines().stream()
                .map(l -> l.split("@")[0]).toList();

        assertThat(present).as("modules of the image's Java (integration-tests/image/build-image.sh)")
                .containsAll(List.of(needed.out().strip().split(",")));
    }

    @Test
    void theCgroupHierarchiesAreWritableInside() {
        List<CgroupMount> mounts = CgroupMount.parse(container.exec("cat", "/proc/self/mountinfo").requireOk().out());

        assertThat(mounts).isNotEmpty().allSatisfy(m -> assertThat(m.readOnly()).as(m.mountPoint()).isFalse());
        container.sh("mkdir /sys/fs/cgroup/cpu/jcg-it-w && rmdir /sys/fs/cgroup/cpu/jcg-it-w").requireOk();
    }

    @Test
    void infoSeesTheContainersOwnGroupsAndMounts() {
        InfoJson info = InfoJson.of(container.jcg("info", "-o", "json"));
        List<CgroupMount> mounts = CgroupMount.firstPerHierarchy(
                CgroupMount.parse(container.exec("cat", "/proc/self/mountinfo").requireOk().out()));
        List<ProcCgroup> own = ProcCgroup.parse(container.exec("cat", "/proc/self/cgroup").requireOk().out());

        // Docker on a cgroup v1 host mounts only the v1 hierarchies
        assertThat(info.mode()).isEqualTo("legacy");
        assertThat(info.mountPoints()).containsExactlyInAnyOrderElementsOf(mounts.stream().map(CgroupMount::mountPoint).toList());
        assertThat(own).allSatisfy(l -> assertThat(l.path()).as("/proc/self/cgroup in a private cgroupns").isEqualTo("/"));
        for (Map<String, Object> h : info.hierarchies()) {
            assertThat(h).as("hierarchy %s", h.get("mountPoint"))
                    .containsEntry("mountRoot", "/").containsEntry("ownGroup", "/").containsEntry("ownGroupOnMount", "/");
        }
        assertThat(info.v1("cpu")).containsEntry("mountPoint", "/sys/fs/cgroup/cpu");
        assertThat(Json.asList(info.v1("cpuacct").get("controllers"))).contains("cpuacct");
    }

    @Test
    void aCgroup2FilesystemMountedInsideIsDetectedAsV2AndMakesTheViewHybrid() {
        container.sh("mkdir -p /tmp/cg2 && mount -t cgroup2 cgroup2 /tmp/cg2").requireOk();
        try {
            InfoJson info = InfoJson.of(container.jcg("info", "-o", "json"));

            assertThat(info.mode()).isEqualTo("hybrid");
            assertThat(info.v2()).hasValueSatisfying(h -> assertThat(h)
                    .containsEntry("mountPoint", "/tmp/cg2").containsEntry("mountRoot", "/")
                    .containsEntry("ownGroup", "/").containsEntry("ownGroupOnMount", "/"));
        } finally {
            container.sh("umount /tmp/cg2").requireOk();
        }
    }

    @Test
    void aCgroup2FilesystemAloneIsDetectedAsUnified() {
        // a mount namespace of its own, where the v1 mounts are gone and cgroup2 is at /sys/fs/cgroup
        Result r = container.exec("unshare", "-m", "sh", "-ec", """
                for m in $(awk '$5 ~ "^/sys/fs/cgroup/" {print $5}' /proc/self/mountinfo | sort -r); do umount "$m"; done
                umount /sys/fs/cgroup
                mount -t cgroup2 cgroup2 /sys/fs/cgroup
                exec jcg info -o json
                """);
        InfoJson info = InfoJson.of(r);

        assertThat(info.mode()).isEqualTo("unified");
        assertThat(info.hierarchies()).singleElement().satisfies(h -> assertThat(h)
                .containsEntry("version", "v2").containsEntry("mountPoint", "/sys/fs/cgroup")
                .containsEntry("mountRoot", "/").containsEntry("ownGroup", "/").containsEntry("ownGroupOnMount", "/"));
    }
}
