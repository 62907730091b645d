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

    public static Builder builder() {
        return new Builder();
    }

    /** CFS quota per period, in µs ({@code cpu.cfs_quota_us}, first field of {@code cpu.max}). */
    public Optional<Limit> cpuQuota() {
        return Optional.ofNullable(cpuQuota);
    }

    public OptionalLong cpuPeriodMicros() {
        return cpuPeriodMicros == null ? OptionalLong.empty() : OptionalLong.of(cpuPeriodMicros);
    }

    public OptionalLong cpuBurstMicros() {
        return cpuBurstMicros == null ? OptionalLong.empty() : OptionalLong.of(cpuBurstMicros);
    }

    public Optional<CpuWeight> cpuWeight() {
        return Optional.ofNullable(cpuWeight);
    }

    public Optional<CpuList> cpusetCpus() {
        return Optional.ofNullable(cpusetCpus);
    }

    public Optional<CpuList> cpusetMems() {
        return Optional.ofNullable(cpusetMems);
    }

    public Optional<Limit> memoryMax() {
        return Optional.ofNullable(memoryMax);
    }

    /** v2 {@code memory.high}; on v1 the soft limit ({@code memory.soft_limit_in_bytes}). */
    public Optional<Limit> memoryHigh() {
        return Optional.ofNullable(memoryHigh);
    }

    /** v2 only ({@code memory.low}). */
    public Optional<Limit> memoryLow() {
        return Optional.ofNullable(memoryLow);
    }

    /** v2 only ({@code memory.min}). */
    public Optional<Limit> memoryMin() {
        return Optional.ofNullable(memoryMin);
    }

    /** Swap alone, as v2's {@code memory.swap.max}; on v1 written as memory+swap to memsw. */
    public Optional<Limit> swapMax() {
        return Optional.ofNullable(swapMax);
    }

    public Optional<Limit> pidsMax() {
        return Optional.ofNullable(pidsMax);
    }

    public List<IoDeviceLimit> io() {
        return io;
    }

    public Optional<Boolean> frozen() {
        return Optional.ofNullable(frozen);
    }

    /** The CPU limit in cores (quota / period), when both are known and bounded. */
    public Optional<Double> cpuCores() {
        if (cpuQuota == null || cpuQuota.isUnlimited() || cpuPeriodMicros == null) {
            return Optional.empty();
        }
        return Optional.of((double) cpuQuota.value() / cpuPeriodMicros);
    }

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

        /** Quota in µs per period (≥ 1000), or {@link Limit#unlimited()}. */
        public Builder cpuQuota(Limit quotaMicros) {
            KernelRanges.checkQuota("cpu quota", quotaMicros);
            this.cpuQuota = quotaMicros;
            return this;
        }

        /** Period in µs, 1000 to 1000000. */
        public Builder cpuPeriodMicros(long periodMicros) {
            KernelRanges.checkPeriod("cpu period", periodMicros);
            this.cpuPeriodMicros = periodMicros;
            return this;
        }

        /** Quota and period together, e.g. {@code cpuMax(Limit.of(50_000), 100_000)} for half a CPU. */
        public Builder cpuMax(Limit quotaMicros, long periodMicros) {
            return cpuQuota(quotaMicros).cpuPeriodMicros(periodMicros);
        }

        /**
         * A limit in CPUs (cores): {@code 0.5} is half a CPU. Uses the given period (or the
         * default 100 ms) and refuses limits below 1 ms of quota per period.
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

        public Builder cpuBurstMicros(long burstMicros) {
            KernelRanges.checkRange("cpu burst", burstMicros, 0, KernelRanges.MAX_CFS_QUOTA_MICROS, " µs");
            this.cpuBurstMicros = burstMicros;
            return this;
        }

        public Builder cpuWeight(CpuWeight weight) {
            this.cpuWeight = Objects.requireNonNull(weight);
            return this;
        }

        public Builder cpusetCpus(CpuList cpus) {
            this.cpusetCpus = Objects.requireNonNull(cpus);
            return this;
        }

        public Builder cpusetMems(CpuList mems) {
            this.cpusetMems = Objects.requireNonNull(mems);
            return this;
        }

        public Builder memoryMax(Limit bytes) {
            this.memoryMax = Objects.requireNonNull(bytes);
            return this;
        }

        public Builder memoryHigh(Limit bytes) {
            this.memoryHigh = Objects.requireNonNull(bytes);
            return this;
        }

        public Builder memoryLow(Limit bytes) {
            this.memoryLow = Objects.requireNonNull(bytes);
            return this;
        }

        public Builder memoryMin(Limit bytes) {
            this.memoryMin = Objects.requireNonNull(bytes);
            return this;
        }

        public Builder swapMax(Limit bytes) {
            this.swapMax = Objects.requireNonNull(bytes);
            return this;
        }

        public Builder pidsMax(Limit pids) {
            if (!pids.isUnlimited()) {
                KernelRanges.checkRange("pids max", pids.value(), 0, KernelRanges.MAX_PIDS, ", or no limit");
            }
            this.pidsMax = pids;
            return this;
        }

        public Builder io(IoDeviceLimit limit) {
            io.removeIf(existing -> existing.device().equals(limit.device()));
            io.add(limit);
            return this;
        }

        public Builder frozen(boolean frozen) {
            this.frozen = frozen;
            return this;
        }

        public Resources build() {
            if (cpuBurstMicros != null && cpuQuota != null && !cpuQuota.isUnlimited() && cpuBurstMicros > cpuQuota.value()) {
                throw new InvalidValueException("cpu burst", cpuBurstMicros + " µs",
                        "must not exceed the quota (" + cpuQuota.value() + " µs)");
            }
            return new Resources(this);
        }
    }
}
