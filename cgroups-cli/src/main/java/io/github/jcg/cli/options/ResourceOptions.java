package io.github.jcg.cli.options;

import io.github.jcg.cli.UsageText;
import io.github.jcg.cli.getopt.LongOption;
import io.github.jcg.cli.getopt.ParsedOption;
import io.github.jcg.cli.getopt.UsageException;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.limit.CpuList;
import io.github.jcg.core.limit.CpuWeight;
import io.github.jcg.core.limit.KernelRanges;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Typed limits that mean the same on cgroup v1 and v2, in the units people use (see
 * {@link Quantities}); jcg's own long options on {@code create} and {@code set}, not libcgroup's.
 * They become one {@link Resources}, which the core writes all or nothing in the host's own files.
 */
public final class ResourceOptions {
    // getopt keys of the long-only options, outside the characters short options use
    private static final char CPU = '\uF001';
    private static final char CPU_PERIOD = '\uF002';
    private static final char CPU_WEIGHT = '\uF003';
    private static final char CPU_SHARES = '\uF004';
    private static final char MEMORY = '\uF005';
    private static final char MEMORY_HIGH = '\uF006';
    private static final char MEMORY_LOW = '\uF007';
    private static final char SWAP = '\uF008';
    private static final char PIDS = '\uF009';
    private static final char CPUSET_CPUS = '\uF00A';
    private static final char CPUSET_MEMS = '\uF00B';

    private static final List<LongOption> LONG_OPTIONS = List.of(
            LongOption.withValue("cpu", CPU), LongOption.withValue("cpu-period", CPU_PERIOD),
            LongOption.withValue("cpu-weight", CPU_WEIGHT), LongOption.withValue("cpu-shares", CPU_SHARES),
            LongOption.withValue("memory", MEMORY), LongOption.withValue("memory-high", MEMORY_HIGH),
            LongOption.withValue("memory-low", MEMORY_LOW), LongOption.withValue("swap", SWAP),
            // systemd's MemorySwapMax and the spelling: swap alone, as --swap
            LongOption.withValue("memory-swap", SWAP),
            LongOption.withValue("pids", PIDS), LongOption.withValue("cpuset-cpus", CPUSET_CPUS),
            LongOption.withValue("cpuset", CPUSET_CPUS),
            LongOption.withValue("cpuset-mems", CPUSET_MEMS));

    /** A command's own long options followed by the typed limits'. */
    public static List<LongOption> withLimits(LongOption... own) {
        List<LongOption> all = new ArrayList<>(own.length + LONG_OPTIONS.size());
        all.addAll(List.of(own));
        all.addAll(LONG_OPTIONS);
        return List.copyOf(all);
    }

    OptionalLong milliCpus;
    Long cpuPeriodMicros;
    Long cpuWeight;
    Long cpuShares;
    Limit memoryMax;
    Limit memoryHigh;
    Limit memoryLow;
    Limit swapMax;
    Limit pidsMax;
    String cpusetCpus;
    String cpusetMems;

