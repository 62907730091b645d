package io.github.jcg.cli.commands;

import io.github.jcg.cli.FakeHosts;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.Run;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cgxget/cgxset ({@code jcg get/set -1/-2}) on fake v2-only and v1 trees: the exact bytes
 * written and the exact output, as libcgroup 3.x's abstraction layer gives them.
 * <p>Control files are plain files here and jcg does not truncate (the kernel needs no
 * truncation), so each file a test expects written starts out no longer than what is written
 * over it: what the test then reads is exactly what jcg wrote.
 */
class TranslationCommandTest {
    @TempDir
    Path root;
    FakeHost host;
    Hosts.Scope scope;

    @AfterEach
    void tearDown() {
        scope.close();
    }

    String file(String hierarchy, String group, String name) {
        try {
            return Files.readString(host.groupDir(hierarchy, group).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertFailedCleanly(Run r, int status, String... words) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).contains(words);
    }

    /** A cgroup v2-only host; its settings are asked for in v1's words. */
    @Nested
    class OnAV2Host {
        void v2Host(Map<String, String> web) {
            host = FakeHost.unifiedAllEnabled(root);
            scope = FakeHosts.use(host);
            host.v2Group("web", web);
        }

        String web(String name) {
            return file("", "web", name);
        }

        @Test
        void aQuotaAloneIsWrittenAsCpuMaxWithTheCurrentPeriod() {
            v2Host(Map.of("cpu.max", "max 50000"));
            Run r = Run.as("jcg", "set", "-1", "-r", "cpu.cfs_quota_us=20000", "web");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out() + r.err()).isEmpty();
            assertThat(web("cpu.max")).isEqualTo("20000 50000");
        }

        @Test
        void noQuotaIsMax() {
            v2Host(Map.of("cpu.max", "1 50000"));
            assertThat(Run.as("cgxset", "-1", "-r", "cpu.cfs_quota_us=-1", "web").status()).isZero();
            assertThat(web("cpu.max")).isEqualTo("max 50000");
        }

        @Test
        void aPeriodAloneKeepsTheCurrentQuota() {
            v2Host(Map.of("cpu.max", "5000 1000"));
            assertThat(Run.as("cgxset", "-1", "-r", "cpu.cfs_period_us=40000", "web").status()).isZero();
            assertThat(web("cpu.max")).isEqualTo("5000 40000");
        }

        @Test
        void aPeriodAloneUnderNoQuotaKeepsMax() {
            v2Host(Map.of("cpu.max", "max 1000"));
            assertThat(Run.as("cgxset", "-1", "-r", "cpu.cfs_period_us=40000", "web").status()).isZero();
            assertThat(web("cpu.max")).isEqualTo("max 40000");
        }

        @Test
        void quotaAndPeriodTogetherAreOneWriteThatNeedsNoCurrentValue() {
            // a cpu.max with no period to keep: writing the quota on its own would fail
            v2Host(Map.of("cpu.max", "x"));
            Run r = Run.as("cgxset", "-1", "-r", "cpu.cfs_quota_us=30000", "-r", "cpu.cfs_period_us=60000", "web");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(web("cpu.max")).isEqualTo("30000 60000");
        }

        @Test
        void aQuotaAloneWithNoPeriodToKeepFailsAndWritesNothing() {
            v2Host(Map.of("cpu.max", "x"));
            assertFailedCleanly(Run.as("jcg", "set", "-1", "-r", "cpu.cfs_quota_us=30000", "web"), 93, "cpu.cfs_period_us");
            assertThat(web("cpu.max")).isEqualTo("x\n");
        }

        @Test
        void recursiveKeepsEachGroupsOwnPeriod() {
            v2Host(Map.of("cpu.max", "max 50000"));
            host.v2Group("web/a", Map.of("cpu.max", "max 70000"));
            assertThat(Run.as("cgxset", "-R", "-1", "-r", "cpu.cfs_quota_us=20000", "web").status()).isZero();
            assertThat(web("cpu.max")).isEqualTo("20000 50000");
            assertThat(file("", "web/a", "cpu.max")).isEqualTo("20000 70000");
        }

        @Test
        void everyOtherMappedSetting() {
            v2Host(Map.of("cpu.weight", "1", "memory.max", "0", "memory.high", "0", "cpuset.cpus", "", "cpuset.mems", "",
                    "cpuset.cpus.partition", "x"));
            Run r = Run.as("cgxset", "-1", "-r", "cpu.shares=512", "-r", "memory.limit_in_bytes=-1",
                    "-r", "memory.soft_limit_in_bytes=1048576", "-r", "cpuset.cpus=0-1", "-r", "cpuset.mems=0",
                    "-r", "cpuset.cpu_exclusive=1", "web");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(web("cpu.weight")).isEqualTo("50");
            assertThat(web("memory.max")).isEqualTo("max");
            assertThat(web("memory.high")).isEqualTo("1048576");
            assertThat(web("cpuset.cpus")).isEqualTo("0-1");
            assertThat(web("cpuset.mems")).isEqualTo("0");
            assertThat(web("cpuset.cpus.partition")).isEqualTo("root");
        }

        @Test
        void v1sUnlimitedMemoryValueIsMax() {
            v2Host(Map.of("memory.max", "0"));
            assertThat(Run.as("cgxset", "-1", "-r", "memory.limit_in_bytes=9223372036854771712", "web").status()).isZero();
            assertThat(web("memory.max")).isEqualTo("max");
        }

        @Test
        void cpuExclusiveZeroIsMember() {
            v2Host(Map.of("cpuset.cpus.partition", "x"));
            assertThat(Run.as("cgxset", "-1", "-r", "cpuset.cpu_exclusive=0", "web").status()).isZero();
            assertThat(web("cpuset.cpus.partition")).isEqualTo("member");
        }

        @Test
        void readingV1NamesReadsTheirV2Files() {
            v2Host(Map.of("cpu.max", "20000 50000", "cpu.weight", "50", "memory.max", "max", "memory.high", "1048576",
                    "cpuset.cpus.effective", "0-1", "cpuset.mems.effective", "0", "cpuset.cpus.partition", "isolated"));
            Run r = Run.as("cgxget", "-1", "-r", "cpu.cfs_quota_us", "-r", "cpu.cfs_period_us", "-r", "cpu.shares",
                    "-r", "memory.limit_in_bytes", "-r", "memory.soft_limit_in_bytes", "-r", "cpuset.effective_cpus",
                    "-r", "cpuset.effective_mems", "-r", "cpuset.cpu_exclusive", "web");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).isEqualTo("""
                    web:
                    cpu.cfs_quota_us: 20000
                    cpu.cfs_period_us: 50000
                    cpu.shares: 512
                    memory.limit_in_bytes: 9223372036854771712
                    memory.soft_limit_in_bytes: 1048576
                    cpuset.effective_cpus: 0-1
                    cpuset.effective_mems: 0
                    cpuset.cpu_exclusive: 0

                    """);
        }

