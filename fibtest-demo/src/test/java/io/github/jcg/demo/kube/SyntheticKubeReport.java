package io.github.jcg.demo.kube;

import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rows and reports with chosen numbers, for the pure tests. */
final class SyntheticKubeReport {
    static final ResourceList NONE = ResourceList.EMPTY;

    private SyntheticKubeReport() {
    }

    static ResourceList cpu(String amount) {
        return new ResourceList(Map.of("cpu", Quantity.parse(amount)));
    }

    static ResourceList memory(String amount) {
        return new ResourceList(Map.of("memory", Quantity.parse(amount)));
    }

    static PodRow cpuRow(KubeStep step, String pod, ResourceList requests, ResourceList limits, double cores,
                         long periods, long throttled, boolean alive) {
        return new PodRow(step, pod, requests, limits, "Burstable", new PlannedValues("256", "-1", "-"), cores, Double.NaN,
                periods, throttled, -1, alive, 0);
    }

    static PodRow hog(long oomKills, boolean alive, int signal) {
        return new PodRow(KubeStep.MEMORY_LIMIT, DemoPods.HOG, memory("64Mi"), memory("64Mi"), "Burstable",
                new PlannedValues("2", "-1", "67108864"), Double.NaN, Double.NaN, 0, 0, oomKills, alive, signal);
    }

    /**
     * A run of every step on 2 CPUs as this project's 6.18 host measures it: across both CPUs
     * 0.42/1.58 (3.76, big ahead of its requests), on one CPU 0.25/0.75, then big limited to
     * 750m and small at 1.25.
     */
    static List<PodRow> goodRun() {
        List<PodRow> rows = new ArrayList<>();
        rows.add(cpuRow(KubeStep.REQUESTS, DemoPods.SMALL, cpu("250m"), NONE, 0.42, 0, 0, true));
        rows.add(cpuRow(KubeStep.REQUESTS, DemoPods.BIG, cpu("750m"), NONE, 1.58, 0, 0, true));
        rows.add(cpuRow(KubeStep.ONE_CPU, DemoPods.SMALL, cpu("250m"), NONE, 0.25, 0, 0, true));
        rows.add(cpuRow(KubeStep.ONE_CPU, DemoPods.BIG, cpu("750m"), NONE, 0.75, 0, 0, true));
        rows.add(cpuRow(KubeStep.CPU_LIMIT, DemoPods.SMALL, cpu("250m"), NONE, 1.25, 0, 0, true));
        rows.add(cpuRow(KubeStep.CPU_LIMIT, DemoPods.BIG, cpu("750m"), cpu("750m"), 0.75, 80, 78, true));
        rows.add(hog(1, false, PodRow.SIGKILL));
        return rows;
    }

    static KubeReport report(List<PodRow> rows, List<String> notes) {
        KubeContext context = new KubeContext("/jcg-demo-kube-0123abcd", "hybrid", "v1", 2, 2, 2, 8,
                "cpu.shares", "cpu.cfs_quota_us", "memory.limit_in_bytes");
        List<PodTick> ticks = List.of(new PodTick(1, KubeStep.REQUESTS, DemoPods.SMALL, 0.42),
                new PodTick(1, KubeStep.REQUESTS, DemoPods.BIG, 1.58),
                new PodTick(11, KubeStep.ONE_CPU, DemoPods.SMALL, 0.25),
                new PodTick(11, KubeStep.ONE_CPU, DemoPods.BIG, 0.75),
                new PodTick(21, KubeStep.CPU_LIMIT, DemoPods.SMALL, 1.25),
                new PodTick(21, KubeStep.CPU_LIMIT, DemoPods.BIG, 0.75));
        List<StepSpan> spans = List.of(new StepSpan(KubeStep.REQUESTS, 0, 2, 10), new StepSpan(KubeStep.ONE_CPU, 10, 12, 20),
                new StepSpan(KubeStep.CPU_LIMIT, 20, 22, 30));
        List<String> allNotes = new ArrayList<>(KubeRules.notes(rows));
        allNotes.addAll(notes);
        return new KubeReport(context, rows, KubeRules.evaluate(rows), spans, ticks, allNotes,
                "removed /jcg-demo-kube-0123abcd and everything under it");
    }
}
