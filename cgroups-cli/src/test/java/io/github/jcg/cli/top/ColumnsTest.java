package io.github.jcg.cli.top;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.limit.Limit;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static io.github.jcg.cli.top.Fixtures.limited;
import static io.github.jcg.cli.top.Fixtures.row;
import static io.github.jcg.cli.top.Fixtures.withEvents;
import static org.assertj.core.api.Assertions.assertThat;

/** The table's text, to the column, on rows made by hand. */
class ColumnsTest {
    private static final List<GroupRow> ROWS = List.of(
            row("/", null, 151.4, 1_503_238_553L, 0.0, 0.0),
            row("/system.slice", 12L, 50.5, 466_944_000L, 4_096.0, 1_572_864.0),
            row("/system.slice/cron.service", 1L, null, null, null, null));

    @Test
    void batchLinesHaveSystemdCgtopsWidthsAndNoHeader() {
        Columns table = new Columns(TaskCounting.TASKS, CpuDisplay.PERCENTAGE, false, false);
        Columns.Layout layout = table.fitToContent(ROWS);
        assertThat(layout.pathWidth()).isEqualTo("/system.slice/cron.service".length());
        assertThat(table.row(ROWS.get(0), layout)).isEqualTo(
                "/                                -  151.4     1.3G       0B       0B");
        assertThat(table.row(ROWS.get(1), layout)).isEqualTo(
                "/system.slice                   12   50.5   445.3M     4.0K     1.5M");
        assertThat(table.row(ROWS.get(2), layout)).isEqualTo(
                "/system.slice/cron.service       1      -        -        -        -");
    }

    @Test
    void rawNumbersAreWholeBytes() {
        Columns table = new Columns(TaskCounting.TASKS, CpuDisplay.PERCENTAGE, true, false);
        Columns.Layout layout = table.fitToContent(ROWS);
        assertThat(table.row(ROWS.get(1), layout)).isEqualTo(
                "/system.slice                   12   50.5 466944000     4096  1572864");
    }

    @Test
    void shortPathsStillGetThreeColumns() {
        Columns table = new Columns(TaskCounting.TASKS, CpuDisplay.PERCENTAGE, false, false);
        List<GroupRow> rootOnly = List.of(ROWS.get(0));
        assertThat(table.row(ROWS.get(0), table.fitToContent(rootOnly))).startsWith("/   ");
    }

    @Test
    void cpuTimeColumnIsAsWideAsItsWidestValue() {
        GroupRow a = withCpuNanos(ROWS.get(0), 1_312_164_393_000L);
        GroupRow b = withCpuNanos(ROWS.get(1), 0);
        GroupRow c = ROWS.get(2);
        Columns table = new Columns(TaskCounting.TASKS, CpuDisplay.TIME, false, false);
        Columns.Layout layout = table.fitToContent(List.of(a, b, c));
        assertThat(layout.cpuWidth()).isEqualTo("21min 52.164393s".length());
        assertThat(table.row(a, layout)).contains(" 21min 52.164393s ");
        assertThat(table.row(b, layout)).contains("                0 ");
        assertThat(table.row(c, layout)).contains("                - ");
        assertThat(table.header(table.fitToWidth(List.of(a), 120))).contains("        CPU Time   Memory");
    }

    @Test
    void limitColumnsFollowSystemdCgtopsSix() {
        GroupRow web = limited("/web", 49.9, 100L << 20, 50_000, 100_000, 98.0, 493_000_000, Limit.of(400L << 20));
        GroupRow free = limited("/free", 3.0, 1L << 20, -1, 100_000, 0.0, 0, Limit.unlimited());
        Columns table = new Columns(TaskCounting.TASKS, CpuDisplay.PERCENTAGE, false, true);
        Columns.Layout layout = table.fitToContent(List.of(web, free));
        assertThat(table.row(web, layout)).isEqualTo(
                "/web        1   49.9   100.0M       0B       0B   0.50   98.0    493ms   400.0M   25.0");
        assertThat(table.row(free, layout)).isEqualTo(
                "/free       1    3.0     1.0M       0B       0B      -    0.0        0        -      -");
        assertThat(table.header(layout)).isEqualTo(
                "Control Group   Tasks   %CPU   Memory  Input/s Output/s CPULim   Thr%    Thr/s   MemLim   Mem%");
    }

