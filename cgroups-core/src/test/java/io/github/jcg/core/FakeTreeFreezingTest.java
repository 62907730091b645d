package io.github.jcg.core;

import io.github.jcg.core.limit.Resources;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.github.jcg.core.fake.FakeHosts.discover;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Freezing through {@link Cgroup}: {@link Cgroup#resources()} reports the state asked for,
 * {@link Cgroup#isFrozen()} whether the kernel has reached it, on v1, v2 and a hybrid host's
 * group outside the v1 freezer hierarchy.
 */
class FakeTreeFreezingTest {
    private static final String CG = "/sys/fs/cgroup";

    @TempDir
    Path tmp;

    @Test
    void aV1FreezeUnderWayIsAskedForButNotYetReached() {
        FakeHost fake = FakeHost.hybridFixture(tmp)
                .file(CG + "/freezer/web/freezer.state", "FREEZING\n")
                .file(CG + "/freezer/web/cgroup.procs", "");
        Cgroup web = discover(fake).group("web", ControllerSelection.of(Controller.FREEZER));

        assertThat(web.resources().frozen()).contains(true);
        assertThat(web.isFrozen()).isFalse();

        fake.file(CG + "/freezer/web/freezer.state", "FROZEN\n");
        assertThat(web.resources().frozen()).contains(true);
        assertThat(web.isFrozen()).isTrue();
    }

    @Test
    void aHybridGroupOutsideTheV1FreezerReadsItsFreezeFromTheV2Mount() {
        FakeHost fake = FakeHost.hybridFixture(tmp)
                .file(CG + "/cpu/web/cpu.shares", "1024\n")
                .file(CG + "/cpu/web/cgroup.procs", "")
                .file(CG + "/unified/web/cgroup.procs", "")
                .file(CG + "/unified/web/cgroup.freeze", "0\n")
                // a fake tree has no kernel to flip it: the freeze is reached as soon as it is asked
                .file(CG + "/unified/web/cgroup.events", "populated 1\nfrozen 1\n");
        Cgroup web = discover(fake).group("web");

        web.freeze();

        assertThat(fake.read(CG + "/unified/web/cgroup.freeze")).isEqualTo("1\n");
        assertThat(web.resources().frozen()).contains(true);
        assertThat(web.isFrozen()).isTrue();
    }

    @Test
    void aFreezeTheKernelNeverReachesFailsAsItselfAndIsUndone() {
        FakeHost fake = FakeHost.unified(tmp, "cpuset cpu io memory pids")
                .file(CG + "/web/cgroup.procs", "")
                .file(CG + "/web/cgroup.freeze", "0\n")
                .file(CG + "/web/cgroup.events", "populated 1\nfrozen 0\n");
        Cgroup web = discover(fake).group("web");

        // not rewrapped as a refused write: no write was refused, the wait ran out
        assertThatThrownBy(() -> web.apply(Resources.builder().frozen(true).build()))
                .isExactlyInstanceOf(CgroupException.class)
                .hasMessageContaining("did not become frozen within 5 s")
                .hasMessageEndingWith("(the earlier writes of this change were undone)")
                .satisfies(e -> assertThat(((CgroupException) e).group()).contains("/web"));
        assertThat(fake.read(CG + "/web/cgroup.freeze").strip()).isEqualTo("0");
        assertThat(web.resources().frozen()).contains(false);
    }
}
