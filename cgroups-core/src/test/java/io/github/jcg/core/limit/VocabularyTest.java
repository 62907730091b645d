package io.github.jcg.core.limit;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.UnmappableSettingException.Reason;
import io.github.jcg.core.UnmappableSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.github.jcg.core.CgroupVersion.V1;
import static io.github.jcg.core.CgroupVersion.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every entry of libcgroup 3.x's abstraction-map.c, both ways, with the value conversions of abstraction-*.c. */
class VocabularyTest {
    /** A target group whose files must not be read: a write that needs one is a bug. */
    private static final Function<String, String> NO_READS = file -> {
        throw new AssertionError("read " + file);
    };

    private static String read(String name, CgroupVersion asked, CgroupVersion disk, Map<String, String> files) {
        Vocabulary.Read read = Vocabulary.forRead(name, asked, disk, false).orElseThrow();
        return Vocabulary.valueOf(read, files);
    }

    private static List<Map.Entry<String, String>> write(CgroupVersion asked, CgroupVersion disk, Function<String, String> current,
                                                         String... nameValues) {
        List<Map.Entry<String, String>> rules = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            rules.add(Map.entry(nameValues[i], nameValues[i + 1]));
        }
        return Vocabulary.forWrite(rules, asked, disk, false).writesFor(current);
    }

    private static UnmappableSettingException failure(Runnable r) {
        try {
            r.run();
        } catch (UnmappableSettingException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }

    @Test
    void cpuMaxIsReadFromQuotaAndPeriodOnV1() {
        assertThat(Vocabulary.forRead("cpu.max", V2, V1, false).orElseThrow().diskNames())
                .containsExactly("cpu.cfs_quota_us", "cpu.cfs_period_us");
        assertThat(read("cpu.max", V2, V1, Map.of("cpu.cfs_quota_us", "-1", "cpu.cfs_period_us", "100000"))).isEqualTo("max 100000");
        assertThat(read("cpu.max", V2, V1, Map.of("cpu.cfs_quota_us", "50000", "cpu.cfs_period_us", "100000")))
                .isEqualTo("50000 100000");
    }

    @Test
    void quotaAndPeriodAreReadFromCpuMaxOnV2() {
        assertThat(Vocabulary.forRead("cpu.cfs_period_us", V1, V2, false).orElseThrow().diskNames()).containsExactly("cpu.max");
        assertThat(read("cpu.cfs_quota_us", V1, V2, Map.of("cpu.max", "max 100000"))).isEqualTo("-1");
        assertThat(read("cpu.cfs_quota_us", V1, V2, Map.of("cpu.max", "20000 50000"))).isEqualTo("20000");
        assertThat(read("cpu.cfs_period_us", V1, V2, Map.of("cpu.max", "20000 50000"))).isEqualTo("50000");
        assertThat(read("cpu.cfs_period_us", V1, V2, Map.of("cpu.max", "max 100000"))).isEqualTo("100000");
    }

    @ParameterizedTest
    @CsvSource({"1024, 100", "512, 50", "2, 0", "1000, 97", "262144, 25600", "10, 0", "11, 1"})
    void sharesBecomeWeightByLibcgroupsUnclampedIntegerScaling(String shares, String weight) {
        assertThat(read("cpu.weight", V2, V1, Map.of("cpu.shares", shares))).isEqualTo(weight);
        assertThat(write(V1, V2, NO_READS, "cpu.shares", shares)).containsExactly(Map.entry("cpu.weight", weight));
    }

    @ParameterizedTest
    @CsvSource({"100, 1024", "200, 2048", "1, 10", "3, 30", "10000, 102400", "50, 512"})
    void weightBecomesSharesTheSameWay(String weight, String shares) {
        assertThat(read("cpu.shares", V1, V2, Map.of("cpu.weight", weight))).isEqualTo(shares);
        assertThat(write(V2, V1, NO_READS, "cpu.weight", weight)).containsExactly(Map.entry("cpu.shares", shares));
    }

    @Test
    void memoryLimitsSpellNoLimitAsMaxOnV2() {
        assertThat(read("memory.max", V2, V1, Map.of("memory.limit_in_bytes", "9223372036854771712"))).isEqualTo("max");
        assertThat(read("memory.high", V2, V1, Map.of("memory.soft_limit_in_bytes", "67108864"))).isEqualTo("67108864");
        assertThat(read("memory.limit_in_bytes", V1, V2, Map.of("memory.max", "max"))).isEqualTo("9223372036854771712");
        assertThat(read("memory.soft_limit_in_bytes", V1, V2, Map.of("memory.high", "max"))).isEqualTo("9223372036854771712");
        assertThat(read("memory.soft_limit_in_bytes", V1, V2, Map.of("memory.high", "1048576"))).isEqualTo("1048576");
        assertThat(write(V2, V1, NO_READS, "memory.max", "max")).containsExactly(Map.entry("memory.limit_in_bytes", "9223372036854771712"));
        assertThat(write(V2, V1, NO_READS, "memory.high", "4096")).containsExactly(Map.entry("memory.soft_limit_in_bytes", "4096"));
        assertThat(write(V1, V2, NO_READS, "memory.limit_in_bytes", "-1")).containsExactly(Map.entry("memory.max", "max"));
        assertThat(write(V1, V2, NO_READS, "memory.limit_in_bytes", "9223372036854771712")).containsExactly(Map.entry("memory.max", "max"));
        assertThat(write(V1, V2, NO_READS, "memory.soft_limit_in_bytes", "-1")).containsExactly(Map.entry("memory.high", "max"));
        assertThat(write(V1, V2, NO_READS, "memory.soft_limit_in_bytes", "1048576")).containsExactly(Map.entry("memory.high", "1048576"));
    }

    @Test
    void cpusetNamesAndValues() {
        assertThat(read("cpuset.cpus.effective", V2, V1, Map.of("cpuset.effective_cpus", "0-3"))).isEqualTo("0-3");
        assertThat(read("cpuset.mems.effective", V2, V1, Map.of("cpuset.effective_mems", "0"))).isEqualTo("0");
        assertThat(read("cpuset.effective_cpus", V1, V2, Map.of("cpuset.cpus.effective", "1"))).isEqualTo("1");
        assertThat(read("cpuset.effective_mems", V1, V2, Map.of("cpuset.mems.effective", "0-1"))).isEqualTo("0-1");
        assertThat(write(V1, V2, NO_READS, "cpuset.cpus", "0-1", "cpuset.mems", "0"))
                .containsExactly(Map.entry("cpuset.cpus", "0-1"), Map.entry("cpuset.mems", "0"));
        assertThat(write(V2, V1, NO_READS, "cpuset.cpus", "1")).containsExactly(Map.entry("cpuset.cpus", "1"));
    }

    @ParameterizedTest
    @CsvSource({"root, 1", "member, 0", "isolated, 0", "root invalid (Cpu list in cpuset.cpus not exclusive), 0"})
    void partitionBecomesCpuExclusiveOnlyRootIsOne(String partition, String exclusive) {
        assertThat(read("cpuset.cpu_exclusive", V1, V2, Map.of("cpuset.cpus.partition", partition))).isEqualTo(exclusive);
        assertThat(write(V2, V1, NO_READS, "cpuset.cpus.partition", partition)).containsExactly(Map.entry("cpuset.cpu_exclusive", exclusive));
    }

    @ParameterizedTest
    @CsvSource({"1, root", "0, member", "2, member"})
    void cpuExclusiveBecomesPartitionOnlyOneIsRoot(String exclusive, String partition) {
        assertThat(read("cpuset.cpus.partition", V2, V1, Map.of("cpuset.cpu_exclusive", exclusive))).isEqualTo(partition);
        assertThat(write(V1, V2, NO_READS, "cpuset.cpu_exclusive", exclusive)).containsExactly(Map.entry("cpuset.cpus.partition", partition));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpuset.mem_exclusive", "cpuset.mem_hardwall", "cpuset.memory_migrate", "cpuset.memory_pressure",
            "cpuset.mem_pressure_enabled", "cpuset.memory_pressure_enabled", "cpuset.memory_spread_page",
            "cpuset.memory_spread_slab", "cpuset.sched_load_balance", "cpuset.sched_relax_domain_level"})
    void v1OnlyCpusetFilesAreUnmappable(String name) {
        assertThat(failure(() -> Vocabulary.forRead(name, V1, V2, false)).reason()).isEqualTo(Reason.NO_EQUIVALENT);
        assertThat(Vocabulary.forRead(name, V1, V2, true)).isEmpty();
        assertThat(Vocabulary.forWrite(List.of(Map.entry(name, "1")), V1, V2, true).isEmpty()).isTrue();
    }

    @Test
    void cpuStatIsUnmappableBothWays() {
        assertThat(failure(() -> Vocabulary.forRead("cpu.stat", V2, V1, false)).reason()).isEqualTo(Reason.NO_EQUIVALENT);
        assertThat(failure(() -> Vocabulary.forRead("cpu.stat", V1, V2, false)).reason()).isEqualTo(Reason.NO_EQUIVALENT);
        assertThat(Vocabulary.forRead("cpu.stat", V2, V1, true)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"freezer.state, V1", "cgroup.freeze, V2", "memory.memsw.limit_in_bytes, V1", "memory.swap.max, V2", "pids.max, V1",
            "pids.max, V2", "cpu.weight.nice, V2", "cpu.max.burst, V2", "cpu.cfs_burst_us, V1", "blkio.weight, V1", "io.max, V2",
            "cpuset.cpus.exclusive, V2", "memory.low, V2"})
    void settingsLibcgroupDoesNotMapAreInvalidEvenWithMinusI(String name, CgroupVersion asked) {
        CgroupVersion disk = asked == V1 ? V2 : V1;
        assertThat(failure(() -> Vocabulary.forRead(name, asked, disk, true)).reason()).isEqualTo(Reason.UNKNOWN_NAME);
        assertThat(failure(() -> Vocabulary.forWrite(List.of(Map.entry(name, "1")), asked, disk, true)).reason())
                .isEqualTo(Reason.UNKNOWN_NAME);
    }

    @Test
    void sameVersionPassesThroughWhateverTheName() {
        assertThat(write(V1, V1, NO_READS, "pids.max", "10", "freezer.state", "FROZEN"))
                .containsExactly(Map.entry("pids.max", "10"), Map.entry("freezer.state", "FROZEN"));
        assertThat(Vocabulary.forRead("pids.max", V2, V2, false).orElseThrow().diskNames()).containsExactly("pids.max");
    }

    @Test
    void cpuMaxIsWrittenAsQuotaThenPeriodOnV1() {
        assertThat(write(V2, V1, NO_READS, "cpu.max", "50000 100000"))
                .containsExactly(Map.entry("cpu.cfs_quota_us", "50000"), Map.entry("cpu.cfs_period_us", "100000"));
        assertThat(write(V2, V1, NO_READS, "cpu.max", "max 41000"))
                .containsExactly(Map.entry("cpu.cfs_quota_us", "-1"), Map.entry("cpu.cfs_period_us", "41000"));
        assertThat(write(V2, V1, NO_READS, "cpu.max", "max")).containsExactly(Map.entry("cpu.cfs_quota_us", "-1"));
    }

    @Test
    void aQuotaAloneKeepsTheCurrentPeriodOfCpuMax() {
        Map<String, String> asked = new LinkedHashMap<>();
        Function<String, String> current = file -> {
            asked.put(file, "read");
            return "max 50000";
        };
        assertThat(write(V1, V2, current, "cpu.cfs_quota_us", "20000")).containsExactly(Map.entry("cpu.max", "20000 50000"));
        assertThat(asked).containsOnlyKeys("cpu.max");
        assertThat(write(V1, V2, f -> "20000 50000", "cpu.cfs_quota_us", "-1")).containsExactly(Map.entry("cpu.max", "max 50000"));
    }

    @Test
    void aPeriodAloneKeepsTheCurrentQuota() {
        assertThat(write(V1, V2, f -> "20000 50000", "cpu.cfs_period_us", "40000")).containsExactly(Map.entry("cpu.max", "20000 40000"));
        assertThat(write(V1, V2, f -> "max 100000", "cpu.cfs_period_us", "50000")).containsExactly(Map.entry("cpu.max", "max 50000"));
        // libcgroup turns a period of -1 into "max" too, which the kernel then refuses
        assertThat(write(V1, V2, f -> "max 100000", "cpu.cfs_period_us", "-1")).containsExactly(Map.entry("cpu.max", "max max"));
    }

    @Test
    void quotaAndPeriodTogetherAreOneWriteOfCpuMaxFirst() {
        assertThat(write(V1, V2, NO_READS, "cpu.shares", "512", "cpu.cfs_quota_us", "30000", "cpu.cfs_period_us", "60000"))
                .containsExactly(Map.entry("cpu.max", "30000 60000"), Map.entry("cpu.weight", "50"));
        assertThat(write(V1, V2, NO_READS, "cpu.cfs_period_us", "60000", "cpu.cfs_quota_us", "-1"))
                .containsExactly(Map.entry("cpu.max", "max 60000"));
    }

    @Test
    void eachTargetGroupKeepsItsOwnPeriod() {
        Vocabulary.WritePlan plan = Vocabulary.forWrite(List.of(Map.entry("cpu.cfs_quota_us", "20000")), V1, V2, false);
        assertThat(plan.writesFor(f -> "max 50000")).containsExactly(Map.entry("cpu.max", "20000 50000"));
        assertThat(plan.writesFor(f -> "10000 70000")).containsExactly(Map.entry("cpu.max", "20000 70000"));
    }

    @Test
    void aQuotaAloneNeedsAPeriodToKeep() {
        UnmappableSettingException e = failure(() -> write(V1, V2, f -> "max", "cpu.cfs_quota_us", "20000"));
        assertThat(e.reason()).isEqualTo(Reason.UNCONVERTIBLE_VALUE);
        assertThat(e.getMessage()).contains("cpu.cfs_period_us");
    }

    @Test
    void aWholeV1ControllerBecomesV2NamesWithCpuMaxFirst() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cpu.shares", "512");
        files.put("cpu.cfs_quota_us", "-1");
        files.put("cpu.cfs_period_us", "100000");
        files.put("cpu.stat", "nr_periods 0");
        assertThat(Vocabulary.translateAll(files, V1, V2, true)).containsExactly(Map.entry("cpu.max", "max 100000"),
                Map.entry("cpu.weight", "50"));
    }

    @Test
    void aWholeV2ControllerGivesQuotaAndPeriodForCpuMax() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cpu.weight", "200");
        files.put("cpu.max", "20000 50000");
        files.put("cpu.stat", "usage_usec 0");
        assertThat(Vocabulary.translateAll(files, V2, V1, true)).containsExactly(Map.entry("cpu.shares", "2048"),
                Map.entry("cpu.cfs_quota_us", "20000"), Map.entry("cpu.cfs_period_us", "50000"));
        files.put("cpu.max.burst", "0");
        assertThat(failure(() -> Vocabulary.translateAll(files, V2, V1, true)).reason()).isEqualTo(Reason.UNKNOWN_NAME);
    }

    @Test
    void numbersThatAreNotNumbersFailWithEcgfail() {
        UnmappableSettingException e = failure(() -> write(V2, V1, NO_READS, "cpu.weight", "lots"));
        assertThat(e.reason()).isEqualTo(Reason.UNCONVERTIBLE_VALUE);
        assertThat(e.getMessage()).contains("'lots'").doesNotContain("\n");
        assertThat(failure(() -> write(V1, V2, NO_READS, "cpu.shares", "99999999999999999999")).reason()).isEqualTo(Reason.UNCONVERTIBLE_VALUE);
    }

    @Test
    void aBadRuleStopsThePlanBeforeAnyTargetIsRead() {
        assertThatThrownBy(() -> Vocabulary.forWrite(List.of(Map.entry("cpu.cfs_quota_us", "20000"), Map.entry("cpu.stat", "1")),
                V1, V2, false)).isInstanceOf(UnmappableSettingException.class);
    }
}
