package io.github.jcg.core.internal.fs;

import io.github.jcg.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class FlatKeyedTest {

    @Test
    void readsV1CpuStat() {
        FlatKeyed stat = FlatKeyed.parse(Fixtures.text("hybrid-host/cpu/cpu.stat"));

        assertThat(stat.getLong("nr_periods")).hasValue(0);
        assertThat(stat.getLong("nr_throttled")).hasValue(0);
        assertThat(stat.getLong("throttled_time")).hasValue(0);
        assertThat(stat.has("burst_time")).isTrue();
    }

    @Test
    void readsCpuacctStatTicks() {
        FlatKeyed stat = FlatKeyed.parse(Fixtures.text("hybrid-host/cpuacct/cpuacct.stat"));

        assertThat(stat.getLong("user")).hasValue(17_257);
        assertThat(stat.getLong("system")).hasValue(2_660);
    }

    @Test
    void readsV1MemoryStatIncludingTheUnlimitedSentinel() {
        FlatKeyed stat = FlatKeyed.parse(Fixtures.text("hybrid-host/memory/memory.stat"));

        assertThat(stat.getLong("total_inactive_file")).hasValue(93_069_312);
        assertThat(stat.getLong("inactive_file")).hasValue(12_288);
        assertThat(stat.getLong("hierarchical_memory_limit")).hasValue(9_223_372_036_854_771_712L);
        assertThat(stat.asMap()).hasSize(42);
    }

    @Test
    void readsV2CpuStatOfTheCoreFilesAndWithTheCpuController() {
        FlatKeyed core = FlatKeyed.parse(Fixtures.text("hybrid-host/unified/cpu.stat"));
        FlatKeyed withCpu = FlatKeyed.parse(Fixtures.text("kernel-docs/v2/cpu.stat"));

        assertThat(core.getLong("usage_usec")).hasValue(195_614_651);
        assertThat(core.has("nr_periods")).isFalse();
        assertThat(withCpu.getLong("nr_throttled")).hasValue(318);
        assertThat(withCpu.getLong("throttled_usec")).hasValue(9_830_214);
    }

    @Test
    void aMissingKeyOrANonNumberIsEmptyNotZero() {
        FlatKeyed events = FlatKeyed.parse("populated 1\nfrozen 0\nstate thawed\n");

        assertThat(events.getLong("oom_kill")).isEqualTo(OptionalLong.empty());
        assertThat(events.getLong("state")).isEmpty();
        assertThat(events.has("state")).isTrue();
        assertThat(events.getLong("populated")).hasValue(1);
    }

    @Test
    void ignoresLinesWithoutAValue() {
        FlatKeyed parsed = FlatKeyed.parse("lonely\n\nkey 5\n");

        assertThat(parsed.has("lonely")).isFalse();
        assertThat(parsed.asMap()).containsOnlyKeys("key");
    }

    @Test
    void asMapKeepsTheFileOrder() {
        // the class promises file order; cgget-style listings of memory.stat rely on it
        String text = Fixtures.text("hybrid-host/memory/memory.stat");
        List<String> keysInFile = text.lines().map(l -> l.substring(0, l.indexOf(' '))).toList();

        assertThat(FlatKeyed.parse(text).asMap().keySet()).containsExactlyElementsOf(keysInFile);
    }
}
