package io.github.jcg.cli.commands;

import io.github.jcg.cli.FakeHosts;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.Run;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** cgcreate on a fake hybrid host: which directories appear, usage errors and exit codes. */
class CreateCommandTest {
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
    void createsInEachNamedHierarchyAndPrintsNothing() {
        Run r = Run.as("cgcreate", "-g", "cpu,pids:web/a", "-g", "memory:db");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        assertThat(host.groupDir("cpu", "web/a")).isDirectory();
        assertThat(host.groupDir("pids", "web/a")).isDirectory();
        assertThat(host.groupDir("memory", "web")).doesNotExist();
        assertThat(host.groupDir("memory", "db")).isDirectory();
    }

    @Test
    void noControllersMeansTheV2HierarchyOnly() {
        assertThat(Run.as("cgcreate", "-g", ":web").status()).isZero();
        assertThat(host.groupDir("unified", "web")).isDirectory();
        assertThat(host.groupDir("cpu", "web")).doesNotExist();
    }

    @Test
    void anUnmountedControllerIsEcgroupsubsysnotmountedAndNothingIsLeft() {
        Run r = Run.as("cgcreate", "-g", "cpu:web", "-g", "cpu,bogus:db");
        assertThat(r.status()).isEqualTo(84);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("can't create cgroup db", "bogus");
        assertThat(host.groupDir("cpu", "web")).doesNotExist();
    }

    @Test
    void ownersByNameOrNumberAndBadOnesAreUsageErrors() {
        assertThat(Run.as("cgcreate", "-a", "nosuchuser", "-g", "cpu:web").status()).isEqualTo(129);
        assertThat(host.groupDir("cpu", "web")).doesNotExist();
        Run r = Run.as("cgcreate", "-d", "75", "-g", "cpu:web");
        assertThat(r.status()).isEqualTo(129);
        assertThat(r.out()).as("libcgroup prints this on stdout; jcg on stderr").isEmpty();
        assertThat(r.err()).contains("'75' is not a file mode");
    }

    @Test
    void usageErrors() {
        for (String[] args : new String[][] {{"-g", "cpu"}, {"-g", "cpu:"}, {}}) {
            Run r = Run.as("cgcreate", args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(129);
            assertThat(r.errLines()).hasSize(2);
            assertThat(r.errLines()[0]).startsWith("Wrong input parameters,");
            assertThat(r.errLines()[1]).startsWith("cgcreate: ");
        }
        // libcgroup's own words for these begin the first line
        Run extra = Run.as("cgcreate", "-g", "cpu:web", "extra");
        assertThat(extra.status()).isEqualTo(129);
        assertThat(extra.errLines()[0]).startsWith("cgcreate: wrong arguments (extra)");
        assertThat(Run.as("cgcreate", "-x").errLines()).containsExactly("cgcreate: invalid option -- 'x'",
                "Wrong input parameters, try cgcreate -h' for more information.");
        assertThat(Files.exists(host.groupDir("cpu", "web"))).isFalse();
    }

    @Test
    void aTypedLimitForAControllerTheGroupLacksNamesTheFix() {
        // removing what was made needs a real cgroupfs (see CommandsKernelTest); here only the report
        Run r = Run.as("jcg", "create", "-g", "cpu:web/deep", "--pids", "100");
        assertThat(r.status()).isEqualTo(84);
        assertThat(r.err()).contains("has no pids.max", "create -g pids:");
    }
}