        @Test
        void noQuotaReadsAsMinusOne() {
            v2Host(Map.of());
            assertThat(Run.as("jcg", "get", "-1", "-n", "-v", "-r", "cpu.cfs_quota_us", "-r", "cpu.cfs_period_us", "web").out())
                    .isEqualTo("-1\n100000\n");
        }

        @Test
        void aRootPartitionReadsAsExclusive() {
            v2Host(Map.of("cpuset.cpus.partition", "root"));
            assertThat(Run.as("cgxget", "-1", "-n", "-r", "cpuset.cpu_exclusive", "web").out()).isEqualTo("cpuset.cpu_exclusive: 1\n");
        }

        @Test
        void aWholeControllerInV1Words() {
            v2Host(Map.of("cpuset.cpus", "0-1", "cpuset.mems", "0"));
            Run r = Run.as("cgxget", "-1", "-n", "-g", "cpuset", "web");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out().split("\n")).containsExactlyInAnyOrder("cpuset.cpus: 0-1", "cpuset.mems: 0",
                    "cpuset.effective_cpus: 0-3", "cpuset.effective_mems: 0", "cpuset.cpu_exclusive: 0");
        }

        @Test
        void unmappableSettingsFailOrAreSkippedWithMinusI() {
            v2Host(Map.of("cpu.weight", "1"));
            assertFailedCleanly(Run.as("cgxset", "-1", "-r", "cpuset.mem_exclusive=1", "web"), 111, "cpuset.mem_exclusive", "-i");
            Run skipped = Run.as("cgxset", "-1", "-i", "-r", "cpuset.mem_exclusive=1", "-r", "cpu.shares=2048", "web");
            assertThat(skipped.status()).as(skipped.toString()).isZero();
            assertThat(web("cpu.weight")).isEqualTo("200");
            assertThat(Run.as("cgxget", "-1", "-i", "-n", "-r", "cpu.stat", "web").out()).isEmpty();
        }

        @Test
        void settingsLibcgroupDoesNotMapAreInvalid() {
            v2Host(Map.of());
            // libcgroup maps no freezer file: freezer.state stays a v1 name, of a controller v2 does not have,
            // which cgroup_convert_cgroup's cgroup_get_controller_version answers with ECGROUPNOTEXIST
            assertFailedCleanly(Run.as("cgxset", "-1", "-r", "freezer.state=FROZEN", "web"), 82, "freezer");
            assertThat(web("cgroup.freeze")).isEqualTo("0\n");
            assertFailedCleanly(Run.as("cgxset", "-1", "-i", "-r", "memory.memsw.limit_in_bytes=1", "web"), 91, "memory.memsw");
            assertFailedCleanly(Run.as("cgxget", "-1", "-r", "pids.max", "web"), 91, "pids.max");
        }

        @Test
        void badValuesAreOneLineAndNothingIsWritten() {
            v2Host(Map.of("cpu.max", "max 50000", "cpu.weight", "100"));
            assertFailedCleanly(Run.as("cgxset", "-1", "-r", "cpu.shares=lots", "web"), 93, "'lots'");
            assertFailedCleanly(Run.as("cgxset", "-1", "-r", "cpu.cfs_quota_us=abc", "web"), 96, "cpu.max");
            assertFailedCleanly(Run.as("cgxset", "-1", "-r", "cpu.cfs_quota_us=500", "web"), 96, "cpu.max", "500");
            assertFailedCleanly(Run.as("cgxset", "-1", "-r", "cpu.cfs_period_us=-1", "web"), 96, "cpu.max");
            // libcgroup's arithmetic gives weight 0, which the kernel refuses
            assertFailedCleanly(Run.as("cgxset", "-1", "-r", "cpu.shares=2", "web"), 96, "cpu.weight");
            // a later bad value stops the earlier good one too
            assertFailedCleanly(Run.as("cgxset", "-1", "-r", "cpu.shares=2048", "-r", "cpu.cfs_quota_us=10", "web"), 96, "cpu.max");
            assertThat(web("cpu.max")).isEqualTo("max 50000\n");
            assertThat(web("cpu.weight")).isEqualTo("100\n");
        }

        @Test
        void aMissingGroupIsCgsetsMissingGroup() {
            v2Host(Map.of());
            assertThat(Run.as("cgxset", "-1", "-r", "cpu.cfs_quota_us=20000", "nosuch").status()).isEqualTo(95);
        }
    }

    /** A host whose controllers are on v1 hierarchies; settings are asked for in v2's words. */
    @Nested
    class OnAV1Host {
        void v1Host() {
            host = FakeHost.hybridWithCpuset(root);
            scope = FakeHosts.use(host);
            host.cpuGroup("web", "1024", "-1");
            host.memoryGroup("web", "67108864");
            host.group("cpuset", "web", Map.of("cgroup.procs", "", "tasks", "", "cpuset.cpus", "0-3\n", "cpuset.mems", "0\n",
                    "cpuset.effective_cpus", "0-3\n", "cpuset.effective_mems", "0\n", "cpuset.cpu_exclusive", "1\n",
                    "cpuset.mem_exclusive", "0\n"));
        }

        void put(String hierarchy, String name, String text) {
            host.group(hierarchy, "web", Map.of(name, text));
        }

        @Test
        void cpuMaxIsWrittenAsQuotaThenPeriod() {
            v1Host();
            put("cpu", "cpu.cfs_quota_us", "1");
            put("cpu", "cpu.cfs_period_us", "1");
            Run r = Run.as("jcg", "set", "-2", "-r", "cpu.max=max 41000", "web");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(file("cpu", "web", "cpu.cfs_quota_us")).isEqualTo("-1");
            assertThat(file("cpu", "web", "cpu.cfs_period_us")).isEqualTo("41000");
        }

        @Test
        void cpuMaxWithOnlyAQuotaLeavesThePeriod() {
            v1Host();
            put("cpu", "cpu.cfs_quota_us", "1");
            assertThat(Run.as("cgxset", "-2", "-r", "cpu.max=30000", "web").status()).isZero();
            assertThat(file("cpu", "web", "cpu.cfs_quota_us")).isEqualTo("30000");
            assertThat(file("cpu", "web", "cpu.cfs_period_us")).isEqualTo("100000\n");
        }

        @Test
        void everyOtherMappedSetting() {
            v1Host();
            put("cpu", "cpu.shares", "1");
            put("memory", "memory.limit_in_bytes", "0");
            put("memory", "memory.soft_limit_in_bytes", "0");
            put("cpuset", "cpuset.cpus", "");
            put("cpuset", "cpuset.cpu_exclusive", "");
            Run r = Run.as("cgxset", "-2", "-r", "cpu.weight=1", "-r", "memory.max=max", "-r", "memory.high=4096",
                    "-r", "cpuset.cpus=1", "-r", "cpuset.cpus.partition=isolated", "web");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(file("cpu", "web", "cpu.shares")).isEqualTo("10");
            assertThat(file("memory", "web", "memory.limit_in_bytes")).isEqualTo("9223372036854771712");
            assertThat(file("memory", "web", "memory.soft_limit_in_bytes")).isEqualTo("4096");
            assertThat(file("cpuset", "web", "cpuset.cpus")).isEqualTo("1");
            assertThat(file("cpuset", "web", "cpuset.cpu_exclusive")).isEqualTo("0");
        }

        @Test
        void aRootPartitionIsExclusive() {
            v1Host();
            put("cpuset", "cpuset.cpu_exclusive", "");
            assertThat(Run.as("cgxset", "-2", "-r", "cpuset.cpus.partition=root", "web").status()).isZero();
            assertThat(file("cpuset", "web", "cpuset.cpu_exclusive")).isEqualTo("1");
        }

        @Test
        void readingV2NamesReadsTheirV1Files() {
            v1Host();
            put("cpu", "cpu.cfs_quota_us", "20000\n");
            put("cpu", "cpu.shares", "2\n");
            put("memory", "memory.soft_limit_in_bytes", "9223372036854771712\n");
            Run r = Run.as("cgxget", "-2", "-r", "cpu.max", "-r", "cpu.weight", "-r", "memory.max", "-r", "memory.high",
                    "-r", "cpuset.cpus.effective", "-r", "cpuset.mems.effective", "-r", "cpuset.cpus.partition", "web");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out()).isEqualTo("""
                    web:
                    cpu.max: 20000 100000
                    cpu.weight: 0
                    memory.max: 67108864
                    memory.high: max
                    cpuset.cpus.effective: 0-3
                    cpuset.mems.effective: 0
                    cpuset.cpus.partition: root

                    """);
        }

        @Test
        void unmappableAndUnknownSettings() {
            v1Host();
            assertFailedCleanly(Run.as("cgxget", "-2", "-r", "cpu.stat", "web"), 111, "cpu.stat");
            assertFailedCleanly(Run.as("cgxset", "-2", "-r", "memory.swap.max=max", "web"), 91, "memory.swap.max");
            assertFailedCleanly(Run.as("cgxget", "-2", "-r", "cpu.max.burst", "web"), 91, "cpu.max.burst");
        }

        @Test
        void badValuesAreOneLineAndNothingIsWritten() {
            v1Host();
            assertFailedCleanly(Run.as("cgxset", "-2", "-r", "cpu.weight=abc", "web"), 93, "'abc'");
            assertFailedCleanly(Run.as("cgxset", "-2", "-r", "cpu.max=abc 100000", "web"), 96, "cpu.cfs_quota_us");
            assertFailedCleanly(Run.as("cgxset", "-2", "-r", "cpu.max=max 100", "web"), 96, "cpu.cfs_period_us");
            assertThat(file("cpu", "web", "cpu.cfs_quota_us")).isEqualTo("-1\n");
            assertThat(file("cpu", "web", "cpu.cfs_period_us")).isEqualTo("100000\n");
        }
    }
}
