package io.github.jcg.cli.compat;

import io.github.jcg.cli.ExitCodes;
import io.github.jcg.cli.ToolException;
import io.github.jcg.core.CgroupVersion;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.jcg.core.CgroupVersion.V1;
import static io.github.jcg.core.CgroupVersion.V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VocabularyTest {
    private static String read(String name, CgroupVersion asked, CgroupVersion disk, Map<String, String> files) {
        Vocabulary.Read read = Vocabulary.forRead(name, asked, disk, false).orElseThrow();
        return Vocabulary.valueOf(read, files);
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
        assertThat(read("cpu.cfs_quota_us", V1, V2, Map.of("cpu.max", "max 100000"))).isEqualTo("-1");
        assertThat(read("cpu.cfs_quota_us", V1, V2, Map.of("cpu.max", "20000 50000"))).isEqualTo("20000");
        assertThat(read("cpu.cfs_period_us", V1, V2, Map.of("cpu.max", "20000 50000"))).isEqualTo("50000");
    }

    @Test
    void sharesAndWeightUseLibcgroupsLinearFormula() {
        assertThat(read("cpu.weight", V2, V1, Map.of("cpu.shares", "1024"))).isEqualTo("100");
        assertThat(read("cpu.weight", V2, V1, Map.of("cpu.shares", "512"))).isEqualTo("50");
        assertThat(read("cpu.shares", V1, V2, Map.of("cpu.weight", "100"))).isEqualTo("1024");
        assertThat(Vocabulary.forWrite("cpu.weight", "200", V2, V1, false)).containsExactly(Map.entry("cpu.shares", "2048"));
    }

    @Test
    void memoryLimitsSpellNoLimitAsMaxOnV2() {
        assertThat(read("memory.max", V2, V1, Map.of("memory.limit_in_bytes", "9223372036854771712"))).isEqualTo("max");
        assertThat(read("memory.high", V2, V1, Map.of("memory.soft_limit_in_bytes", "67108864"))).isEqualTo("67108864");
        assertThat(read("memory.limit_in_bytes", V1, V2, Map.of("memory.max", "max"))).isEqualTo("9223372036854771712");
        assertThat(Vocabulary.forWrite("memory.max", "max", V2, V1, false))
                .containsExactly(Map.entry("memory.limit_in_bytes", "9223372036854771712"));
    }

    @Test
    void cpuMaxIsWrittenAsQuotaThenPeriod() {
        assertThat(Vocabulary.forWrite("cpu.max", "50000 100000", V2, V1, false))
                .containsExactly(Map.entry("cpu.cfs_quota_us", "50000"), Map.entry("cpu.cfs_period_us", "100000"));
        assertThat(Vocabulary.forWrite("cpu.max", "max", V2, V1, false)).containsExactly(Map.entry("cpu.cfs_quota_us", "-1"));
    }

    @Test
    void freezerStateAndCgroupFreeze() {
        assertThat(Vocabulary.forWrite("freezer.state", "FROZEN", V1, V2, false)).containsExactly(Map.entry("cgroup.freeze", "1"));
        assertThat(Vocabulary.forWrite("cgroup.freeze", "0", V2, V1, false)).containsExactly(Map.entry("freezer.state", "THAWED"));
    }

    @Test
    void sameVersionPassesThrough() {
        assertThat(Vocabulary.forWrite("pids.max", "10", V1, V1, false)).containsExactly(Map.entry("pids.max", "10"));
        assertThat(Vocabulary.forRead("pids.max", V2, V2, false).orElseThrow().diskNames()).containsExactly("pids.max");
    }

    @Test
    void unmappableSettingsFailUnlessIgnored() {
        assertThatThrownBy(() -> Vocabulary.forRead("cpu.stat", V2, V1, false))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.status()).isEqualTo(ExitCodes.NO_VERSION_CONVERT));
        assertThat(Vocabulary.forRead("cpu.stat", V2, V1, true)).isEmpty();
        assertThat(Vocabulary.forWrite("cpuset.mem_exclusive", "1", V1, V2, true)).isEmpty();
    }

    @Test
    void settingsTheTableDoesNotKnowAreInvalidAsInLibcgroup() {
        assertThatThrownBy(() -> Vocabulary.forRead("pids.max", V2, V1, true))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.status()).isEqualTo(ExitCodes.INVALID));
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
    void numbersThatAreNotNumbersFailWithEcgfail() {
        assertThatThrownBy(() -> Vocabulary.forWrite("cpu.weight", "lots", V2, V1, false))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.status()).isEqualTo(ExitCodes.FAIL))
                .hasMessageContaining("lots");
    }

    @Test
    void halfOfCpuMaxCannotBeWrittenOnV2() {
        assertThatThrownBy(() -> Vocabulary.forWrite("cpu.cfs_quota_us", "5000", V1, V2, false)).hasMessageContaining("cpu.max");
    }
}
