package io.github.jcg.cli.top;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.sample.Metric;
import io.github.jcg.core.sample.Sample;
import io.github.jcg.core.sample.SubtreeSampler;
import io.github.jcg.core.sample.UsageRates;
import io.github.jcg.core.sample.UsageSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Turns two samples of a subtree into the rows of the view. */
public final class Rows {
    private Rows() {
    }

    /**
     * The rows for every group in {@code later}. Rates need the group in {@code earlier}
     * too (null on the first refresh), so a new group shows {@code -} until its second sample.
     *
     * @param recursive when counting processes, add each group's count to its ancestors'
     *                  (as systemd-cgtop's {@code --recursive=yes}, its default)
     */
    public static List<GroupRow> of(Sample earlier, Sample later, TaskCounting counting, boolean recursive) {
        Map<CgroupPath, UsageRates> rates = earlier == null ? Map.of() : SubtreeSampler.rates(earlier, later);
        List<GroupRow> rows = new ArrayList<>(later.groups().size());
        for (UsageSnapshot now : later.snapshots()) {
            rows.add(row(now, rates.get(now.path()), counting));
        }
        if (counting.countsProcesses() && recursive) {
            rows = summedUp(rows);
        }
        return rows;
    }

    static GroupRow row(UsageSnapshot now, UsageRates rates, TaskCounting counting) {
        OptionalDouble cpu = OptionalDouble.empty();
        OptionalDouble read = OptionalDouble.empty();
        OptionalDouble write = OptionalDouble.empty();
        OptionalDouble throttled = OptionalDouble.empty();
        OptionalDouble throttledTime = OptionalDouble.empty();
        if (rates != null) {
            cpu = rates.cpuPercent();
            read = rates.readBytesPerSecond();
            write = rates.writeBytesPerSecond();
            throttled = rates.throttledPeriodsRatio().isPresent()
                    ? OptionalDouble.of(rates.throttledPeriodsRatio().getAsDouble() * 100) : OptionalDouble.empty();
            throttledTime = rates.throttledNanosPerSecond();
            if (!hasQuota(now) && rates.elapsedPeriods().orElse(0) == 0) {
                // no quota and no CFS period ran: there is nothing to be throttled against
                throttled = OptionalDouble.empty();
                throttledTime = OptionalDouble.empty();
            }
        }
        Metric taskMetric = counting.countsProcesses() ? Metric.PROCESSES : Metric.PIDS_CURRENT;
        return new GroupRow(now.path(),
                now.get(taskMetric),
                cpu,
                now.get(Metric.CPU_USAGE_NANOS),
                now.get(Metric.MEMORY_CURRENT_BYTES),
                read, write,
                now.limit(Metric.CPU_QUOTA_MICROS),
                now.get(Metric.CPU_PERIOD_MICROS),
                throttled, throttledTime,
                now.limit(Metric.MEMORY_LIMIT_BYTES),
                now.get(Metric.MEMORY_EVENTS_OOM_KILL),
                percent(now, Metric.PSI_CPU_SOME_AVG10),
                percent(now, Metric.PSI_MEMORY_SOME_AVG10),
                percent(now, Metric.PSI_IO_SOME_AVG10));
    }

    /** A pressure average, kept in hundredths of a percent, as a percentage. */
    private static OptionalDouble percent(UsageSnapshot now, Metric metric) {
        OptionalLong hundredths = now.get(metric);
        return hundredths.isPresent() ? OptionalDouble.of(hundredths.getAsLong() / 100.0) : OptionalDouble.empty();
    }

    private static boolean hasQuota(UsageSnapshot s) {
        return s.limit(Metric.CPU_QUOTA_MICROS).map(l -> !l.isUnlimited()).orElse(false);
    }

    /** Each group's count plus its descendants' (among the rows), deepest first. */
    static List<GroupRow> summedUp(List<GroupRow> rows) {
        Map<CgroupPath, Long> totals = new HashMap<>();
        List<GroupRow> deepestFirst = new ArrayList<>(rows);
        deepestFirst.sort(Comparator.comparingInt((GroupRow r) -> r.path().depth()).reversed());
        for (GroupRow r : deepestFirst) {
            Long mine = totals.get(r.path());
            long own = r.tasks().orElse(0);
            boolean known = r.tasks().isPresent() || mine != null;
            if (!known) {
                continue;
            }
            long total = own + (mine == null ? 0 : mine);
            totals.put(r.path(), total);
            if (!r.path().isRoot()) {
                totals.merge(r.path().parent(), total, Long::sum);
            }
        }
        List<GroupRow> out = new ArrayList<>(rows.size());
        for (GroupRow r : rows) {
            Long total = totals.get(r.path());
            out.add(total == null ? r : r.withTasks(OptionalLong.of(total)));
        }
        return out;
    }
}
