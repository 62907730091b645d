package io.github.jcg.core.internal.fs;

import io.github.jcg.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NestedKeyedTest {

    @Test
    void readsIoStatPerDevice() {
        Map<String, Map<String, String>> rows = NestedKeyed.parse(Fixtures.text("kernel-docs/v2/io.stat"));

        assertThat(rows).containsOnlyKeys("8:16", "8:0");
        assertThat(rows.keySet()).containsExactly("8:16", "8:0");
        assertThat(rows.get("8:0")).containsEntry("rbytes", "90430464").containsEntry("wbytes", "299008000")
                .containsEntry("rios", "8950").containsEntry("wios", "1252")
                .containsEntry("dbytes", "50331648").containsEntry("dios", "3021");
        assertThat(rows.get("8:16").keySet()).containsExactly("rbytes", "wbytes", "rios", "wios", "dbytes", "dios");
    }

    @Test
    void readsIoMaxWithMax() {
        Map<String, Map<String, String>> rows = NestedKeyed.parse(Fixtures.text("kernel-docs/v2/io.max"));

        assertThat(rows.get("8:16")).containsExactly(Map.entry("rbps", "2097152"), Map.entry("wbps", "max"),
                Map.entry("riops", "max"), Map.entry("wiops", "120"));
    }

    @Test
    void readsPressureSomeAndFullLines() {
        Map<String, Map<String, String>> cpu = NestedKeyed.parse(Fixtures.text("hybrid-host/unified/cpu.pressure"));
        Map<String, Map<String, String>> io = NestedKeyed.parse(Fixtures.text("hybrid-host/unified/io.pressure"));

        assertThat(cpu.get("some")).containsEntry("avg10", "23.33").containsEntry("avg60", "15.31")
                .containsEntry("avg300", "8.33").containsEntry("total", "39029536");
        assertThat(cpu.get("full")).containsEntry("total", "0");
        assertThat(io.get("full")).containsEntry("total", "1248728");
    }

    @Test
    void emptyTextHasNoRowsAndTokensWithoutEqualsAreIgnored() {
        assertThat(NestedKeyed.parse("")).isEmpty();
        assertThat(NestedKeyed.parse("\n\n")).isEmpty();
        assertThat(NestedKeyed.parse("8:0 junk rbps=1\n").get("8:0")).containsOnlyKeys("rbps");
    }
}
