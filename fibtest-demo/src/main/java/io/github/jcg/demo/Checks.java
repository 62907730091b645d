package io.github.jcg.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CFS bandwidth rules the demo shows, judged on the measured phases:
 * <ul>
 *   <li>choked: the CPU share is within ±25 % (relative) of quota/period; the group is
 *       throttled in at least 80 % of the periods; throughput is within a factor of 2 of
 *       (quota/period) × baseline;</li>
 *   <li>middle: the CPU share is within ±10 % of the limit;</li>
 *   <li>restored: throughput is back to at least 80 % of the baseline.</li>
 * </ul>
 *
 * <p>The choked throughput rule rests on a premise besides the kernel's rationing: that a CFS
 * period costs the group little next to its quota, so the CPU time it gets buys work at the
 * baseline's rate. Each run measures that cost ({@link PhaseResult#periodCostMicros}): about
 * 80 µs of a 1 ms quota on hardware, 0.7 to 0.9 ms where QEMU emulates the CPU (TCG), where
 * the workload then does only 15 to 30 % of quota/period × baseline. There the rule keeps what
 * still holds and can still fail, said so in its detail and {@link Check#tolerance()}: the
 * choke bites (throughput at most twice quota/period × baseline) and every period still does
 * work (its cost is below the quota); where the workload could not report twice in the window
 * at all, the throughput is said to be not measured. The lower bound is dropped only on an emulated CPU, which
 * {@link CpuEmulation} reads from the CPU's model name, never from the throughput it judges.
 */
public final class Checks {
    static final double CHOKED_SHARE_TOLERANCE = 0.25;
    static final double CHOKED_MIN_THROTTLED = 0.80;
    static final double CHOKED_THROUGHPUT_FACTOR = 2.0;
    static final double MIDDLE_SHARE_TOLERANCE = 0.10;
    static final double RESTORED_MIN_OF_BASELINE = 0.80;

    /** Room for binary floating point only: 55 / 50 - 1 is 0.10000000000000009. */
    private static final double ROUNDING = 1e-9;

    private Checks() {
    }

    /** The rules as stated, for a real CPU. */
    public static List<Check> evaluate(List<PhaseResult> results) {
        return evaluate(results, Optional.empty());
    }

    /**
     * The rules, with the choked throughput judged for an emulated CPU when {@code emulatedCpu}
     * names one ({@link CpuEmulation#detect()}).
     */
    public static List<Check> evaluate(List<PhaseResult> results, Optional<String> emulatedCpu) {
        List<Check> checks = new ArrayList<>();
        Optional<PhaseResult> baseline = find(results, PhaseRole.BASELINE);
        find(results, PhaseRole.CHOKED).ifPresent(choked -> {
            checks.add(share("choked-share", choked, CHOKED_SHARE_TOLERANCE));
            checks.add(throttled(choked));
            checks.add(chokedThroughput(choked, baseline, emulatedCpu));
        });
        find(results, PhaseRole.MIDDLE).ifPresent(middle -> checks.add(share("middle-share", middle, MIDDLE_SHARE_TOLERANCE)));
        find(results, PhaseRole.RESTORED).ifPresent(restored -> checks.add(recovered(restored)));
        return checks;
    }

    static Check share(String name, PhaseResult r, double tolerance) {
        boolean ok = Math.abs(r.shareError()) <= tolerance + ROUNDING;
        return new Check(name, ok, r.phase().name() + ": CPU share " + Numbers.percent(r.measuredPercent())
                + (ok ? " is" : " is not") + " within ±" + Numbers.plain(tolerance * 100) + " % of the limit "
                + Numbers.percent(r.expectedPercent()) + " (" + signed(r.shareError() * 100) + " %)");
    }

    static Check throttled(PhaseResult r) {
        double ratio = r.throttledRatio();
        boolean ok = r.cpu().periods() > 0 && ratio >= CHOKED_MIN_THROTTLED - ROUNDING;
        return new Check("choked-throttled", ok, r.phase().name() + ": throttled in " + r.cpu().throttledPeriods() + " of "
                + r.cpu().periods() + " periods (" + Numbers.percent(ratio * 100) + "; at least "
                + Numbers.plain(CHOKED_MIN_THROTTLED * 100) + " % expected)");
    }

    static Check chokedThroughput(PhaseResult r) {
        return chokedThroughput(r, Optional.empty(), Optional.empty());
    }

    static Check chokedThroughput(PhaseResult r, Optional<PhaseResult> baseline, Optional<String> emulatedCpu) {
        double factor = r.percentOfBaseline() / r.expectedPercentOfBaseline();
        boolean notAbove = factor <= CHOKED_THROUGHPUT_FACTOR + ROUNDING;
        double cost = baseline.map(r::periodCostMicros).orElse(Double.NaN);
        String measured = r.phase().name() + ": throughput " + Numbers.percent(r.percentOfBaseline()) + " of baseline";
        String expected = "quota/period × baseline = " + Numbers.percent(r.expectedPercentOfBaseline())
                + " (× " + Numbers.plain(factor) + ")";
        String costText = Double.isNaN(cost) ? "" : "; a period cost the group " + Numbers.plain(Math.round(cost))
                + " µs of CPU beyond the work it did";
        if (emulatedCpu.isEmpty()) {
            boolean ok = factor >= 1 / CHOKED_THROUGHPUT_FACTOR - ROUNDING && notAbove;
            return new Check("choked-throughput", ok, measured + (ok ? " is" : " is not") + " within a factor of "
                    + Numbers.plain(CHOKED_THROUGHPUT_FACTOR) + " of " + expected + costText);
        }
        long quota = r.phase().limit().quota().value();
        if (Double.isNaN(r.iterationsPerSecond())) {
            // measured on QEMU under load: a period's cost can reach the whole 1 ms quota, and the
            // workload's reporting thread then gets no turn in the window; the kernel's share and
            // throttling (the other choked rules) are still judged
            return new Check("choked-throughput", true, r.phase().name() + ": throughput not measured: the workload"
                    + " reported fewer than twice in the window, as happens where a period costs about all of its"
                    + " quota of " + quota + " µs. The CPU is emulated (" + emulatedCpu.get() + "): there a period"
                    + " costs most of a 1 ms quota (hardware: about 80 µs)", Check.EMULATED_CPU);
        }
        boolean works = cost < quota;
        boolean ok = notAbove && works;
        return new Check("choked-throughput", ok, measured + (notAbove ? " is" : " is not") + " at most "
                + Numbers.plain(CHOKED_THROUGHPUT_FACTOR) + " × " + expected + ", and a period cost the group "
                + (Double.isNaN(cost) ? "an unknown amount" : Numbers.plain(Math.round(cost)) + " µs")
                + " of CPU beyond the work it did, " + (works ? "less than" : "not less than") + " its quota of " + quota
                + " µs (every period still does work). The CPU is emulated (" + emulatedCpu.get() + "): there a period"
                + " costs most of a 1 ms quota (hardware: about 80 µs), so quota/period × baseline is no lower bound",
                Check.EMULATED_CPU);
    }

    static Check recovered(PhaseResult r) {
        boolean ok = r.percentOfBaseline() >= RESTORED_MIN_OF_BASELINE * 100 - ROUNDING;
        return new Check("restored-throughput", ok, r.phase().name() + ": throughput " + Numbers.percent(r.percentOfBaseline())
                + " of baseline (at least " + Numbers.plain(RESTORED_MIN_OF_BASELINE * 100) + " % expected)");
    }

    private static Optional<PhaseResult> find(List<PhaseResult> results, PhaseRole role) {
        return results.stream().filter(r -> r.phase().role() == role).findFirst();
    }

    private static String signed(double value) {
        String text = Numbers.plain(value);
        return value >= 0 && !text.startsWith("-") ? "+" + text : text;
    }
}