    /**
     * Takes one parsed option if it is a typed limit, converting its value (a value that is not a
     * quantity is wrong usage, named with its option); returns false for any other option.
     */
    public boolean accept(ParsedOption option) {
        String v = option.value();
        switch (option.key()) {
            case CPU -> {
                try {
                    milliCpus = Quantities.milliCpus(v);
                } catch (IllegalArgumentException e) {
                    throw invalid("--cpu", e);
                }
            }
            case CPU_PERIOD -> cpuPeriodMicros = number("--cpu-period", v);
            case CPU_WEIGHT -> cpuWeight = number("--cpu-weight", v);
            case CPU_SHARES -> cpuShares = number("--cpu-shares", v);
            case MEMORY -> memoryMax = bytes("--memory", v);
            case MEMORY_HIGH -> memoryHigh = bytes("--memory-high", v);
            case MEMORY_LOW -> memoryLow = bytes("--memory-low", v);
            case SWAP -> swapMax = bytes("--swap", v);
            case PIDS -> {
                try {
                    pidsMax = Quantities.count(v);
                } catch (IllegalArgumentException e) {
                    throw invalid("--pids", e);
                }
            }
            case CPUSET_CPUS -> cpusetCpus = v;
            case CPUSET_MEMS -> cpusetMems = v;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Adds the options to a command's {@code -h} text. */
    public static UsageText describe(UsageText usage) {
        return usage.option("--cpu CPUS", "CPU limit: cores (1.5), millicores (500m), percent of one CPU (20%), or max")
                .option("--cpu-period MICROS", "CFS period for --cpu, in µs (1000 to 1000000; default 100000)")
                .option("--cpu-weight WEIGHT", "Relative CPU weight, 1 to 10000 (v2 scale; default 100)")
                .option("--cpu-shares SHARES", "Relative CPU shares, 2 to 262144 (v1 scale; default 1024)")
                .option("--memory BYTES", "Memory limit: 256Mi, 1.5Gi, 500M (10^6), or max")
                .option("--memory-high BYTES", "Memory throttling threshold (v1: the soft limit), or max")
                .option("--memory-low BYTES", "Memory protection (cgroup v2 only), or max")
                .option("--swap, --memory-swap BYTES", "Swap limit, swap alone (on v1 written as memory + swap), or max")
                .option("--pids COUNT", "Most processes and threads, or max")
                .option("--cpuset-cpus, --cpuset LIST", "CPUs the group may run on, e.g. 0-3,5")
                .option("--cpuset-mems LIST", "Memory nodes the group may use, e.g. 0");
    }

    private static Limit bytes(String option, String value) {
        try {
            return Quantities.bytes(value);
        } catch (IllegalArgumentException e) {
            throw invalid(option, e);
        }
    }

    private static Long number(String option, String value) {
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("invalid value for " + option + ": '" + value + "' is not a whole number");
        }
    }

    private static UsageException invalid(String option, IllegalArgumentException e) {
        return new UsageException("invalid value for " + option + ": " + e.getMessage());
    }

    /** Whether any typed limit was given. */
    public boolean isEmpty() {
        return milliCpus == null && cpuPeriodMicros == null && cpuWeight == null && cpuShares == null && memoryMax == null
                && memoryHigh == null && memoryLow == null && swapMax == null && pidsMax == null && cpusetCpus == null
                && cpusetMems == null;
    }

    /**
     * The limits as one value, or empty when none was given. A value the kernel would refuse
     * is wrong usage: the message names the option and the accepted range.
     */
    public Optional<Resources> toResources() {
        if (isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(build());
        } catch (InvalidValueException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private Resources build() {
        Resources.Builder b = Resources.builder();
        addCpu(b);
        if (cpuWeight != null && cpuShares != null) {
            throw new IllegalArgumentException("give --cpu-weight or --cpu-shares, not both (they set the same thing)");
        }
        if (cpuWeight != null) {
            b.cpuWeight(CpuWeight.weight(cpuWeight));
        }
        if (cpuShares != null) {
            b.cpuWeight(CpuWeight.shares(cpuShares));
        }
        Optional.ofNullable(memoryMax).ifPresent(b::memoryMax);
        Optional.ofNullable(memoryHigh).ifPresent(b::memoryHigh);
        Optional.ofNullable(memoryLow).ifPresent(b::memoryLow);
        Optional.ofNullable(swapMax).ifPresent(b::swapMax);
        Optional.ofNullable(pidsMax).ifPresent(b::pidsMax);
        Optional.ofNullable(cpusetCpus).map(CpuList::parse).ifPresent(b::cpusetCpus);
        Optional.ofNullable(cpusetMems).map(CpuList::parse).ifPresent(b::cpusetMems);
        return b.build();
    }

    private void addCpu(Resources.Builder b) {
        long period = cpuPeriodMicros == null ? KernelRanges.DEFAULT_CFS_PERIOD_MICROS : cpuPeriodMicros;
        if (milliCpus == null) {
            if (cpuPeriodMicros != null) {
                b.cpuPeriodMicros(period);
            }
            return;
        }
        if (milliCpus.isEmpty()) {
            b.cpuQuota(Limit.unlimited());
            if (cpuPeriodMicros != null) {
                b.cpuPeriodMicros(period);
            }
        } else {
            b.cpuCores(milliCpus.getAsLong() / 1000.0, period);
        }
    }
}
