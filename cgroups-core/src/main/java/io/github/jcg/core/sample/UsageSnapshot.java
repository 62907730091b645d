package io.github.jcg.core.sample;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.limit.Limit;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * What one group had used at one instant. Each {@link Metric} is either present, absent
 * (the host or group does not provide it: never a made-up zero) or, for limits, "no limit".
 *
 * <p>Stored as two bit masks and a {@code long[]} holding only the metrics present, in metric
 * order, so a sampler pass over a thousand groups allocates little; accessors build
 * {@link OptionalLong}s only when asked.
 */
public final class UsageSnapshot {
    private final CgroupPath path;
    private final long monotonicNanos;
    private final long[] values;
    private final long presentMask;
    private final long unlimitedMask;

    /** @param byOrdinal values indexed by metric ordinal; only the present ones are kept */
    UsageSnapshot(CgroupPath path, long monotonicNanos, long[] byOrdinal, long presentMask, long unlimitedMask) {
        this.path = path;
        this.monotonicNanos = monotonicNanos;
        this.presentMask = presentMask;
        this.unlimitedMask = unlimitedMask;
        this.values = new long[Long.bitCount(presentMask)];
        int i = 0;
        for (long rest = presentMask; rest != 0; rest &= rest - 1) {
            values[i++] = byOrdinal[Long.numberOfTrailingZeros(rest)];
        }
    }

    /** Where a present metric's value sits in the compact array. */
    private int slot(Metric metric) {
        return Long.bitCount(presentMask & (bit(metric) - 1));
    }

    /**
     * The group the snapshot is of.
     *
     * @return the group's path relative to the hierarchy roots, {@code /} for the root group
     */
    public CgroupPath path() {
        return path;
    }

    /**
     * {@link System#nanoTime()} when the snapshot was taken; only differences mean anything.
     *
     * @return the time, ns, on this JVM's monotonic clock
     */
    public long monotonicNanos() {
        return monotonicNanos;
    }

    /**
     * Whether the metric was read (for a limit: bounded or not).
     *
     * @param metric the metric
     * @return false when it was not asked for, or the host or group does not provide it
     */
    public boolean has(Metric metric) {
        return (presentMask & bit(metric)) != 0;
    }

    /**
     * The value, or empty when absent or when it is a limit that is not set.
     *
     * @param metric the metric
     * @return the value in the metric's unit; use {@link #limit} to tell "no limit" from absent
     */
    public OptionalLong get(Metric metric) {
        return has(metric) && !isUnlimited(metric) ? OptionalLong.of(values[slot(metric)]) : OptionalLong.empty();
    }

    /**
     * The value without boxing; the caller must have checked {@link #has} (and not unlimited).
     *
     * @param metric the metric
     * @return the value in the metric's unit
     * @throws IllegalStateException when the metric is absent, or is a limit set to "no limit"
     */
    public long getAsLong(Metric metric) {
        if (!has(metric) || isUnlimited(metric)) {
            throw new IllegalStateException(metric + " is not available for " + path);
        }
        return values[slot(metric)];
    }

    /**
     * A limit metric: empty when absent, {@link Limit#unlimited()} when present but unset.
     *
     * @param metric the metric, normally one of {@link Metric.Kind#LIMIT}; another present one
     *               comes back as a bounded limit
     * @return the limit; empty when the metric is absent
     */
    public Optional<Limit> limit(Metric metric) {
        if (!has(metric)) {
            return Optional.empty();
        }
        return Optional.of(isUnlimited(metric) ? Limit.unlimited() : Limit.of(values[slot(metric)]));
    }

    /**
     * Whether a limit metric was read as "no limit" ({@code max}, or v1's memory ceiling).
     *
     * @param metric the metric
     * @return true only for a present limit that is unset; false when the metric is absent
     */
    public boolean isUnlimited(Metric metric) {
        return (unlimitedMask & bit(metric)) != 0;
    }

    /**
     * Shorthand for {@code get(Metric.CPU_USAGE_NANOS)}.
     *
     * @return CPU time used by the group and its descendants, ns; empty when not read
     */
    public OptionalLong cpuUsageNanos() {
        return get(Metric.CPU_USAGE_NANOS);
    }

    /**
     * Shorthand for {@code get(Metric.MEMORY_CURRENT_BYTES)}.
     *
     * @return memory charged to the group, bytes; empty when not read
     */
    public OptionalLong memoryCurrentBytes() {
        return get(Metric.MEMORY_CURRENT_BYTES);
    }

