package io.github.jcg.it.host;

import io.github.jcg.it.support.CgroupMount;
import io.github.jcg.it.support.HostCgroups;
import io.github.jcg.it.support.InfoJson;
import io.github.jcg.it.support.Jcg;
import io.github.jcg.it.support.Json;
import io.github.jcg.it.support.ProcCgroup;
import io.github.jcg.it.support.Result;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./jcg info} on this host, checked against the kernel's own files read here without
 * jcg: every cgroup mount, the version and controllers of each, the mode, and the launcher's
 * own groups (a child of this JVM, so in the same groups). Reads only; needs no root.
 */
@Tag("host")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostInfoIT {
    @Test
    void infoJsonListsEveryHierarchyMountedHereWithItsVersionAndControllers() {
        InfoJson info = InfoJson.of(Jcg.run("info", "-o", "json"));
        List<CgroupMount> mounts = HostCgroups.hostHierarchies();

        assertThat(info.mountPoints()).containsExactlyInAnyOrderElementsOf(mounts.stream().map(CgroupMount::mountPoint).toList());
        for (CgroupMount m : mounts) {
            Map<String, Object> h = info.hierarchies().stream().filter(x -> m.mountPoint().equals(x.get("mountPoint")))
                    .findFirst().orElseThrow();
            assertThat(h).as(m.mountPoint()).containsEntry("version", m.v2() ? "v2" : "v1").containsEntry("mountRoot", m.root());
            if (!m.v2()) {
                assertThat(Json.asList(h.get("controllers"))).as(m.mountPoint()).containsExactlyInAnyOrderElementsOf(m.controllers());
                m.name().ifPresent(n -> assertThat(h).containsEntry("name", n));
            }
        }
        boolean v1 = mounts.stream().anyMatch(m -> !m.v2() && !m.controllers().isEmpty());
        boolean v2 = mounts.stream().anyMatch(CgroupMount::v2);
        assertThat(info.mode()).isEqualTo(v1 && v2 ? "hybrid" : v1 ? "legacy" : "unified");
    }

    @Test
    void infoJsonShowsTheLaunchersOwnGroupsAsProcSelfCgroupDoes() throws IOException {
        InfoJson info = InfoJson.of(Jcg.run("info", "-o", "json"));
        // jcg runs as a child of this JVM and joins nothing: it is where we are
        List<ProcCgroup> ours = ProcCgroup.parse(Files.readString(Path.of("/proc/self/cgroup")));

        for (Map<String, Object> h : info.hierarchies()) {
            String expected;
            if ("v2".equals(h.get("version"))) {
                expected = ProcCgroup.v2Path(ours).orElseThrow();
            } else {
                List<Object> ctrls = Json.asList(h.get("controllers"));
                String key = ctrls.isEmpty() ? "name=" + h.get("name") : (String) ctrls.get(0);
                expected = ProcCgroup.pathOf(ours, key).orElseThrow();
            }
            assertThat(h).as("hierarchy at %s", h.get("mountPoint")).containsEntry("ownGroup", expected);
            if ("/".equals(h.get("mountRoot"))) {
                assertThat(h).as("hierarchy at %s", h.get("mountPoint")).containsEntry("ownGroupOnMount", expected);
            }
        }
    }

    @Test
    void infoTextNamesTheModeAsLibcgroupDoesAndWritesNothingToStderr() {
        InfoJson info = InfoJson.of(Jcg.run("info", "-o", "json"));
        Result text = Jcg.run("info").requireOk();

        assertThat(text.err()).isEmpty();
        assertThat(text.lines().get(0)).startsWith("Mode: " + info.mode()).endsWith((String) info.root().get("libcgroupMode"));
        assertThat((String) info.root().get("libcgroupMode")).isIn("Unified Mode (Cgroup v2 only).",
                "Hybrid mode (Cgroup v1/v2).", "Legacy Mode (Cgroup v1 only).");
        for (String mountPoint : info.mountPoints()) {
            assertThat(text.out()).contains(mountPoint);
        }
    }

    @Test
    void aWrongOptionIsAUsageErrorWithLibcgroupsExitStatus() {
        Result r = Jcg.run("info", "--no-such-option");

        assertThat(r.exit()).isEqualTo(129);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Wrong input parameters,");
    }
}
