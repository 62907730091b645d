package io.github.jcg.cli.top;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The text of the table: systemd-cgtop's six columns in its widths ({@code %-*s %7s %6s %8s
 * %8s %8s}), then, each when asked for, jcg's limit columns, the OOM kills and the pressure
 * averages. Pure: the same rows and settings always give the same text, so batch output, the
 * screen and the tests share it.
 */
public final class Columns {
    /** systemd-cgtop's fixed columns after the path, without the CPU column. */
    static final int FIXED_WIDTH = 36;
    static final int MIN_PATH_WIDTH = 10;

    static final String[] LIMIT_HEADERS = {"CPULim", "Thr%", "Thr/s", "MemLim", "Mem%"};
    static final int[] LIMIT_WIDTHS = {6, 6, 8, 8, 6};
    /** The width the limit columns add, separators included. */
    static final int LIMITS_WIDTH = 6 + 6 + 8 + 8 + 6 + 5;
    static final String OOM_HEADER = "OOM";
    static final int OOM_WIDTH = 5;
    /** Some avg10 of cpu.pressure, memory.pressure and io.pressure. */
    static final String[] PRESSURE_HEADERS = {"PSIcpu", "PSImem", "PSIio"};
    /** As wide as the kernel's widest average, 100.00. */
    static final int PRESSURE_WIDTH = 6;

    private final TaskCounting counting;
    private final CpuDisplay cpu;
    private final boolean raw;
    private final boolean limits;
    private final boolean oomKills;
    private final boolean pressure;

    /** systemd-cgtop's columns, and the limit columns when {@code limits}. */
    public Columns(TaskCounting counting, CpuDisplay cpu, boolean raw, boolean limits) {
        this(counting, cpu, raw, limits, false, false);
    }

    /**
     * @param oomKills the OOM column: kills so far
     * @param pressure the pressure columns: some avg10 of cpu, memory and io, in percent
     */
    public Columns(TaskCounting counting, CpuDisplay cpu, boolean raw, boolean limits, boolean oomKills, boolean pressure) {
        this.counting = counting;
        this.cpu = cpu;
        this.raw = raw;
        this.limits = limits;
        this.oomKills = oomKills;
        this.pressure = pressure;
    }

    /** The width the OOM and pressure columns add when shown, separators included. */
    static int eventsWidth(boolean oomKills, boolean pressure) {
        return (oomKills ? OOM_WIDTH + 1 : 0) + (pressure ? PRESSURE_HEADERS.length * (PRESSURE_WIDTH + 1) : 0);
    }

    /** A laid-out table: the path column's width and the CPU column's. */
    public record Layout(int pathWidth, int cpuWidth) {
    }

    /** As systemd-cgtop lays out batch output that is not on a terminal: the path column as wide as the longest path. */
    public Layout fitToContent(List<GroupRow> rows) {
        int path = 3;
        for (GroupRow r : rows) {
            path = Math.max(path, r.path().toString().length());
        }
        return new Layout(path, cpuWidth(rows));
    }

    /** As systemd-cgtop lays out a terminal: the path column takes what the others leave, at least 10. */
    public Layout fitToWidth(List<GroupRow> rows, int terminalColumns) {
        // with a header the column is at least as wide as its name ("CPU Time")
        int cpuWidth = Math.max(cpuWidth(rows), cpu == CpuDisplay.PERCENTAGE ? 6 : "CPU Time".length());
        int path = terminalColumns - FIXED_WIDTH - cpuWidth - (limits ? LIMITS_WIDTH : 0) - eventsWidth(oomKills, pressure);
        return new Layout(Math.max(MIN_PATH_WIDTH, path), cpuWidth);
    }

    private int cpuWidth(List<GroupRow> rows) {
        if (cpu == CpuDisplay.PERCENTAGE) {
            return 6;
        }
        int widest = 0;
        for (GroupRow r : rows) {
            widest = Math.max(widest, cpuTime(r).length());
        }
        return Math.max(widest, 1);
    }

    public String header(Layout layout) {
        StringBuilder line = new StringBuilder();
        pad(line, "Control Group", layout.pathWidth(), true);
        line.append(' ');
        pad(line, counting.header(), 7, false);
        line.append(' ');
        pad(line, cpu == CpuDisplay.PERCENTAGE ? "%CPU" : "CPU Time", layout.cpuWidth(), false);
        for (String h : new String[] {"Memory", "Input/s", "Output/s"}) {
            line.append(' ');
            pad(line, h, 8, false);
        }
        if (limits) {
            for (int i = 0; i < LIMIT_HEADERS.length; i++) {
                line.append(' ');
                pad(line, LIMIT_HEADERS[i], LIMIT_WIDTHS[i], false);
            }
        }
        if (oomKills) {
            line.append(' ');
            pad(line, OOM_HEADER, OOM_WIDTH, false);
        }
        if (pressure) {
            for (String h : PRESSURE_HEADERS) {
                line.append(' ');
                pad(line, h, PRESSURE_WIDTH, false);
            }
        }
        return line.toString();
    }

