package io.github.jcg.demo.kube;

import io.github.jcg.demo.Check;
import io.github.jcg.kube.ResourceList;
import io.github.jcg.text.TextTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report a person reads at the end of act two: the table, the rules, the notes, the files. */
public final class KubeReportText {
    private KubeReportText() {
    }

    /**
     * @param report the outcome
     * @param charts the chart files written
     * @return the lines, without line ends
     */
    public static List<String> lines(KubeReport report, List<Path> charts) {
        List<String> out = new ArrayList<>();
        KubeContext c = report.context();
        out.add(String.format(Locale.ROOT, "Act two: Kubernetes' resource model on this kernel (cgroup %s, %s host, %d CPUs),"
                        + " kubelet cgroupRoot %s; each CPU step measured for %d s after %d s settling:",
                c.cgroupVersion(), c.hostMode(), c.cpus(), c.cgroupRoot(), c.windowSeconds(), c.settleSeconds()));
        out.add("");
        out.addAll(table(report).lines("  "));
        out.add("");
        out.add("The rules, measured:");
        for (Check check : report.checks()) {
            out.add("  " + (check.passed() ? "ok    " : "FAILED") + "  " + check.detail());
        }
        for (String note : report.notes()) {
            out.add("  note: " + note);
        }
        out.add("");
        for (Path chart : charts) {
            out.add("Chart written to " + chart.toAbsolutePath());
        }
        out.add(capitalized(report.cleanup()) + ".");
        return out;
    }

    /** The table: per step and pod, what was asked, what was written, what was measured. */
    static TextTable table(KubeReport report) {
        KubeContext c = report.context();
        TextTable t = new TextTable(false, false, false, false, false, true, true, true, true, true, true, true, false);
        t.row("step", "pod", "requests", "limits", "QoS", c.weightFile(), c.quotaFile(), c.memoryFile(),
                "CPUs used", "share", "throttled", "OOM kills", "outcome");
        for (PodRow r : report.rows()) {
            t.row(r.step().label() + " " + r.step().key(), r.pod(), list(r.requests()), list(r.limits()), r.qosClass(),
                    r.planned().cpuWeight(), r.planned().cpuQuota(), r.planned().memoryLimit(),
                    Double.isNaN(r.cores()) ? "-" : String.format(Locale.ROOT, "%.2f", r.cores()),
                    Double.isNaN(r.shareOfPods()) ? "-" : String.format(Locale.ROOT, "%.1f %%", r.shareOfPods() * 100),
                    throttled(r),
                    r.oomKills() < 0 ? "-" : Long.toString(r.oomKills()),
                    r.outcome());
        }
        return t;
    }

    private static String throttled(PodRow r) {
        double ratio = r.throttledRatio();
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%d/%d (%.0f %%)", r.throttledPeriods(), r.periods(), ratio * 100);
    }

    private static String list(ResourceList list) {
        return list.isEmpty() ? "-" : list.toString();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
