package io.github.jcg.demo;

import io.github.jcg.text.TextTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The report a person reads at the end of the demo: the table, the sparklines, the checks. */
public final class ReportText {
    private ReportText() {
    }

    public static List<String> lines(DemoReport report, List<Path> charts) {
        List<String> out = new ArrayList<>();
        DemoContext c = report.context();
        out.add("Results for cgroup " + c.group() + " (" + c.controllers() + ", cgroup " + c.cgroupVersion() + ", "
                + c.hostMode() + " host), " + c.threads() + " fast thread" + (c.threads() == 1 ? "" : "s") + " on "
                + c.cpus() + " CPUs; each phase measured after its settle time:");
        out.add("");
        out.addAll(table(report).lines("  "));
        out.addAll(contentionNotes(report));
        out.add("");
        out.add("Throughput, one mark per second of each phase (█ = the fastest second):");
        out.addAll(sparklines(report));
        out.add("");
        out.add("The CFS bandwidth rules, measured:");
        for (Check check : report.checks()) {
            out.add("  " + (check.passed() ? "ok    " : "MISSED") + "  " + check.detail());
        }
        out.add("");
        for (Path chart : charts) {
            out.add("Chart written to " + chart.toAbsolutePath());
        }
        report.finalLine().ifPresent(line -> out.add("The workload's last line: " + line.strip()));
        out.add(report.groupKept()
                ? "Kept group " + c.group() + " for inspection (--keep); remove it with: rmdir " + String.join(" ", c.directories())
                : "Group " + c.group() + " was removed.");
        return out;
    }

    static TextTable table(DemoReport report) {
        TextTable t = new TextTable(false, true, true, true, true, true, true, true, true);
        t.row("phase", "limit (quota/period)", "= CPU", "expected CPU", "measured CPU", "iterations/s",
                "% of baseline", "throttled periods", "throttled time");
        for (PhaseResult r : report.results()) {
            CpuLimit limit = r.phase().limit();
            t.row(r.phase().name(),
                    limit.describe(),
                    limit.isLimited() ? Numbers.percent(limit.percentOfCpu()) : "-",
                    Numbers.fixedPercent(r.expectedPercent(), 1),
                    Numbers.fixedPercent(r.measuredPercent(), 2),
                    Numbers.millions(r.iterationsPerSecond()),
                    Numbers.fixedPercent(r.percentOfBaseline(), 1),
                    r.cpu().throttledPeriods() + "/" + r.cpu().periods() + " (" + Numbers.fixedPercent(r.throttledRatio() * 100, 0) + ")",
                    Numbers.seconds(r.cpu().throttledSeconds()));
        }
        return t;
    }

    /**
     * A phase without a limit that got much less CPU than it asked for was held back by other
     * processes, not by the kernel's quota: say so, since every "% of baseline" leans on it.
     */
    static List<String> contentionNotes(DemoReport report) {
        List<String> out = new ArrayList<>();
        for (PhaseResult r : report.results()) {
            if (!r.phase().limit().isLimited() && r.shareError() < -CONTENTION_SHORTFALL) {
                out.add("  note: in the " + r.phase().name() + " phase the workload got only "
                        + Numbers.percent(r.measuredPercent()) + " of the " + Numbers.percent(r.expectedPercent())
                        + " it asked for: other processes were using the CPUs" + hint(report.context()));
            }
        }
        return out;
    }

    private static String hint(DemoContext c) {
        if (c.weight() == DemoSettings.HIGH_WEIGHT) {
            return "";
        }
        return c.threads() < c.cpus()
                ? " (--weight auto lets the demo's group go first)"
                : " (with fewer --threads than CPUs the demo gives its group priority)";
    }

    /** Below 90 % of what it asked for, an unlimited phase was competing for the CPUs. */
    static final double CONTENTION_SHORTFALL = 0.10;

    static List<String> sparklines(DemoReport report) {
        double max = 0;
        for (PhaseResult r : report.results()) {
            for (double v : r.perSecond()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        TextTable t = TextTable.leftAligned(3);
        for (PhaseResult r : report.results()) {
            t.row(r.phase().name(), Sparkline.of(r.perSecond(), max), Numbers.fixedPercent(r.percentOfBaseline(), 1) + " of baseline");
        }
        return t.lines("  ");
    }
}