    /** The start and end of each column in a header or row, for highlighting the sort column. */
    public int[] columnStarts(Layout layout) {
        List<Integer> starts = new ArrayList<>();
        int at = 0;
        starts.add(at);
        at += layout.pathWidth() + 1;
        starts.add(at);
        at += 7 + 1;
        starts.add(at);
        at += layout.cpuWidth() + 1;
        for (int i = 0; i < 3; i++) {
            starts.add(at);
            at += 8 + 1;
        }
        if (limits) {
            for (int w : LIMIT_WIDTHS) {
                starts.add(at);
                at += w + 1;
            }
        }
        if (oomKills) {
            starts.add(at);
            at += OOM_WIDTH + 1;
        }
        if (pressure) {
            for (int i = 0; i < PRESSURE_HEADERS.length; i++) {
                starts.add(at);
                at += PRESSURE_WIDTH + 1;
            }
        }
        starts.add(at);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public String row(GroupRow r, Layout layout) {
        StringBuilder line = new StringBuilder(layout.pathWidth() + 80);
        pad(line, ellipsize(r.path().toString(), layout.pathWidth()), layout.pathWidth(), true);
        line.append(' ');
        pad(line, r.tasks().isPresent() ? Long.toString(r.tasks().getAsLong()) : "-", 7, false);
        line.append(' ');
        pad(line, cpu == CpuDisplay.PERCENTAGE ? percent(r.cpuPercent()) : cpuTime(r), layout.cpuWidth(), false);
        line.append(' ');
        pad(line, bytes(r.memoryBytes()), 8, false);
        line.append(' ');
        pad(line, rate(r.readBytesPerSecond()), 8, false);
        line.append(' ');
        pad(line, rate(r.writeBytesPerSecond()), 8, false);
        if (limits) {
            line.append(' ');
            pad(line, r.cpuLimitCores().isPresent() ? Units.twoDecimals(r.cpuLimitCores().getAsDouble()) : "-", 6, false);
            line.append(' ');
            pad(line, percent(r.throttledPercent()), 6, false);
            line.append(' ');
            pad(line, throttledTime(r.throttledNanosPerSecond()), 8, false);
            line.append(' ');
            pad(line, r.memoryLimit().isPresent() && !r.memoryLimit().get().isUnlimited()
                    ? bytes(OptionalLong.of(r.memoryLimit().get().value())) : "-", 8, false);
            line.append(' ');
            pad(line, percent(r.memoryPercentOfLimit()), 6, false);
        }
        if (oomKills) {
            line.append(' ');
            pad(line, r.oomKills().isPresent() ? Long.toString(r.oomKills().getAsLong()) : "-", OOM_WIDTH, false);
        }
        if (pressure) {
            for (OptionalDouble p : new OptionalDouble[] {r.cpuPressure(), r.memoryPressure(), r.ioPressure()}) {
                line.append(' ');
                // the kernel's own two decimals, so a small stall is not rounded away
                pad(line, p.isPresent() ? Units.twoDecimals(p.getAsDouble()) : "-", PRESSURE_WIDTH, false);
            }
        }
        return line.toString();
    }

    private String cpuTime(GroupRow r) {
        if (r.cpuNanos().isEmpty()) {
            return "-";
        }
        long micros = r.cpuNanos().getAsLong() / 1_000;
        return raw ? Long.toString(micros) : Units.timespan(micros);
    }

    private static String percent(OptionalDouble value) {
        return value.isPresent() ? Units.oneDecimal(value.getAsDouble()) : "-";
    }

    private String bytes(OptionalLong value) {
        if (value.isEmpty()) {
            return "-";
        }
        return raw ? Long.toString(value.getAsLong()) : Units.bytes(value.getAsLong());
    }

    /** Rates are whole bytes per second, cut as systemd-cgtop cuts them. */
    private String rate(OptionalDouble value) {
        return value.isPresent() ? bytes(OptionalLong.of((long) Math.floor(value.getAsDouble()))) : "-";
    }

    private String throttledTime(OptionalDouble nanosPerSecond) {
        if (nanosPerSecond.isEmpty()) {
            return "-";
        }
        return raw ? Long.toString((long) Math.floor(nanosPerSecond.getAsDouble())) : Units.perSecondSpan(nanosPerSecond.getAsDouble());
    }

    /**
     * Shortens text to {@code width} as systemd's {@code ellipsize(…, 33)}: the first third
     * and the end, joined by an ellipsis.
     */
    static String ellipsize(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        if (width <= 3) {
            return text.substring(0, Math.max(0, width));
        }
        int head = (width - 1) * 33 / 100;
        int tail = width - 1 - head;
        return text.substring(0, head) + "…" + text.substring(text.length() - tail);
    }

    private static void pad(StringBuilder line, String text, int width, boolean left) {
        int spaces = Math.max(0, width - text.length());
        if (left) {
            line.append(text);
            spaces(line, spaces);
        } else {
            spaces(line, spaces);
            line.append(text);
        }
    }

    private static void spaces(StringBuilder line, int n) {
        for (int i = 0; i < n; i++) {
            line.append(' ');
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Columns[%s, %s, raw=%s, limits=%s, oomKills=%s, pressure=%s]", counting, cpu, raw,
                limits, oomKills, pressure);
    }
}
