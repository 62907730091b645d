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

/** lscgroup and lssubsys on a fake hybrid host. */
class ListingCommandsTest {
    @TempDir
    Path root;
    private FakeHost host;
    private Hosts.Scope scope;

    @BeforeEach
    void setUp() {
        host = FakeHost.hybrid(root);
        scope = FakeHosts.use(host);
        host.cpuGroup("web", "1024", "-1");
        host.cpuGroup("web/a", "1024", "-1");
        host.cpuGroup("web/a/b", "1024", "-1");
        host.pidsGroup("web", "max");
    }

    @AfterEach
    void tearDown() {
        scope.close();
    }

    @Test
    void theNamedGroupHasATrailingSlashTheOnesBelowNot() {
        Run r = Run.as("lscgroup", "cpu:web");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("cpu:/web/\ncpu:/web/a\ncpu:/web/a/b\n");
        assertThat(Run.as("lscgroup", "-g", "cpu:/web/a/").out()).isEqualTo("cpu:/web/a/\ncpu:/web/a/b\n");
    }

    @Test
    void onlyTheFirstHierarchyWithOneOfTheControllersIsListed() {
        assertThat(Run.as("lscgroup", "pids,cpu:web").out()).startsWith("cpu:/web/\n");
        assertThat(Run.as("lscgroup", "pids:web", "cpu:web/a/b").out()).isEqualTo("pids:/web/\ncpu:/web/a/b/\n");
    }

    @Test
    void everythingFromTheRootsWithoutArguments() {
        assertThat(Run.as("lscgroup").out()).isEqualTo(
                "cpu:/\ncpu:/web\ncpu:/web/a\ncpu:/web/a/b\npids:/\npids:/web\nmemory:/\nhugetlb:/\n");
    }

    @Test
    void aMissingGroupListsNothingAnUnmountedControllerIsEcgfail() {
        assertThat(Run.as("lscgroup", "cpu:nosuch").out()).isEmpty();
        Run r = Run.as("lscgroup", "bogus:/", "cpu:web/a/b");
        assertThat(r.status()).isEqualTo(93);
        assertThat(r.out()).isEqualTo("cpu:/web/a/b/\n");
        assertThat(r.errLines()).hasSize(1);
    }

    @Test
    void lsJson() {
        assertThat(Run.as("jcg", "ls", "-o", "json", "cpu:web/a").out())
                .isEqualTo("{\"groups\":[{\"controllers\":\"cpu\",\"path\":\"/web/a\"},{\"controllers\":\"cpu\",\"path\":\"/web/a/b\"}]}\n");
    }

    @Test
    void lssubsysListsWhatIsMountedInProcCgroupsOrder() {
        assertThat(Run.as("lssubsys").out()).isEqualTo("cpu\nmemory\nhugetlb\npids\n");
        assertThat(Run.as("lssubsys", "-m", "cpu").out()).isEqualTo("cpu /sys/fs/cgroup/cpu\n");
        assertThat(Run.as("lssubsys", "-a").out()).isEqualTo("net_cls\ncpu\nmemory\nhugetlb\npids\n");
        assertThat(Run.as("lssubsys", "-i", "pids", "hugetlb").out()).isEqualTo("hugetlb 0\npids 8\n");
        assertThat(Run.as("lssubsys", "-M", "memory").out()).isEqualTo("memory /sys/fs/cgroup/memory\n");
        assertThat(Run.as("lssubsys", "bogus").out()).isEmpty();
    }

    @Test
    void lssubsysJson() {
        assertThat(Run.as("jcg", "lssubsys", "-o", "json", "cpu").out()).isEqualTo("{\"hierarchies\":[{\"controllers\":[\"cpu\"],"
                + "\"id\":1,\"version\":\"v1\",\"mountPoints\":[\"/sys/fs/cgroup/cpu\"]}],\"unmounted\":[\"net_cls\"]}\n");
    }
}
