package io.github.jcg.text;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTableTest {
    @Test
    void columnsArePaddedToTheWidestCellTwoSpacesApartWithoutTrailingBlanks() {
        TextTable t = TextTable.leftAligned(3).row("NAME", "ENABLED", "MOUNT").row("cpu", "yes", "/sys/fs/cgroup/cpu")
                .row("rdma", "no", "-");

        assertThat(t.lines("  ")).containsExactly(
                "  NAME  ENABLED  MOUNT",
                "  cpu   yes      /sys/fs/cgroup/cpu",
                "  rdma  no       -");
    }

    @Test
    void rightAlignedColumnsPadOnTheLeft() {
        TextTable t = new TextTable(false, true).row("phase", "iterations/s").row("choked", "54.0 M").row("baseline", "3000.0 M");

        assertThat(t.lines("")).containsExactly(
                "phase     iterations/s",
                "choked          54.0 M",
                "baseline      3000.0 M");
    }

    /** µ is one char; 𝄞 (U+1D11E) is two chars, a surrogate pair, and one code point: each takes one column. */
    @Test
    void widthsCountCodePointsNotChars() {
        assertThat(TextTable.width("µs")).isEqualTo(2);
        assertThat(TextTable.width("𝄞")).isEqualTo(1);
        assertThat("𝄞".length()).isEqualTo(2);
        TextTable t = new TextTable(false, true, false).row("𝄞𝄞𝄞", "█▁", "x").row("abcd", "1 µs", "y").row("ab", "𝄞", "z");

        assertThat(t.lines("")).containsExactly(
                "𝄞𝄞𝄞     █▁  x",
                "abcd  1 µs  y",
                "ab       𝄞  z");
        // every line is as wide as the others, in code points: the last column starts at the same place
        assertThat(t.lines("")).allSatisfy(l -> assertThat(l.codePointCount(0, l.length())).isEqualTo(13));
    }

    @Test
    void printWritesTheSameLines() {
        TextTable t = TextTable.leftAligned(2).row("a", "b").row("ccc", "d");
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);

        t.print(out, "> ");
        out.flush();

        assertThat(text.toString()).isEqualTo(String.join(System.lineSeparator(), t.lines("> ")) + System.lineSeparator());
        assertThat(t.lines("> ")).containsExactly("> a    b", "> ccc  d");
    }

    @Test
    void aRowMustHaveOneCellPerColumn() {
        assertThatThrownBy(() -> TextTable.leftAligned(2).row("only one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 2 cells, got 1");
        assertThatThrownBy(TextTable::new).isInstanceOf(IllegalArgumentException.class);
    }
}
