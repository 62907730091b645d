package io.github.jcg.core.limit;

import io.github.jcg.core.InvalidValueException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The limits wanted for a group, in one vocabulary for v1 and v2. Every field is optional:
 * an empty one leaves the kernel's setting alone. Apply with {@link io.github.jcg.core.Cgroup#apply(Resources)};
 * read back with {@link io.github.jcg.core.Cgroup#resources()}. Values are range-checked when set, so an
 * instance always holds values the kernel can accept.
 */
public final class Resources {
    private final Limit cpuQuota;
    private final Long cpuPeriodMicros;
    private final Long cpuBurstMicros;
    private final CpuWeight cpuWeight;
    private final CpuList cpusetCpus;
    private final CpuList cpusetMems;
    private final Limit memoryMax;
    private final Limit memoryHigh;
    private final Limit memoryLow;
    private final Limit memoryMin;
    private final Limit swapMax;
    private final Limit pidsMax;
    private final List<IoDeviceLimit> io;
    private final Boolean frozen;

    private Resources(Builder b) {
        cpuQuota = b.cpuQuota;
        cpuPeriodMicros = b.cpuPeriodMicros;
        cpuBurstMicros = b.cpuBurstMicros;
        cpuWeight = b.cpuWeight;
        cpusetCpus = b.cpusetCpus;
        cpusetMems = b.cpusetMems;
        memoryMax = b.memoryMax;
        memoryHigh = b.memoryHigh;
        memoryLow = b.memoryLow;
        memoryMin = b.memoryMin;
        swapMax = b.swapMax;
        pidsMax = b.pidsMax;
        io = List.copyOf(b.io);
        frozen = b.frozen;
    }

    /**
     * A builder with every field empty.
     *
     * @return a new builder; {@link Builder#build()} straight away gives resources that change nothing
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * CFS quota per period, in µs ({@code cpu.cfs_quota_us}, first field of {@code cpu.max}).
     *
     * @return the quota, 1000 µs or more, or {@link Limit#unlimited()} (v1 {@code -1}, v2 {@code max});
     *         empty when not set
     */
    public Optional<Limit> cpuQuota() {
        return Optional.ofNullable(cpuQuota);
    }

    /**
     * CFS period, in µs ({@code cpu.cfs_period_us}, second field of {@code cpu.max}). Set without
     * a quota, it keeps the group's current quota.
     *
     * @return the period, 1000 to 1000000 µs; empty when not set
     */
    public OptionalLong cpuPeriodMicros() {
        return cpuPeriodMicros == null ? OptionalLong.empty() : OptionalLong.of(cpuPeriodMicros);
    }

    /**
     * CFS burst, in µs: quota left unused in earlier periods that a period may spend on top of
     * its own ({@code cpu.cfs_burst_us}, v2 {@code cpu.max.burst}; both need Linux 5.14 or later).
     *
     * @return the burst, 0 up to the quota; empty when not set
     */
    public OptionalLong cpuBurstMicros() {
        return cpuBurstMicros == null ? OptionalLong.empty() : OptionalLong.of(cpuBurstMicros);
    }

    /**
     * Relative CPU weight, on the scale it was given in: written as {@code cpu.shares} on v1 and
     * {@code cpu.weight} on v2, converted by the host's {@link SharesWeightMapping} when the scale
     * differs. Read back, it is on the scale of the version the cpu controller is on.
     *
     * @return the weight; empty when not set
     */
    public Optional<CpuWeight> cpuWeight() {
        return Optional.ofNullable(cpuWeight);
    }

    /**
     * The CPUs the group's tasks may run on ({@code cpuset.cpus}, the same on v1 and v2).
     *
     * @return the CPUs; empty when not set, which is not the same as an empty {@link CpuList}
     *         (written as an empty list)
     */
    public Optional<CpuList> cpusetCpus() {
        return Optional.ofNullable(cpusetCpus);
    }

    /**
     * The memory nodes the group's tasks may allocate from ({@code cpuset.mems}, the same on v1 and v2).
     *
     * @return the node numbers; empty when not set, which is not the same as an empty {@link CpuList}
     *         (written as an empty list)
     */
    public Optional<CpuList> cpusetMems() {
        return Optional.ofNullable(cpusetMems);
    }

    /**
     * Hard memory limit, in bytes: v2 {@code memory.max}, v1 {@code memory.limit_in_bytes}. The
     * kernel keeps it rounded down to whole pages.
     *
     * @return the limit in bytes, or {@link Limit#unlimited()}; empty when not set
     */
    public Optional<Limit> memoryMax() {
        return Optional.ofNullable(memoryMax);
    }

    /**
     * v2 {@code memory.high}; on v1 the soft limit ({@code memory.soft_limit_in_bytes}).
     *
     * @return the limit in bytes, or {@link Limit#unlimited()}; empty when not set
     */
    public Optional<Limit> memoryHigh() {
        return Optional.ofNullable(memoryHigh);
    }

    /**
     * v2 only ({@code memory.low}): best-effort protection; memory up to this amount is reclaimed
     * from the group only when no unprotected memory is left to reclaim. Applying it where memory
     * is on v1 throws {@link InvalidValueException}.
     *
     * @return the protection in bytes, or {@link Limit#unlimited()}; empty when not set
     */
    public Optional<Limit> memoryLow() {
        return Optional.ofNullable(memoryLow);
    }

    /**
     * v2 only ({@code memory.min}): hard protection; memory up to this amount is never reclaimed
     * from the group. Applying it where memory is on v1 throws {@link InvalidValueException}.
     *
     * @return the protection in bytes, or {@link Limit#unlimited()}; empty when not set
     */
    public Optional<Limit> memoryMin() {
        return Optional.ofNullable(memoryMin);
    }

    /**
     * Swap alone, as v2's {@code memory.swap.max}; on v1 written as memory+swap to memsw.
     *
     * <p>On v1 applying it throws {@link InvalidValueException} where the group has no
     * {@code memory.memsw.limit_in_bytes} (swap accounting off) and, for a bounded value, where
     * there is no memory limit, in these resources or on the group; a sum past 2^63 − 1 is written
     * as no limit. Read back on v1 it is memsw less the memory limit, at least 0; with no memory
     * limit, the memsw limit itself.
     *
     * @return the limit in bytes, or {@link Limit#unlimited()}; empty when not set
     */
    public Optional<Limit> swapMax() {
        return Optional.ofNullable(swapMax);
    }

    /**
     * Most tasks (processes and threads) the group may hold ({@code pids.max}, the same on v1 and v2).
     *
     * @return the limit, 0 to 4194304, or {@link Limit#unlimited()}; empty when not set
     */
    public Optional<Limit> pidsMax() {
        return Optional.ofNullable(pidsMax);
    }

    /**
     * Block IO throttles: v2 {@code io.max}, v1 {@code blkio.throttle.*_device}.
     *
     * @return one entry per device, in the order they were added; unmodifiable, empty when none is set
     */
    public List<IoDeviceLimit> io() {
        return io;
    }

    /**
     * Whether the group is to be frozen: v2 {@code cgroup.freeze}, v1 {@code freezer.state} (on a
     * hybrid host, a group outside the v1 freezer hierarchy uses the v2 mount's
     * {@code cgroup.freeze}). Read back it is the state asked for, which the group may not have
     * reached yet (a v1 group still {@code FREEZING} reads as true);
     * {@link io.github.jcg.core.Cgroup#isFrozen()} says whether it has.
     *
     * @return true to freeze, false to thaw; empty when not set
     */
    public Optional<Boolean> frozen() {
        return Optional.ofNullable(frozen);
    }

    /**
     * The CPU limit in cores (quota / period), when both are known and bounded.
     *
     * @return the number of CPUs, such as 0.5; empty when the quota or the period is not set, or
     *         the quota is unlimited
     */
    public Optional<Double> cpuCores() {
        if (cpuQuota == null || cpuQuota.isUnlimited() || cpuPeriodMicros == null) {
            return Optional.empty();
        }
        return Optional.of((double) cpuQuota.value() / cpuPeriodMicros);
    }

    /**
     * Whether no field is set, so that applying these resources writes nothing.
     *
     * @return true when every field is empty and {@link #io()} holds no device
     */
    public boolean isEmpty() {
        return equals(builder().build());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resources r
                && Objects.equals(cpuQuota, r.cpuQuota) && Objects.equals(cpuPeriodMicros, r.cpuPeriodMicros)
                && Objects.equals(cpuBurstMicros, r.cpuBurstMicros) && Objects.equals(cpuWeight, r.cpuWeight)
                && Objects.equals(cpusetCpus, r.cpusetCpus) && Objects.equals(cpusetMems, r.cpusetMems)
                && Objects.equals(memoryMax, r.memoryMax) && Objects.equals(memoryHigh, r.memoryHigh)
                && Objects.equals(memoryLow, r.memoryLow) && Objects.equals(memoryMin, r.memoryMin)
                && Objects.equals(swapMax, r.swapMax) && Objects.equals(pidsMax, r.pidsMax)
                && io.equals(r.io) && Objects.equals(frozen, r.frozen);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cpuQuota, cpuPeriodMicros, cpuBurstMicros, cpuWeight, cpusetCpus, cpusetMems,
                memoryMax, memoryHigh, memoryLow, memoryMin, swapMax, pidsMax, io, frozen);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        add(parts, "cpuQuota", cpuQuota);
        add(parts, "cpuPeriodMicros", cpuPeriodMicros);
        add(parts, "cpuBurstMicros", cpuBurstMicros);
        add(parts, "cpuWeight", cpuWeight);
        add(parts, "cpusetCpus", cpusetCpus);
        add(parts, "cpusetMems", cpusetMems);
        add(parts, "memoryMax", memoryMax);
        add(parts, "memoryHigh", memoryHigh);
        add(parts, "memoryLow", memoryLow);
        add(parts, "memoryMin", memoryMin);
        add(parts, "swapMax", swapMax);
        add(parts, "pidsMax", pidsMax);
        if (!io.isEmpty()) {
            parts.add("io=" + io);
        }
        add(parts, "frozen", frozen);
        return "Resources{" + String.join(", ", parts) + "}";
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }

    /** Collects limits; each setter checks its range and throws {@link InvalidValueException}. */
    public static final class Builder {
        private Limit cpuQuota;
        private Long cpuPeriodMicros;
        private Long cpuBurstMicros;
        private CpuWeight cpuWeight;
        private CpuList cpusetCpus;
        private CpuList cpusetMems;
        private Limit memoryMax;
        private Limit memoryHigh;
        private Limit memoryLow;
        private Limit memoryMin;
        private Limit swapMax;
        private Limit pidsMax;
        private final List<IoDeviceLimit> io = new ArrayList<>();
        private Boolean frozen;

        private Builder() {
        }

        /**
         * Quota in µs per period (≥ 1000), or {@link Limit#unlimited()}.
         *
         * @param quotaMicros the run time per period, 1000 to 2^44 − 1 µs, or {@link Limit#unlimited()}
         * @return this builder
         * @throws InvalidValueException when the quota is bounded and outside that range
         */
        public Builder cpuQuota(Limit quotaMicros) {
            KernelRanges.checkQuota("cpu quota", quotaMicros);
            this.cpuQuota = quotaMicros;
            return this;
        }

        /**
         * Period in µs, 1000 to 1000000.
         *
         * @param periodMicros the period in µs; the kernel's default is 100000
         *                     ({@link KernelRanges#DEFAULT_CFS_PERIOD_MICROS})
         * @return this builder
         * @throws InvalidValueException when the period is outside 1000 to 1000000 µs
         */
        public Builder cpuPeriodMicros(long periodMicros) {
            KernelRanges.checkPeriod("cpu period", periodMicros);
            this.cpuPeriodMicros = periodMicros;
            return this;
        }

        /**
         * Quota and period together, e.g. {@code cpuMax(Limit.of(50_000), 100_000)} for half a CPU.
         *
         * @param quotaMicros  the run time per period, 1000 to 2^44 − 1 µs, or {@link Limit#unlimited()}
         * @param periodMicros the period, 1000 to 1000000 µs
         * @return this builder
         * @throws InvalidValueException when the quota or the period is out of range
         */
        public Builder cpuMax(Limit quotaMicros, long periodMicros) {
            return cpuQuota(quotaMicros).cpuPeriodMicros(periodMicros);
        }

        /**
         * A limit in CPUs (cores): {@code 0.5} is half a CPU. Sets the period and a quota of
         * {@code cores × periodMicros}, rounded to the nearest µs; refuses limits below 1 ms of
         * quota per period.
         *
         * @param cores        a positive, finite number of CPUs
         * @param periodMicros the period, 1000 to 1000000 µs; pass
         *                     {@link KernelRanges#DEFAULT_CFS_PERIOD_MICROS} for the kernel's default
         * @return this builder
         * @throws InvalidValueException when {@code cores} is not a positive finite number, the period
         *                               is out of range, or the quota comes to less than 1000 µs or
         *                               more than 2^44 − 1 µs
         */
        public Builder cpuCores(double cores, long periodMicros) {
            KernelRanges.checkPeriod("cpu period", periodMicros);
            if (!(cores > 0) || Double.isInfinite(cores)) {
                throw new InvalidValueException("cpu limit", Double.toString(cores), "must be a positive number of CPUs");
            }
            long quota = Math.round(cores * periodMicros);
            if (quota < KernelRanges.MIN_CFS_MICROS) {
                throw new InvalidValueException("cpu limit", cores + " CPUs",
                        "is below the kernel's minimum quota of 1000 µs per " + periodMicros + " µs period ("
                                + ((double) KernelRanges.MIN_CFS_MICROS / periodMicros) + " CPUs)");
            }
            return cpuMax(Limit.of(quota), periodMicros);
        }

        /**
         * Burst in µs; see {@link Resources#cpuBurstMicros()}.
         *
         * @param burstMicros 0 to 2^44 − 1 µs, and not more than the quota; {@link #build()} refuses
         *                    a burst above a bounded quota set on this builder
         * @return this builder
         * @throws InvalidValueException when the burst is outside 0 to 2^44 − 1 µs
         */
        public Builder cpuBurstMicros(long burstMicros) {
            KernelRanges.checkRange("cpu burst", burstMicros, 0, KernelRanges.MAX_CFS_QUOTA_MICROS, " µs");
            this.cpuBurstMicros = burstMicros;
            return this;
        }

        /**
         * Relative CPU weight, as shares or as weight; see {@link Resources#cpuWeight()}.
         *
         * @param weight the weight, range-checked when it was made
         * @return this builder
         */
        public Builder cpuWeight(CpuWeight weight) {
            this.cpuWeight = Objects.requireNonNull(weight);
            return this;
        }

        /**
         * The CPUs the group's tasks may run on ({@code cpuset.cpus}).
         *
         * @param cpus the CPU numbers
         * @return this builder
         */
        public Builder cpusetCpus(CpuList cpus) {
            this.cpusetCpus = Objects.requireNonNull(cpus);
            return this;
        }

        /**
         * The memory nodes the group's tasks may allocate from ({@code cpuset.mems}).
         *
         * @param mems the memory-node numbers
         * @return this builder
         */
        public Builder cpusetMems(CpuList mems) {
            this.cpusetMems = Objects.requireNonNull(mems);
            return this;
        }

        /**
         * Hard memory limit: v2 {@code memory.max}, v1 {@code memory.limit_in_bytes}.
         *
         * @param bytes the limit in bytes, or {@link Limit#unlimited()}
         * @return this builder
         */
        public Builder memoryMax(Limit bytes) {
            this.memoryMax = Objects.requireNonNull(bytes);
            return this;
        }

        /**
         * v2 {@code memory.high}; on v1 the soft limit ({@code memory.soft_limit_in_bytes}).
         *
         * @param bytes the limit in bytes, or {@link Limit#unlimited()}
         * @return this builder
         */
        public Builder memoryHigh(Limit bytes) {
            this.memoryHigh = Objects.requireNonNull(bytes);
            return this;
        }

        /**
         * v2 only ({@code memory.low}); applying it where memory is on v1 throws
         * {@link InvalidValueException}.
         *
         * @param bytes the protection in bytes, or {@link Limit#unlimited()}
         * @return this builder
         */
        public Builder memoryLow(Limit bytes) {
            this.memoryLow = Objects.requireNonNull(bytes);
            return this;
        }

        /**
         * v2 only ({@code memory.min}); applying it where memory is on v1 throws
         * {@link InvalidValueException}.
         *
         * @param bytes the protection in bytes, or {@link Limit#unlimited()}
         * @return this builder
         */
        public Builder memoryMin(Limit bytes) {
            this.memoryMin = Objects.requireNonNull(bytes);
            return this;
        }

        /**
         * Swap alone; on v1 it needs a memory limit too. See {@link Resources#swapMax()}.
         *
         * @param bytes the swap limit in bytes, or {@link Limit#unlimited()}
         * @return this builder
         */
        public Builder swapMax(Limit bytes) {
            this.swapMax = Objects.requireNonNull(bytes);
            return this;
        }

        /**
         * Most tasks (processes and threads) the group may hold ({@code pids.max}).
         *
         * @param pids 0 to 4194304 tasks, or {@link Limit#unlimited()}
         * @return this builder
         * @throws InvalidValueException when the limit is above 4194304
         */
        public Builder pidsMax(Limit pids) {
            if (!pids.isUnlimited()) {
                KernelRanges.checkRange("pids max", pids.value(), 0, KernelRanges.MAX_PIDS, ", or no limit");
            }
            this.pidsMax = pids;
            return this;
        }

        /**
         * Throttles for one block device. Adding a device again replaces what this builder held
         * for it; devices not named are left as they are.
         *
         * @param limit the device and its throttles; an empty throttle leaves the kernel's as it is
         * @return this builder
         */
        public Builder io(IoDeviceLimit limit) {
            io.removeIf(existing -> existing.device().equals(limit.device()));
            io.add(limit);
            return this;
        }

        /**
         * Freezes or thaws the group. {@link io.github.jcg.core.Cgroup#apply(Resources)} then waits
         * up to 5 s for the group to reach that state.
         *
         * @param frozen true to freeze, false to thaw
         * @return this builder
         */
        public Builder frozen(boolean frozen) {
            this.frozen = frozen;
            return this;
        }

        /**
         * The resources set so far.
         *
         * @return an immutable instance; with nothing set, one that changes nothing
         * @throws InvalidValueException when the burst exceeds a bounded quota both set on this builder
         */
        public Resources build() {
            if (cpuBurstMicros != null && cpuQuota != null && !cpuQuota.isUnlimited() && cpuBurstMicros > cpuQuota.value()) {
                throw new InvalidValueException("cpu burst", cpuBurstMicros + " µs",
                        "must not exceed the quota (" + cpuQuota.value() + " µs)");
            }
            return new Resources(this);
        }
    }
}
