package io.github.jcg.cli.output;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GetFormatTest {
    @Test
    void askedValuesKeepEmptyLinesAndIndentContinuations() {
        assertThat(GetFormat.askedValue("512\n")).isEqualTo("512");
        assertThat(GetFormat.askedValue("nr_periods 0\nnr_throttled 0\n")).isEqualTo("nr_periods 0\n\tnr_throttled 0");
        assertThat(GetFormat.askedValue("a\n\nb\n")).isEqualTo("a\n\t\n\tb");
        assertThat(GetFormat.askedValue("")).isEmpty();
        assertThat(GetFormat.askedValue("no newline")).isEqualTo("no newline");
    }

    @Test
    void askedValuesAreCutIntoNinetyNineCharacterPiecesAsFgetsReadsThem() {
        String line = "x".repeat(150);
        assertThat(GetFormat.askedValue(line + "\n")).isEqualTo("x".repeat(99) + "\n\t" + "x".repeat(51));
        String exact = "y".repeat(99);
        assertThat(GetFormat.askedValue(exact + "\n")).isEqualTo(exact + "\n\t");
    }

    @Test
    void listedValuesDropEmptyLinesAndStopAt4095Bytes() {
        assertThat(GetFormat.listedValue("a\n\nb\n")).isEqualTo("a\n\tb");
        assertThat(GetFormat.listedValue("0 0 \n")).isEqualTo("0 0 ");
        assertThat(GetFormat.listedValue("\n")).isEmpty();
        assertThat(GetFormat.listedValue("z".repeat(5000))).hasSize(4095);
    }

    @Test
    void textHasHeadersNamesAndABlankLine() {
        List<GetFormat.Group> groups = List.of(new GetFormat.Group("g", List.of(
                new GetFormat.Setting("cpu.shares", "512", "512"),
                new GetFormat.Setting("cpu.stat", "a 0\nb 1", "a 0\n\tb 1"))));
        assertThat(text(groups, true, true)).isEqualTo("g:\ncpu.shares: 512\ncpu.stat: a 0\n\tb 1\n\n");
        assertThat(text(groups, false, true)).isEqualTo("cpu.shares: 512\ncpu.stat: a 0\n\tb 1\n");
        assertThat(text(groups, false, false)).isEqualTo("512\na 0\n\tb 1\n");
        assertThat(text(groups, true, false)).isEqualTo("g:\n512\na 0\n\tb 1\n\n");
    }

    @Test
    void jsonKeepsTheRawValue() {
        StringWriter out = new StringWriter();
        GetFormat.json(new PrintWriter(out), "Hybrid mode (Cgroup v1/v2).", List.of(new GetFormat.Group("g", List.of(
                new GetFormat.Setting("cpu.stat", "a 0\nb 1", "a 0\n\tb 1")))));
        assertThat(out.toString()).isEqualTo(
                "{\"mode\":\"Hybrid mode (Cgroup v1/v2).\",\"groups\":[{\"group\":\"g\",\"values\":{\"cpu.stat\":\"a 0\\nb 1\"}}]}\n");
    }

    private static String text(List<GetFormat.Group> groups, boolean headers, boolean names) {
        StringWriter out = new StringWriter();
        GetFormat.text(new PrintWriter(out), groups, headers, names);
        return out.toString();
    }
}
