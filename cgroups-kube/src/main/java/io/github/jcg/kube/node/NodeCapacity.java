package io.github.jcg.kube.node;

import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * A node's Capacity as the kubelet reports it ({@code status.capacity}): what cAdvisor finds on
 * the host ({@code CapacityFromMachineInfo} in {@code pkg/kubelet/cadvisor/util.go}) and
 * {@code maxPods}.
 *
 * <ul>
 * <li>{@code cpu}: the logical CPUs, written as whole cores ({@code 2});</li>
 * <li>{@code memory}: {@code MemTotal} of {@code /proc/meminfo} in bytes, binary SI
 * ({@code 16303428Ki});</li>
 * <li>{@code hugepages-<size>}: for every huge page size the kernel offers, the pages reserved
 * times the size, zero included ({@code hugepages-2Mi: 0});</li>
 * <li>{@code pods}: {@code maxPods}.</li>
 * </ul>
 * {@code ephemeral-storage} (the kubelet's root file system) is not modelled. The kubelet also
 * keeps an internal {@code pid} capacity, never shown in the node's status, that bounds the
 * {@code kubepods} group's {@code pids.max}: {@link #maxPidsOfHost()}.
 */
public final class NodeCapacity {

    /** The resource name of the pod count. */
    public static final String PODS = "pods";
    /** The prefix of a huge page resource ({@code hugepages-2Mi}). */
    public static final String HUGEPAGES_PREFIX = "hugepages-";

    private static final Path SYSFS_HUGEPAGES = Path.of("/sys/kernel/mm/hugepages");
    private static final Path PROC_SYS_KERNEL = Path.of("/proc/sys/kernel");
    private static final Pattern HUGEPAGES_DIR = Pattern.compile("hugepages-([0-9]+)kB");

    private NodeCapacity() {
    }

    /**
     * Reads this host's capacity: logical CPUs and total memory through OSHI, huge pages from
     * {@code /sys/kernel/mm/hugepages}.
     *
     * @param config the kubelet configuration ({@code maxPods})
     * @return {@code cpu}, {@code memory}, {@code hugepages-<size>} and {@code pods}
     * @throws UncheckedIOException when the huge page counts cannot be read
     */
    public static ResourceList ofHost(KubeletConfig config) {
        HardwareAbstractionLayer hardware = new SystemInfo().getHardware();
        int cpus = hardware.getProcessor().getLogicalProcessorCount();
        long memory = hardware.getMemory().getTotal();
        return of(cpus, memory, hugepagesOf(SYSFS_HUGEPAGES), config);
    }

    /**
     * A capacity from the host's numbers.
     *
     * @param logicalCpus the logical CPUs (cAdvisor's {@code NumCores})
     * @param memoryBytes the total memory ({@code MemTotal})
     * @param hugepages   huge page resources by name ({@code hugepages-2Mi}) to their bytes
     *                    (pages × page size); zero for a size with no pages reserved
     * @param config      the kubelet configuration ({@code maxPods})
     * @return {@code cpu}, {@code memory}, the huge page resources and {@code pods}, in the
     *         formats the kubelet writes them
     * @throws IllegalArgumentException when a number is negative or a huge page name is not
     *                                  {@code hugepages-<size>}
     */
    public static ResourceList of(int logicalCpus, long memoryBytes, Map<String, Long> hugepages,
                                  KubeletConfig config) {
        if (logicalCpus < 0 || memoryBytes < 0) {
            throw new IllegalArgumentException("capacity: logical CPUs (" + logicalCpus + ") and memory ("
                    + memoryBytes + " bytes) cannot be negative");
        }
        Map<String, Quantity> entries = new TreeMap<>();
        entries.put(ResourceList.CPU, Quantity.ofMilli(logicalCpus * 1000L));
        entries.put(ResourceList.MEMORY, Quantity.ofBytes(memoryBytes));
        hugepages.forEach((name, bytes) -> {
            if (!name.startsWith(HUGEPAGES_PREFIX) || name.length() == HUGEPAGES_PREFIX.length()) {
                throw new IllegalArgumentException("capacity: " + name + " is not a huge page resource; "
                        + "write hugepages-<size>, such as hugepages-2Mi");
            }
            if (bytes < 0) {
                throw new IllegalArgumentException("capacity: " + name + " cannot be negative (" + bytes + ")");
            }
            entries.put(name, Quantity.ofBytes(bytes));
        });
        entries.put(PODS, Quantity.of(config.maxPods()));
        return new ResourceList(entries);
    }

    /**
     * The kubelet's internal {@code pid} capacity on this host: the smaller of
     * {@code kernel.pid_max} and {@code kernel.threads-max}, as {@code pidlimit.Stats()} reads
     * them (both bound the number of tasks).
     *
     * @return the number of tasks the host allows, or empty when neither file can be read
     */
    public static OptionalLong maxPidsOfHost() {
        return maxPidsOf(PROC_SYS_KERNEL);
    }

    /** The pid capacity from a {@code /proc/sys/kernel} directory; a missing or odd file is skipped. */
    static OptionalLong maxPidsOf(Path procSysKernel) {
        long least = -1;
        for (String file : new String[] {"pid_max", "threads-max"}) {
            try {
                long limit = Long.parseLong(Files.readString(procSysKernel.resolve(file)).trim());
                if (least == -1 || limit < least) {
                    least = limit;
                }
            } catch (IOException | NumberFormatException ignored) {
                // the kubelet skips a file it cannot read or parse, and so does this
            }
        }
        return least >= 0 ? OptionalLong.of(least) : OptionalLong.empty();
    }

    /**
     * Huge page capacity from a {@code /sys/kernel/mm/hugepages} directory, as cAdvisor reads it:
     * one {@code hugepages-<kB>kB} directory per page size, {@code nr_hugepages} in each.
     *
     * @param dir the directory; absent on a kernel without huge pages (then no sizes)
     * @return resource names ({@code hugepages-2Mi}) to bytes
     */
    static Map<String, Long> hugepagesOf(Path dir) {
        Map<String, Long> sizes = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Matcher m = HUGEPAGES_DIR.matcher(entry.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                long pageBytes = Long.parseLong(m.group(1)) * 1024;
                Path count = entry.resolve("nr_hugepages");
                long pages;
                try {
                    pages = Long.parseLong(Files.readString(count).trim());
                } catch (NumberFormatException e) {
                    throw new UncheckedIOException(new IOException(count + ": not a page count"));
                }
                sizes.put(hugepageResourceName(pageBytes), Math.multiplyExact(pages, pageBytes));
            }
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the huge page sizes under " + dir, e);
        }
        return sizes;
    }

    /**
     * @param pageBytes a huge page size in bytes
     * @return its resource name, the size in canonical binary SI: {@code hugepages-2Mi},
     *         {@code hugepages-1Gi}, {@code hugepages-64Ki}
     */
    public static String hugepageResourceName(long pageBytes) {
        return HUGEPAGES_PREFIX + Quantity.ofBytes(pageBytes);
    }
}
