package io.github.jcg.cli.options;

import io.github.jcg.core.CpuList;
import io.github.jcg.core.CpuWeight;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.KernelRanges;
import io.github.jcg.core.Limit;
import io.github.jcg.core.Resources;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Typed limits that mean the same on cgroup v1 and v2, in the units people use (see
 * {@link Quantities}); jcg's own options, not libcgroup's. They become one {@link Resources},
 * which the core writes all or nothing in the host's own files.
 */
public final class ResourceOptions {
    @Option(names = "--cpu", paramLabel = "CPUS", converter = CpuConverter.class,
            description = "CPU limit: cores (1.5), millicores (500m), percent of one CPU (20%), or max.")
    OptionalLong milliCpus;

    @Option(names = "--cpu-period", paramLabel = "MICROS",
            description = "CFS period for --cpu, in µs (1000 to 1000000; default 100000).")
    Long cpuPeriodMicros;

    @Option(names = "--cpu-weight", paramLabel = "WEIGHT", description = "Relative CPU weight, 1 to 10000 (v2 scale; default 100).")
    Long cpuWeight;

    @Option(names = "--cpu-shares", paramLabel = "SHARES", description = "Relative CPU shares, 2 to 262144 (v1 scale; default 1024).")
    Long cpuShares;

    @Option(names = "--memory", paramLabel = "BYTES", converter = BytesConverter.class,
            description = "Memory limit: 256Mi, 1.5Gi, 500M (10^6), or max.")
    Limit memoryMax;

    @Option(names = "--memory-high", paramLabel = "BYTES", converter = BytesConverter.class,
            description = "Memory throttling threshold (v1: the soft limit), or max.")
    Limit memoryHigh;

    @Option(names = "--memory-low", paramLabel = "BYTES", converter = BytesConverter.class,
            description = "Memory protection (cgroup v2 only), or max.")
    Limit memoryLow;

    @Option(names = "--swap", paramLabel = "BYTES", converter = BytesConverter.class,
            description = "Swap limit (on v1 written as memory + swap), or max.")
    Limit swapMax;

    @Option(names = "--pids", paramLabel = "COUNT", converter = CountConverter.class,
            description = "Most processes and threads, or max.")
    Limit pidsMax;

    @Option(names = "--cpuset-cpus", paramLabel = "LIST", description = "CPUs the group may run on, e.g. 0-3,5.")
    String cpusetCpus;

    @Option(names = "--cpuset-mems", paramLabel = "LIST", description = "Memory nodes the group may use, e.g. 0.")
    String cpusetMems;

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
    public Optional<Resources> toResources(CommandLine cli) {
        if (isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(build());
        } catch (InvalidValueException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
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

    /** Converts {@code --cpu}; empty means no limit. */
    public static final class CpuConverter implements CommandLine.ITypeConverter<OptionalLong> {
        @Override
        public OptionalLong convert(String value) {
            try {
                return Quantities.milliCpus(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Converts byte quantities. */
    public static final class BytesConverter implements CommandLine.ITypeConverter<Limit> {
        @Override
        public Limit convert(String value) {
            try {
                return Quantities.bytes(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Converts counts. */
    public static final class CountConverter implements CommandLine.ITypeConverter<Limit> {
        @Override
        public Limit convert(String value) {
            try {
                return Quantities.count(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
