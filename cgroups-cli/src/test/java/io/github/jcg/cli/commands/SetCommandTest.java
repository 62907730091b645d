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

/** cgset on a fake hybrid host: what is written, the exit codes, and that nothing is left half-done. */
class SetCommandTest {
    @TempDir
    Path root;
    private FakeHost host;
    private Hosts.Scope scope;

    @BeforeEach
    void setUp() {
        host = FakeHost.hybrid(root);
        scope = FakeHosts.use(host);
        host.cpuGroup("web", "1024", "-1");
        host.pidsGroup("web", "max");
        host.cpuGroup("web/a", "1024", "-1");
        host.cpuGroup("db", "1024", "-1");
        host.pidsGroup("db", "max");
    }

    @AfterEach
    void tearDown() {
        scope.close();
    }

    private String cpu(String group, String file) {
        return host.read("cpu", group, file).strip();
    }

    @Test
    void writesEachValueAndPrintsNothing() {
        Run r = Run.as("cgset", "-r", "cpu.shares=2048", "-r", "pids.max=100", "web", "db");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        assertThat(cpu("web", "cpu.shares")).isEqualTo("2048");
        assertThat(cpu("db", "cpu.shares")).isEqualTo("2048");
        assertThat(host.read("pids", "db", "pids.max").strip()).isEqualTo("100");
    }

    @Test
    void optionsMayFollowTheGroup() {
        assertThat(Run.as("cgset", "web", "-r", "cpu.shares=3000").status()).isZero();
        assertThat(cpu("web", "cpu.shares")).isEqualTo("3000");
    }

    @Test
    void libcgroupsCodesForEachFailure() {
        assertThat(Run.as("cgset", "-r", "cpu.shares=abc", "web").status()).isEqualTo(96);
        assertThat(Run.as("cgset", "-r", "bogus.file=1", "web").status()).isEqualTo(84);
        assertThat(Run.as("cgset", "-r", "cpu.nonexistent=1", "web").status()).isEqualTo(95);
        assertThat(Run.as("cgset", "-r", "cpu.shares=100", "nosuch").status()).isEqualTo(95);
        assertThat(Run.as("cgset", "-r", "cpu.shares=5", "-r", "cpu.shares=6", "web").status()).isEqualTo(90);
    }

    /** A cgroup.* file none of the group's hierarchies has is not said to be missing from the first of them. */
    @Test
    void aFileOfNoControllerThatNoHierarchyHasSaysWhereItWasLookedFor() {
        Run r = Run.as("cgset", "-r", "cgroup.bogus=1", "web");
        assertThat(r.status()).isEqualTo(95);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("cannot set cgroup.bogus: cgroup /web has no control file 'cgroup.bogus' in any hierarchy",
                "looked in ", "/cpu/web");
        assertThat(Run.as("cgset", "-r", "cgroup.bogus=1", "nosuch").status()).isEqualTo(95);
    }

    @Test
    void outOfRangeValuesNameTheRange() {
        Run r = Run.as("cgset", "-r", "cpu.cfs_quota_us=500", "web");
        assertThat(r.status()).isEqualTo(96);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("cpu.cfs_quota_us", "from 1000", "got 500");
    }

    @Test
    void nothingIsWrittenWhenALaterGroupOrValueIsWrong() {
        Run r = Run.as("cgset", "-r", "cpu.shares=300", "web", "nosuch", "db");
        assertThat(r.status()).isEqualTo(95);
        assertThat(cpu("web", "cpu.shares")).isEqualTo("1024");

        assertThat(Run.as("cgset", "-r", "cpu.shares=400", "-r", "cpu.cfs_quota_us=10", "web").status()).isEqualTo(96);
        assertThat(cpu("web", "cpu.shares")).isEqualTo("1024");
    }

    @Test
    void recursiveSetsTheGroupsBelow() {
        assertThat(Run.as("jcg", "set", "-R", "-r", "cpu.shares=2000", "web").status()).isZero();
        assertThat(cpu("web", "cpu.shares")).isEqualTo("2000");
        assertThat(cpu("web/a", "cpu.shares")).isEqualTo("2000");
        assertThat(cpu("db", "cpu.shares")).isEqualTo("1024");
    }

    @Test
    void copyFromWritesTheSourcesDifferentWritableSettings() {
        host.cpuGroup("src", "7777", "30000");
        Run r = Run.as("cgset", "--copy-from", "src", "web");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(cpu("web", "cpu.shares")).isEqualTo("7777");
        assertThat(cpu("web", "cpu.cfs_quota_us")).isEqualTo("30000");
        assertThat(Run.as("cgset", "--copy-from", "nosuch", "web").status()).isEqualTo(82);
    }

    @Test
    void v2VocabularyIsWrittenInV1Files() {
        Run r = Run.as("cgxset", "-2", "-r", "cpu.max=50000 100000", "-r", "cpu.weight=200", "web");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(cpu("web", "cpu.cfs_quota_us")).isEqualTo("50000");
        assertThat(cpu("web", "cpu.cfs_period_us")).isEqualTo("100000");
        assertThat(cpu("web", "cpu.shares")).isEqualTo("2048");
        assertThat(Run.as("cgxset", "-2", "-r", "cpu.stat=1", "web").status()).isEqualTo(111);
    }

    @Test
    void typedLimitsInFriendlyUnits() {
        Run r = Run.as("jcg", "set", "web", "--cpu", "20%");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(cpu("web", "cpu.cfs_quota_us")).isEqualTo("20000");
        assertThat(Run.as("jcg", "set", "web", "--cpu", "1.5", "--cpu-period", "200000").status()).isZero();
        assertThat(cpu("web", "cpu.cfs_quota_us")).isEqualTo("300000");
        assertThat(cpu("web", "cpu.cfs_period_us")).isEqualTo("200000");
    }

    @Test
    void badTypedValuesAreUsageErrorsThatGiveTheRange() {
        Run tooSmall = Run.as("jcg", "set", "web", "--cpu", "1m");
        assertThat(tooSmall.status()).isEqualTo(129);
        assertThat(tooSmall.err()).contains("minimum quota of 1000 µs");
        assertThat(Run.as("jcg", "set", "web", "--memory", "12abc").err()).contains("'12abc' is not a byte quantity");
    }

    @Test
    void usageErrors() {
        for (String[] args : new String[][] {{"-r", "cpu.shares=", "web"}, {"-r", "cpu.shares", "web"}, {"-r", "=5", "web"},
                {"-r", "cpu.shares=5"}, {"web"}, {}, {"--copy-from", "db", "-r", "cpu.shares=5", "web"}}) {
            Run r = Run.as("cgset", args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(129);
            assertThat(r.errLines()).hasSize(2);
        }
        assertThat(cpu("web", "cpu.shares")).isEqualTo("1024");
    }
}
