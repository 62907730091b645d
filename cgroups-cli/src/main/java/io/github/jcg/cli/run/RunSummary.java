package io.github.jcg.cli.run;

import io.github.jcg.cli.output.Json;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.run.Peak;
import io.github.jcg.core.run.RunResult;
import tools.jackson.core.JsonGenerator;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code jcg run} says at the end, on stderr: why the command stopped, then what its whole
 * process tree used, one quantity per line, as text or as one JSON object.
 */
public final class RunSummary {
    private static final String[] SIGNAL_NAMES = {"", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL",
        "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
        "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};

    private final CgroupPath group;
    private final RunResult r;
    private final List<String> forwarded;
    private final boolean memoryOnV2;
    private final boolean removed;

    public RunSummary(CgroupHost host, CgroupPath group, RunResult result, List<String> forwarded, boolean removed) {
        this.group = group;
        this.r = result;
        this.forwarded = forwarded;
        this.memoryOnV2 = onV2(host, Controller.MEMORY);
        this.removed = removed;
    }

    private static boolean onV2(CgroupHost host, Controller c) {
        return host.layout().hierarchyOf(c).map(Hierarchy::version).map(v -> v == CgroupVersion.V2).orElse(false);
    }

    /** The first line: {@code exited 0}, {@code killed by signal 9 (SIGKILL)}, {@code OOM kill (exit status 137)} … */
    public String outcome() {
        String how = switch (r.termination()) {
            case EXITED -> "exited " + r.exitStatus();
            case SIGNALED -> "killed by signal " + r.signal().getAsInt() + signalName(r.signal().getAsInt());
            case OOM_KILL, PIDS_LIMIT -> r.termination().words() + " (exit status " + r.exitStatus() + signalName(r.signal().orElse(0)) + ")";
            case CPU_TIME_LIMIT, WALL_TIME_LIMIT -> r.termination().words() + " reached, the group was killed (exit status " + r.exitStatus() + ")";
            case STOPPED -> "stopped, the group was killed (exit status " + r.exitStatus() + ")";
        };
        if (!forwarded.isEmpty()) {
            how += "; passed on SIG" + String.join(", SIG", forwarded);
        }
        return how;
    }

    /** " (SIGKILL)" for 9; nothing for 0 or a number without a name. */
    private static String signalName(int n) {
        return n > 0 && n < SIGNAL_NAMES.length ? " (SIG" + SIGNAL_NAMES[n] + ")" : "";
    }

    public void writeText(PrintWriter err) {
        err.println("jcg run: " + outcome());
        line(err, "wall time", seconds(r.wallTime().toNanos()));
        String cpu = r.cpuTotalNanos().isPresent() ? seconds(r.cpuTotalNanos().getAsLong()) : "not accounted";
        if (r.cpuUserNanos().isPresent() && r.cpuSystemNanos().isPresent()) {
            cpu += " (user " + seconds(r.cpuUserNanos().getAsLong()) + ", system " + seconds(r.cpuSystemNanos().getAsLong()) + ")";
        }
        line(err, "CPU time", cpu);
        line(err, "memory peak", peak(r.memoryPeak(), true, memoryOnV2 ? "memory.peak" : "memory.max_usage_in_bytes"));
        line(err, "swap peak", peak(r.swapPeak(), true, "memory.swap.peak"));
        line(err, "OOM kills", count(r.oomKills()));
        line(err, "pids peak", peak(r.pidsPeak(), false, "pids.peak"));
        line(err, "pids limit hits", count(r.pidsLimitHits()));
        line(err, "throttled", r.throttledPeriods().isPresent()
                ? r.throttledPeriods().getAsLong() + " periods, " + seconds(r.throttledNanos().orElse(0)) : "not accounted");
        line(err, "IO", r.ioReadBytes().isPresent()
                ? "read " + bytes(r.ioReadBytes().getAsLong()) + ", written " + bytes(r.ioWriteBytes().orElse(0)) : "not accounted");
        if (r.leftOver() > 0) {
            line(err, "left running", r.leftOver() + (r.leftOver() == 1 ? " process, killed" : " processes, killed"));
        }
        line(err, "group", group + (removed ? " (removed)" : ""));
        err.flush();
    }

    public void writeJson(PrintWriter err) {
        Json.writeLine(err, j -> {
            j.writeStartObject();
            j.writeStringProperty("group", group.toString());
            j.writeBooleanProperty("group_removed", removed);
            j.writeStringProperty("termination", r.termination().name().toLowerCase(Locale.ROOT));
            j.writeStringProperty("outcome", outcome());
            j.writeNumberProperty("exit_status", r.exitStatus());
            if (r.signal().isPresent()) {
                j.writeNumberProperty("signal", r.signal().getAsInt());
            }
            j.writeNumberProperty("wall_seconds", r.wallTime().toNanos() / 1e9);
            number(j, "cpu_seconds", r.cpuTotalNanos(), 1e9);
            number(j, "cpu_user_seconds", r.cpuUserNanos(), 1e9);
            number(j, "cpu_system_seconds", r.cpuSystemNanos(), 1e9);
            peak(j, "memory_peak", r.memoryPeak());
            peak(j, "swap_peak", r.swapPeak());
            peak(j, "pids_peak", r.pidsPeak());
            number(j, "oom_kills", r.oomKills(), 0);
            number(j, "pids_limit_hits", r.pidsLimitHits(), 0);
            number(j, "throttled_periods", r.throttledPeriods(), 0);
            number(j, "throttled_seconds", r.throttledNanos(), 1e9);
            number(j, "io_read_bytes", r.ioReadBytes(), 0);
            number(j, "io_write_bytes", r.ioWriteBytes(), 0);
            j.writeNumberProperty("left_over", r.leftOver());
            j.writeArrayPropertyStart("forwarded_signals");
            forwarded.forEach(j::writeString);
            j.writeEndArray();
            j.writeEndObject();
        });
    }

    private static void number(JsonGenerator j, String name, OptionalLong value, double divisor) {
        if (value.isEmpty()) {
            j.writeNullProperty(name);
        } else if (divisor == 0) {
            j.writeNumberProperty(name, value.getAsLong());
        } else {
            j.writeNumberProperty(name, value.getAsLong() / divisor);
        }
    }

    private static void peak(JsonGenerator j, String name, Optional<Peak> peak) {
        if (peak.isEmpty()) {
            j.writeNullProperty(name);
            j.writeNullProperty(name + "_source");
        } else {
            j.writeNumberProperty(name, peak.get().value());
            j.writeStringProperty(name + "_source", peak.get().source().word());
        }
    }

    private static void line(PrintWriter err, String what, String value) {
        StringBuilder line = new StringBuilder(64).append("  ").append(what);
        while (line.length() < 19) {
            line.append(' ');
        }
        err.println(line.append(value));
    }

    private static String peak(Optional<Peak> peak, boolean isBytes, String kernelFile) {
        if (peak.isEmpty()) {
            return "not accounted";
        }
        Peak p = peak.get();
        String value = isBytes ? bytes(p.value()) : Long.toString(p.value());
        return value + (p.source() == Peak.Source.KERNEL ? " (kernel: " + kernelFile + ")" : " (sampled maximum; the kernel keeps no peak here)");
    }

    private static String count(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "not accounted";
    }

    static String seconds(long nanos) {
        return decimals(nanos, 1_000_000_000L, 3) + " s";
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int u = 0;
        while (u < units.length - 1 && b >= 1024L << (10 * (u + 1))) {
            u++;
        }
        return decimals(b, 1024L << (10 * u), 1) + " " + units[u] + " (" + b + " bytes)";
    }

    /**
     * {@code value / unit} rounded half up to {@code places} decimals. Plain arithmetic rather than
     * String.format, whose Formatter and locale providers cost jcg run more start-up than its summary.
     */
    static String decimals(long value, long unit, int places) {
        long scale = 1;
        for (int i = 0; i < places; i++) {
            scale *= 10;
        }
        long scaled = java.math.BigInteger.valueOf(value).multiply(java.math.BigInteger.valueOf(scale))
                .add(java.math.BigInteger.valueOf(unit / 2)).divide(java.math.BigInteger.valueOf(unit)).longValueExact();
        String fraction = Long.toString(scaled % scale);
        return (scaled / scale) + "." + "0".repeat(places - fraction.length()) + fraction;
    }
}
