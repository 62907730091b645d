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

    public static List<Check> evaluate(List<PhaseResult> results) {
        List<Check> checks = new ArrayList<>();
        find(results, PhaseRole.CHOKED).ifPresent(choked -> {
            checks.add(share("choked-share", choked, CHOKED_SHARE_TOLERANCE));
            checks.add(throttled(choked));
            checks.add(chokedThroughput(choked));
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
        double factor = r.percentOfBaseline() / r.expectedPercentOfBaseline();
        boolean ok = factor >= 1 / CHOKED_THROUGHPUT_FACTOR - ROUNDING && factor <= CHOKED_THROUGHPUT_FACTOR + ROUNDING;
        return new Check("choked-throughput", ok, r.phase().name() + ": throughput " + Numbers.percent(r.percentOfBaseline())
                + " of baseline" + (ok ? " is" : " is not") + " within a factor of " + Numbers.plain(CHOKED_THROUGHPUT_FACTOR)
                + " of quota/period × baseline = " + Numbers.percent(r.expectedPercentOfBaseline())
                + " (× " + Numbers.plain(factor) + ")");
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
