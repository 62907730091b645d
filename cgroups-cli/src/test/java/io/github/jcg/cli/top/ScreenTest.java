package io.github.jcg.cli.top;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static io.github.jcg.cli.top.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

/** The live view's text for a terminal of a given size, and batch output on a terminal. */
class ScreenTest {
    private static List<GroupRow> rows(int n) {
        List<GroupRow> out = new ArrayList<>();
        out.add(row("/", null, 120.0, 1L << 30, 0.0, 0.0));
        for (int i = 1; i < n; i++) {
            out.add(row("/g" + i, (long) i, 1.0 * i, (long) i << 20, 0.0, 0.0));
        }
        return out;
    }

    @Test
    void headerRowsAndStatusFillTheTerminalExactly() {
        TopSettings s = new TopSettings();
        Screen.Frame frame = Screen.render(rows(30), s, "hybrid (v1 + v2), 2 CPUs", null, 100, 12);
        List<String> lines = frame.lines();
        assertThat(lines).hasSize(12);
        assertThat(lines.get(0)).isEqualTo("jcg top — hybrid (v1 + v2), 2 CPUs, refresh 1s, depth 3, root /");
        assertThat(lines.get(1)).startsWith("Groups: 30   Order: cpu   CPU: percentage   Counting: tasks");
        assertThat(lines.get(2)).startsWith("Control Group").endsWith("Output/s");
        assertThat(lines.subList(3, 11)).hasSize(8).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(100));
        assertThat(lines.get(3)).startsWith("/ ");
        assertThat(lines.get(11)).startsWith("p t c m i: sort");
        // the sort column (%CPU) sits where the header says
        assertThat(lines.get(2).substring(frame.sortColumnStart(), frame.sortColumnEnd()).strip()).isEqualTo("%CPU");
    }

    @Test
    void aMessageTakesTheStatusLineAndSettingsShowInTheHeader() {
        TopSettings s = new TopSettings();
        s.order = Order.MEMORY;
        s.cpu = CpuDisplay.TIME;
        s.delayMicros = 1_250_000;
        s.counting = TaskCounting.ALL_PROCESSES;
        s.limits = true;
        Screen.Frame frame = Screen.render(rows(3), s, "cgroup v2, 8 CPUs", "Increased delay to 1.250000s.", 160, 10);
        assertThat(frame.lines().get(0)).contains("refresh 1.25s");
        assertThat(frame.lines().get(1)).contains("Order: memory").contains("CPU: time")
                .contains("Counting: all processes (incl. kernel), recursive");
        assertThat(frame.lines().get(2)).contains("Proc+").contains("CPU Time").contains("CPULim").contains("Mem%");
        assertThat(frame.lines().get(9)).isEqualTo("Increased delay to 1.250000s.");
        assertThat(frame.lines().get(2).substring(frame.sortColumnStart(), frame.sortColumnEnd()).strip()).isEqualTo("Memory");
    }

    @Test
    void theLiveViewShowsTheOomAndPressureColumnsWhenAsked() {
        TopSettings s = new TopSettings();
        s.oomKills = true;
        s.pressure = true;
        Screen.Frame frame = Screen.render(rows(3), s, "cgroup v2, 8 CPUs", null, 120, 8);
        assertThat(frame.lines().get(2)).endsWith("Output/s   OOM PSIcpu PSImem  PSIio").hasSize(120);
        assertThat(frame.lines().get(3)).endsWith("     -      -      -      -");
    }

    @Test
    void aNarrowTerminalCutsLinesAndEllipsizesPaths() {
        TopSettings s = new TopSettings();
        List<GroupRow> rows = List.of(row("/system.slice/a-rather-long-service-name.service", 1L, 2.0, 1L, 0.0, 0.0));
        Screen.Frame frame = Screen.render(rows, s, "cgroup v1, 1 CPUs", null, 50, 6);
        assertThat(frame.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(50));
        assertThat(frame.lines().get(3)).startsWith("/s…service ");
    }

    @Test
    void batchOnATerminalClearsPrintsAHeaderAndFitsTheRows() {
        StringWriter text = new StringWriter();
        new BatchOutput(new PrintWriter(text), true).print(rows(30), new TopSettings(), 90, 12, true);
        String out = text.toString();
        String[] lines = out.split("\n");
        assertThat(lines[0]).contains("Control Group").contains("Tasks");
        // systemd-cgtop prints rows while row + 6 <= lines: 7 rows on a 12-line terminal
        assertThat(lines).hasSize(1 + 7);
        assertThat(lines[1]).hasSize(90 - 0);
    }
}
