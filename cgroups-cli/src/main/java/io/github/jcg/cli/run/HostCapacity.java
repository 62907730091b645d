package io.github.jcg.cli.run;

import io.github.jcg.cli.getopt.UsageException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.limit.CpuList;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What this host has, for refusing a limit that cannot mean anything here: zero, or more than
 * the host has (a --cpu 64 on 2 CPUs, --memory beyond its RAM, a --cpuset naming a CPU that
 * is not online). Said before any group is made.
 */
public final class HostCapacity {
    private final Optional<CpuList> onlineCpus;
    private final OptionalLong memoryBytes;

    HostCapacity(Optional<CpuList> onlineCpus, OptionalLong memoryBytes) {
        this.onlineCpus = onlineCpus;
        this.memoryBytes = memoryBytes;
    }

    /** Reads the online CPUs and the RAM of the host jcg looks at. */
    public static HostCapacity of(CgroupHost host) {
        Path online = host.paths().fsRoot().resolve("sys/devices/system/cpu/online");
        Optional<CpuList> cpus = Optional.empty();
        try {
            cpus = Optional.of(CpuList.parse(Files.readString(online).strip()));
        } catch (IOException | IllegalArgumentException e) {
            // unknown: the CPU checks are left to the kernel
        }
        OptionalLong memory = OptionalLong.empty();
        try {
            for (String line : Files.readAllLines(host.paths().procRoot().resolve("meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memory = OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unknown: the kernel takes any limit
        }
        return new HostCapacity(cpus, memory);
    }

    /** Refuses, as wrong usage, a limit that is zero or beyond the host. */
    public void check(Resources r) {
        r.cpuCores().ifPresent(cores -> {
            if (cores <= 0) {
                throw new UsageException("invalid value for --cpu: must be more than 0 CPUs");
            }
            onlineCpus.ifPresent(cpus -> {
                if (cores > cpus.size()) {
                    throw new UsageException("invalid value for --cpu: " + cores + " CPUs is more than this host's "
                            + cpus.size() + "; give at most " + cpus.size() + ", or max");
                }
            });
        });
        positive(r.memoryMax(), "--memory");
        positive(r.memoryHigh(), "--memory-high");
        positive(r.pidsMax(), "--pids");
        memoryBytes.ifPresent(total -> {
            r.memoryMax().filter(l -> !l.isUnlimited() && l.value() > total).ifPresent(l -> {
                throw new UsageException("invalid value for --memory: " + l.value() + " bytes is more than this host's "
                        + total + " bytes of RAM; give less, or max");
            });
        });
        r.cpusetCpus().ifPresent(wanted -> onlineCpus.ifPresent(cpus -> {
            if (!cpus.containsAll(wanted)) {
                throw new UsageException("invalid value for --cpuset: " + wanted + " names CPUs that are not online here (online: "
                        + cpus + ")");
            }
        }));
    }

    private static void positive(Optional<Limit> limit, String option) {
        limit.filter(l -> !l.isUnlimited() && l.value() <= 0).ifPresent(l -> {
            throw new UsageException("invalid value for " + option + ": must be more than 0, or max");
        });
    }
}
