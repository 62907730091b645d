package io.github.jcg.demo;

import io.github.jcg.core.CgroupVersion;

import java.io.PrintWriter;
import java.util.Locale;

/** The demo's running commentary: the steps, a header per phase and a line per second. */
final class ProgressPrinter {
    private final PrintWriter out;
    private final boolean quiet;

    ProgressPrinter(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    void say(String line) {
        if (!quiet) {
            out.println(line);
            out.flush();
        }
    }

    void phaseStarts(Phase phase, CgroupVersion version) {
        CpuLimit limit = phase.limit();
        say("");
        say(String.format(Locale.ROOT, "── %s, %d s (%s): %s%s", phase.name(), phase.seconds(), phase.role().story(),
                limit.kernelWrites(version), limit.isLimited() ? " = " + limit.percentText() + " of one CPU" : " (no limit)"));
    }

    /**
     * {@code  choked    5/14 s     48.1 M it/s    2.02 %CPU   throttled 20/20 periods}; the
     * settle seconds are marked, as they are left out of the phase's numbers.
     */
    void second(Phase phase, int second, double iterationsPerSecond, double cpuPercent, long throttled, long periods) {
        say(String.format(Locale.ROOT, "   %-9s %3d/%d s %11s it/s %9s CPU   throttled %4d/%-4d periods%s",
                phase.name(), second, phase.seconds(), Numbers.millions(iterationsPerSecond),
                Numbers.fixedPercent(cpuPercent, 2), throttled, periods,
                second <= phase.settleSeconds() ? "   (settling, not measured)" : ""));
    }
}