    @Test
    void oomAndPressureColumnsComeAfterTheLimitsEachWhenAsked() {
        GroupRow web = withEvents(limited("/web", 49.9, 100L << 20, 50_000, 100_000, 98.0, 493_000_000, Limit.of(400L << 20)),
                3L, 23.33, 0.0, 100.0);
        GroupRow bare = withEvents(row("/bare", 1L, 0.5, 1L << 20, 0.0, 0.0), null, 0.07, null, null);
        List<GroupRow> rows = List.of(web, bare);

        Columns all = new Columns(TaskCounting.TASKS, CpuDisplay.PERCENTAGE, false, true, true, true);
        Columns.Layout layout = all.fitToContent(rows);
        assertThat(all.header(layout)).isEqualTo("Control Group   Tasks   %CPU   Memory  Input/s Output/s CPULim   Thr%    Thr/s"
                + "   MemLim   Mem%   OOM PSIcpu PSImem  PSIio");
        assertThat(all.row(web, layout)).isEqualTo(
                "/web        1   49.9   100.0M       0B       0B   0.50   98.0    493ms   400.0M   25.0     3  23.33   0.00 100.00");

        Columns pressureOnly = new Columns(TaskCounting.TASKS, CpuDisplay.PERCENTAGE, false, false, false, true);
        assertThat(pressureOnly.row(bare, pressureOnly.fitToContent(rows))).isEqualTo(
                "/bare       1    0.5     1.0M       0B       0B   0.07      -      -");
        Columns oomOnly = new Columns(TaskCounting.TASKS, CpuDisplay.PERCENTAGE, false, false, true, false);
        assertThat(oomOnly.row(bare, oomOnly.fitToContent(rows))).endsWith("0B     -");
        assertThat(oomOnly.header(oomOnly.fitToContent(rows))).endsWith("Output/s   OOM");
        // off by default: systemd-cgtop's six columns and nothing after them
        assertThat(new Columns(TaskCounting.TASKS, CpuDisplay.PERCENTAGE, false, false).row(web, layout)).endsWith("0B");
    }

    @Test
    void theOptionalColumnsTakeTheirWidthFromThePathOnATerminal() {
        Columns lean = new Columns(TaskCounting.TASKS, CpuDisplay.PERCENTAGE, false, false);
        Columns events = new Columns(TaskCounting.TASKS, CpuDisplay.PERCENTAGE, false, false, true, true);

        Columns.Layout layout = events.fitToWidth(ROWS, 120);
        assertThat(layout.pathWidth()).isEqualTo(lean.fitToWidth(ROWS, 120).pathWidth() - 6 - 3 * 7);
        assertThat(events.row(ROWS.get(1), layout)).hasSize(120);
        int[] starts = events.columnStarts(layout);
        assertThat(events.header(layout).substring(starts[6], starts[7]).strip()).isEqualTo("OOM");
        assertThat(events.header(layout).substring(starts[9]).strip()).isEqualTo("PSIio");
    }

    @Test
    void headerNamesTheCountingMode() {
        assertThat(new Columns(TaskCounting.USERSPACE_PROCESSES, CpuDisplay.PERCENTAGE, false, false)
                .header(new Columns.Layout(13, 6))).isEqualTo("Control Group   Procs   %CPU   Memory  Input/s Output/s");
        assertThat(new Columns(TaskCounting.ALL_PROCESSES, CpuDisplay.PERCENTAGE, false, false)
                .header(new Columns.Layout(13, 6))).contains("Proc+");
    }

    @Test
    void aTerminalGivesThePathWhatTheOtherColumnsLeave() {
        Columns table = new Columns(TaskCounting.TASKS, CpuDisplay.PERCENTAGE, false, false);
        Columns.Layout layout = table.fitToWidth(ROWS, 80);
        assertThat(layout.pathWidth()).isEqualTo(80 - 36 - 6);
        assertThat(table.row(ROWS.get(1), layout)).hasSize(80);
        assertThat(table.fitToWidth(ROWS, 20).pathWidth()).isEqualTo(10);
    }

    @Test
    void longPathsAreEllipsizedKeepingTheFirstThirdAndTheEnd() {
        assertThat(Columns.ellipsize("/system.slice/systemd-journald.service", 20)).isEqualTo("/syste…rnald.service");
        assertThat(Columns.ellipsize("/short", 20)).isEqualTo("/short");
    }

    @Test
    void batchBlocksAreSeparatedByABlankLineOffATerminal() {
        StringWriter text = new StringWriter();
        BatchOutput out = new BatchOutput(new PrintWriter(text), false);
        TopSettings settings = new TopSettings();
        out.print(List.of(ROWS.get(0)), settings, 80, 24, false);
        out.print(List.of(ROWS.get(0)), settings, 80, 24, true);
        assertThat(text.toString()).isEqualTo(
                "/         -  151.4     1.3G       0B       0B\n\n"
                        + "/         -  151.4     1.3G       0B       0B\n");
    }

    private static GroupRow withCpuNanos(GroupRow r, long nanos) {
        return new GroupRow(r.path(), r.tasks(), r.cpuPercent(), OptionalLong.of(nanos), r.memoryBytes(),
                r.readBytesPerSecond(), r.writeBytesPerSecond(), Optional.empty(), OptionalLong.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), OptionalLong.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    @SuppressWarnings("unused")
    private static CgroupPath p(String s) {
        return CgroupPath.of(s);
    }
}