    /**
     * Shorthand for {@code get(Metric.CPU_THROTTLED_PERIODS)}.
     *
     * @return how many CFS periods the group was throttled in so far; empty when not read
     */
    public OptionalLong throttledPeriods() {
        return get(Metric.CPU_THROTTLED_PERIODS);
    }

    /**
     * Shorthand for {@code get(Metric.MEMORY_EVENTS_OOM_KILL)}: the question after a run that
     * died without a word.
     *
     * @return processes of the group the OOM killer killed so far ({@code memory.events} on v2,
     *         {@code memory.oom_control} on v1); empty when not read, or on a v1 kernel before 4.13
     */
    public OptionalLong oomKills() {
        return get(Metric.MEMORY_EVENTS_OOM_KILL);
    }

    /**
     * Shorthand for {@code get(Metric.MEMORY_PEAK_BYTES)}.
     *
     * @return the most memory the group has had charged, bytes ({@code memory.peak} on v2, Linux
     *         5.19 and later; {@code memory.max_usage_in_bytes} on v1); empty when not read
     */
    public OptionalLong memoryPeakBytes() {
        return get(Metric.MEMORY_PEAK_BYTES);
    }

    /**
     * Shorthand for {@code get(Metric.PIDS_PEAK)}.
     *
     * @return the most tasks the group has held at once ({@code pids.peak}, Linux 6.13 and
     *         later); empty when not read
     */
    public OptionalLong pidsPeak() {
        return get(Metric.PIDS_PEAK);
    }

    /**
     * {@link Metric#POPULATED} as a yes or no.
     *
     * @return whether a process lives in the group or below it; empty when not read, or where
     *         there is no {@code cgroup.events} (a group on v1 hierarchies only, the root group)
     */
    public Optional<Boolean> populated() {
        return flag(Metric.POPULATED);
    }

    /**
     * {@link Metric#FROZEN} as a yes or no.
     *
     * @return whether the kernel has frozen the group (a freeze still under way is not frozen);
     *         empty when not read, or where the group has no freezer file
     */
    public Optional<Boolean> frozen() {
        return flag(Metric.FROZEN);
    }

    private Optional<Boolean> flag(Metric metric) {
        return has(metric) ? Optional.of(values[slot(metric)] != 0) : Optional.empty();
    }

    static long bit(Metric metric) {
        return 1L << metric.ordinal();
    }

    /**
     * Builds a snapshot by hand: for tests of code that consumes snapshots, and for replaying recorded data.
     *
     * @param path           the group's path
     * @param monotonicNanos the time of the snapshot, as {@link System#nanoTime()} gives it
     * @return a builder with no metric present
     */
    public static Builder builder(CgroupPath path, long monotonicNanos) {
        return new Builder(path, monotonicNanos);
    }

    /** See {@link #builder}. */
    public static final class Builder {
        private final CgroupPath path;
        private final long monotonicNanos;
        private final long[] values = new long[Metric.ALL.length];
        private long present;
        private long unlimited;

        private Builder(CgroupPath path, long monotonicNanos) {
            this.path = path;
            this.monotonicNanos = monotonicNanos;
        }

        /**
         * Makes a metric present with a value; for a limit, a bounded one. A later call for the
         * same metric replaces it.
         *
         * @param metric the metric
         * @param value  the value in the metric's unit; it is not checked
         * @return this builder
         */
        public Builder put(Metric metric, long value) {
            values[metric.ordinal()] = value;
            present |= bit(metric);
            unlimited &= ~bit(metric);
            return this;
        }

        /**
         * A limit metric that is present but set to "no limit".
         *
         * @param metric a metric of {@link Metric.Kind#LIMIT}
         * @return this builder
         * @throws IllegalArgumentException when the metric is not a limit
         */
        public Builder unlimited(Metric metric) {
            if (metric.kind() != Metric.Kind.LIMIT) {
                throw new IllegalArgumentException(metric + " is not a limit");
            }
            present |= bit(metric);
            unlimited |= bit(metric);
            return this;
        }

        /**
         * The snapshot; the builder may go on to build others.
         *
         * @return a snapshot holding the metrics put so far
         */
        public UsageSnapshot build() {
            return new UsageSnapshot(path, monotonicNanos, values, present, unlimited);
        }
    }

    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "UsageSnapshot{" + path + ": ", "}");
        for (Metric m : Metric.ALL) {
            if (has(m)) {
                out.add(m + "=" + (isUnlimited(m) ? "max" : Long.toString(values[slot(m)])));
            }
        }
        return out.toString();
    }
}
