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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** cgget's formats and exit codes on a fake hybrid host (no root needed). */
class GetCommandTest {
    @TempDir
    Path root;
    private FakeHost host;
    private Hosts.Scope scope;

    @BeforeEach
    void setUp() {
        host = FakeHost.hybrid(root);
        scope = FakeHosts.use(host);
        host.cpuGroup("web", "512", "-1");
        host.pidsGroup("web", "42");
        host.memoryGroup("web", "67108864");
        host.cpuGroup("web/a", "1024", "50000");
    }

    @AfterEach
    void tearDown() {
        scope.close();
    }

    private static Run cgget(String... args) {
        return Run.as("cgget", args);
    }

    @Test
    void settingsByNameWithHeaderAndBlankLine() {
        Run r = cgget("-r", "cpu.shares", "-r", "cpu.cfs_quota_us", "web");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("web:\ncpu.shares: 512\ncpu.cfs_quota_us: -1\n\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void settingsAreGroupedByControllerAsLibcgroupGroupsThem() {
        Run r = cgget("-r", "cpu.shares", "-r", "pids.max", "-r", "cpu.cfs_quota_us", "web");
        assertThat(r.out()).isEqualTo("web:\ncpu.shares: 512\ncpu.cfs_quota_us: -1\npids.max: 42\n\n");
    }

    @Test
    void multiLineValuesGetATabBeforeEachContinuation() {
        assertThat(cgget("-r", "cpu.stat", "web").out())
                .isEqualTo("web:\ncpu.stat: nr_periods 0\n\tnr_throttled 0\n\tthrottled_time 0\n\n");
    }

    @Test
    void noHeadersAndValuesOnly() {
        assertThat(cgget("-n", "-v", "-r", "cpu.shares", "web", "web/a").out()).isEqualTo("512\n1024\n");
        assertThat(cgget("-nvr", "cpu.shares", "web").out()).isEqualTo("512\n");
        assertThat(cgget("--values-only", "--variable=cpu.shares", "web").out()).isEqualTo("web:\n512\n\n");
    }

    @Test
    void optionsMayFollowOperandsAndDoubleDashEndsThem() {
        assertThat(cgget("web", "-r", "cpu.shares").out()).isEqualTo("web:\ncpu.shares: 512\n\n");
        assertThat(cgget("-r", "cpu.shares", "--", "web").out()).isEqualTo("web:\ncpu.shares: 512\n\n");
    }

    @Test
    void aControllerListsItsFilesOnly() {
        Run r = cgget("-g", "pids", "web");
        assertThat(r.out()).isEqualTo("web:\npids.max: 42\npids.current: 0\n\n".equals(r.out()) ? r.out()
                : "web:\npids.current: 0\npids.max: 42\n\n");
        assertThat(r.out()).doesNotContain("cgroup.procs").doesNotContain("tasks");
    }

    @Test
    void everyMountedControllerWhenNothingIsNamed() {
        Run r = cgget("-n", "web");
        assertThat(r.out()).contains("cpu.shares: 512\n", "pids.max: 42\n", "memory.limit_in_bytes: 67108864\n");
        assertThat(r.out().indexOf("cpu.shares")).isLessThan(r.out().indexOf("pids.max"));
        assertThat(r.out().indexOf("pids.max")).isLessThan(r.out().indexOf("memory.limit_in_bytes"));
    }

    @Test
    void gWithAPathNamesTheGroup() {
        assertThat(cgget("-g", "pids:web", "-g", "cpu,pids:web/a").out())
                .isEqualTo(cgget("-g", "pids", "web").out() + "web/a:\n" + cgget("-n", "-g", "cpu", "web/a").out() + "\n");
    }

    @Test
    void aMissingGroupOrUnmountedControllerListsNothingAndSucceeds() {
        assertThat(cgget("-g", "cpu", "nosuch").out()).isEqualTo("nosuch:\n\n");
        assertThat(cgget("-g", "bogus", "web").out()).isEqualTo("web:\n\n");
        assertThat(cgget("-g", ":web").out()).isEqualTo("web:\n\n");
    }

    @Test
    void readFailuresAreEcgotherAndPrintNothing() {
        Run missingFile = cgget("-r", "cpu.nonexistent", "web");
        assertThat(missingFile.status()).isEqualTo(96);
        assertThat(missingFile.out()).isEmpty();
        assertThat(missingFile.errLines()).hasSize(1);
        assertThat(missingFile.err()).contains("cpu.nonexistent", "web", "cgget -g cpu web");

        Run missingGroup = cgget("-r", "cpu.shares", "web", "nosuch");
        assertThat(missingGroup.status()).isEqualTo(96);
        assertThat(missingGroup.out()).isEmpty();
        assertThat(missingGroup.err()).contains("nosuch", "does not exist", "cgcreate -g cpu:nosuch");

        Run unmounted = cgget("-r", "bogus.x", "web");
        assertThat(unmounted.status()).isEqualTo(96);
        assertThat(unmounted.err()).contains("no bogus controller is mounted", "available: cpu");
    }

    @Test
    void mistakesLibcgroupCatchesWhileReadingOptionsKeepItsCodes() {
        assertThat(cgget("-r", "nodot", "web").status()).isEqualTo(91);
        assertThat(cgget("-r", "cpu.shares", "-r", "cpu.shares", "web").status()).isEqualTo(90);
        assertThat(cgget("-g", "cpu:web", "-g", "cpu:web/a", "-g", "pids").status()).isEqualTo(88);
    }

    @Test
    void wrongCombinationsAreUsageErrors() {
        for (String[] args : new String[][] {{"-r", "cpu.shares", "-g", "cpu", "web"}, {"-g", "cpu:web", "web"},
                {"-r", "cpu.shares"}, {}, {"-o", "yaml", "web"}}) {
            Run r = cgget(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(129);
            assertThat(r.out()).isEmpty();
            assertThat(r.errLines()).hasSize(2);
            // libcgroup prints only this line: it comes first, jcg's explanation second
            assertThat(r.errLines()[0]).isEqualTo("Wrong input parameters, try cgget -h' for more information.");
            assertThat(r.errLines()[1]).startsWith("cgget: ");
        }
        Run getopt = cgget("-x", "web");
        assertThat(getopt.status()).isEqualTo(129);
        assertThat(getopt.errLines()).containsExactly("cgget: invalid option -- 'x'", "Wrong input parameters, try cgget -h' for more information.");
    }

    @Test
    void modeLineComesFirst() {
        assertThat(cgget("-m").out()).isEqualTo("Hybrid mode (Cgroup v1/v2).\n");
        assertThat(cgget("-m", "-n", "-r", "cpu.shares", "web").out()).isEqualTo("Hybrid mode (Cgroup v1/v2).\ncpu.shares: 512\n");
    }

    @Test
    void v2VocabularyOnThisV1CpuHierarchy() {
        assertThat(Run.as("cgxget", "-2", "-r", "cpu.max", "-r", "cpu.weight", "web").out())
                .isEqualTo("web:\ncpu.max: max 100000\ncpu.weight: 50\n\n");
        assertThat(Run.as("cgxget", "-2", "-n", "-r", "memory.max", "web").out()).isEqualTo("memory.max: 67108864\n");
        assertThat(Run.as("jcg", "get", "-2", "-r", "cpu.stat", "web").status()).isEqualTo(111);
        assertThat(Run.as("cgxget", "-2", "-i", "-n", "-r", "cpu.stat", "-r", "cpu.weight", "web").out()).isEqualTo("cpu.weight: 50\n");
    }

    @Test
    void jsonHasTheRawValues() {
        Run r = Run.as("jcg", "get", "-o", "json", "-r", "cpu.shares", "-r", "cpu.stat", "web");
        assertThat(r.out()).isEqualTo("{\"groups\":[{\"group\":\"web\",\"values\":{\"cpu.shares\":\"512\","
                + "\"cpu.stat\":\"nr_periods 0\\nnr_throttled 0\\nthrottled_time 0\"}}]}\n");
    }

    @Test
    void anUnreadableFileShowsAnEmptyValue() {
        host.group("cpu", "web", Map.of("cpu.empty", ""));
        assertThat(cgget("-n", "-r", "cpu.empty", "web").out()).isEqualTo("cpu.empty: \n");
    }
}
