package io.github.jcg.demo.kube;

import io.github.jcg.demo.Check;

import java.util.List;

/**
 * Act two's outcome.
 *
 * @param context where it ran
 * @param rows    one row per pod and step, in order
 * @param checks  the rules, judged
 * @param spans   when the CPU steps ran
 * @param ticks   each pod's CPU, second by second, in the CPU steps
 * @param notes   lines for the reader: a step skipped and why, a host that was busy …
 * @param cleanup what was removed at the end, in words
 */
public record KubeReport(KubeContext context, List<PodRow> rows, List<Check> checks, List<StepSpan> spans,
                         List<PodTick> ticks, List<String> notes, String cleanup) {

    /** Copies the lists. */
    public KubeReport {
        rows = List.copyOf(rows);
        checks = List.copyOf(checks);
        spans = List.copyOf(spans);
        ticks = List.copyOf(ticks);
        notes = List.copyOf(notes);
    }

    /** @return whether every rule held */
    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }
}
