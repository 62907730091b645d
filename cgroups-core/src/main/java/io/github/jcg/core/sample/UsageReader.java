package io.github.jcg.core.sample;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.KernelRanges;
import io.github.jcg.core.fs.FileBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one group's usage into a {@link UsageSnapshot}: each needed file opened and read
 * once into a shared buffer and scanned in place. Knows where every metric lives on v1
 * (cpuacct, cpu, memory, pids, blkio hierarchies), on v2, and on hybrid hosts (PSI from the
 * v2 mount). Not thread-safe; a sampler owns one.
 */
public final class UsageReader {
    private static final long USER_HZ_NANOS = 10_000_000L; // USER_HZ is 100 on every Linux ABI jcg runs on

    private static final byte[] USAGE_USEC = ascii("usage_usec");
    private static final byte[] USER_USEC = ascii("user_usec");
    private static final byte[] SYSTEM_USEC = ascii("system_usec");
    private static final byte[] NR_PERIODS = ascii("nr_periods");
    private static final byte[] NR_THROTTLED = ascii("nr_throttled");
    private static final byte[] THROTTLED_USEC = ascii("throttled_usec");
    private static final byte[] THROTTLED_TIME = ascii("throttled_time");
    private static final byte[] NR_BURSTS = ascii("nr_bursts");
    private static final byte[] BURST_USEC = ascii("burst_usec");
    private static final byte[] BURST_TIME = ascii("burst_time");
    private static final byte[] USER = ascii("user");
    private static final byte[] SYSTEM = ascii("system");
    private static final byte[] INACTIVE_FILE = ascii("inactive_file");
    private static final byte[] TOTAL_INACTIVE_FILE = ascii("total_inactive_file");
    private static final byte[] TOTAL_SWAP = ascii("total_swap");
    private static final byte[] RBYTES = ascii("rbytes=");
    private static final byte[] WBYTES = ascii("wbytes=");
    private static final byte[] RIOS = ascii("rios=");
    private static final byte[] WIOS = ascii("wios=");
    private static final byte[] READ = ascii("Read");
    private static final byte[] WRITE = ascii("Write");
    private static final byte[] SOME = ascii("some");
    private static final byte[] FULL = ascii("full");
    private static final byte[] TOTAL = ascii("total=");

    private final FileBuffer buffer = new FileBuffer();
    private final Set<MetricGroup> wanted;
    private final Roots roots;
    private final long[] scratch = new long[Metric.ALL.length];
    private long present;
    private long unlimited;

    public UsageReader(HostLayout layout, Set<MetricGroup> wanted) {
        this.wanted = wanted.isEmpty() ? EnumSet.noneOf(MetricGroup.class) : EnumSet.copyOf(wanted);
        this.roots = new Roots(layout);
    }

    public UsageReader(HostLayout layout) {
        this(layout, MetricGroup.all());
    }

    /** The group's snapshot, or {@code null} when the group exists in none of the hierarchies read. */
    public UsageSnapshot read(CgroupPath path) {
        present = 0;
        unlimited = 0;
        long now = System.nanoTime();
        String rel = path.isRoot() ? "" : "/" + path.relative();
        if (wanted.contains(MetricGroup.CPU) || wanted.contains(MetricGroup.THROTTLING)) {
            readCpu(rel);
        }
        if (wanted.contains(MetricGroup.CPU_LIMIT)) {
            readCpuLimit(rel);
        }
        if (wanted.contains(MetricGroup.MEMORY)) {
            readMemory(rel);
        }
        if (wanted.contains(MetricGroup.MEMORY_LIMIT)) {
            readMemoryLimit(rel);
        }
        if (wanted.contains(MetricGroup.PIDS)) {
            readPids(rel);
        }
        if (wanted.contains(MetricGroup.IO)) {
            readIo(rel);
        }
        if (wanted.contains(MetricGroup.PSI) && roots.psi != null) {
            readPsi(roots.psi + rel);
        }
        if (wanted.contains(MetricGroup.PROCESSES)) {
            countInFirst(rel, false, Metric.PROCESSES);
        }
        if (wanted.contains(MetricGroup.THREADS)) {
            countInFirst(rel, true, Metric.THREADS);
        }
        if (present == 0) {
            return null;
        }
        long[] values = new long[scratch.length];
        System.arraycopy(scratch, 0, values, 0, scratch.length);
        return new UsageSnapshot(path, now, values, present, unlimited);
    }

    private void readCpu(String rel) {
        if (roots.cpuOnV2) {
            // v2 cpu.stat: usage always (core file); throttling only with the cpu controller
            if (roots.cpuStatV2 != null && buffer.load(roots.cpuStatV2 + rel + "/cpu.stat")) {
                if (wanted.contains(MetricGroup.CPU)) {
                    putMicros(Metric.CPU_USAGE_NANOS, buffer.keyed(USAGE_USEC));
                    putMicros(Metric.CPU_USER_NANOS, buffer.keyed(USER_USEC));
                    putMicros(Metric.CPU_SYSTEM_NANOS, buffer.keyed(SYSTEM_USEC));
                }
                if (wanted.contains(MetricGroup.THROTTLING)) {
                    put(Metric.CPU_PERIODS, buffer.keyed(NR_PERIODS));
                    put(Metric.CPU_THROTTLED_PERIODS, buffer.keyed(NR_THROTTLED));
                    putMicros(Metric.CPU_THROTTLED_NANOS, buffer.keyed(THROTTLED_USEC));
                    put(Metric.CPU_BURSTS, buffer.keyed(NR_BURSTS));
                    putMicros(Metric.CPU_BURST_NANOS, buffer.keyed(BURST_USEC));
                }
            }
            return;
        }
        if (wanted.contains(MetricGroup.CPU)) {
            if (roots.cpuacct != null && buffer.load(roots.cpuacct + rel + "/cpuacct.usage")) {
                put(Metric.CPU_USAGE_NANOS, buffer.firstLong());
                if (buffer.load(roots.cpuacct + rel + "/cpuacct.stat")) {
                    putTicks(Metric.CPU_USER_NANOS, buffer.keyed(USER));
                    putTicks(Metric.CPU_SYSTEM_NANOS, buffer.keyed(SYSTEM));
                }
            } else if (roots.cpuStatV2 != null && buffer.load(roots.cpuStatV2 + rel + "/cpu.stat")) {
                // hybrid: a group that exists only on the v2 mount still has the core cpu.stat
                putMicros(Metric.CPU_USAGE_NANOS, buffer.keyed(USAGE_USEC));
                putMicros(Metric.CPU_USER_NANOS, buffer.keyed(USER_USEC));
                putMicros(Metric.CPU_SYSTEM_NANOS, buffer.keyed(SYSTEM_USEC));
            }
        }
        if (wanted.contains(MetricGroup.THROTTLING) && roots.cpu != null && buffer.load(roots.cpu + rel + "/cpu.stat")) {
            put(Metric.CPU_PERIODS, buffer.keyed(NR_PERIODS));
            put(Metric.CPU_THROTTLED_PERIODS, buffer.keyed(NR_THROTTLED));
            put(Metric.CPU_THROTTLED_NANOS, buffer.keyed(THROTTLED_TIME));
            put(Metric.CPU_BURSTS, buffer.keyed(NR_BURSTS));
            put(Metric.CPU_BURST_NANOS, buffer.keyed(BURST_TIME));
        }
    }

    private void readCpuLimit(String rel) {
        if (roots.cpu == null) {
            return;
        }
        if (roots.cpuOnV2) {
            if (buffer.load(roots.cpu + rel + "/cpu.max")) {
                putLimit(Metric.CPU_QUOTA_MICROS, buffer.firstLong(), false);
                put(Metric.CPU_PERIOD_MICROS, buffer.secondLong());
            }
            return;
        }
        if (buffer.load(roots.cpu + rel + "/cpu.cfs_quota_us")) {
            long quota = buffer.firstLong();
            putLimit(Metric.CPU_QUOTA_MICROS, quota == -1 ? FileBuffer.MAX : quota, false);
        }
        if (buffer.load(roots.cpu + rel + "/cpu.cfs_period_us")) {
            put(Metric.CPU_PERIOD_MICROS, buffer.firstLong());
        }
    }

    private void readMemory(String rel) {
        if (roots.memory == null) {
            return;
        }
        String dir = roots.memory + rel;
        if (roots.memoryOnV2) {
            if (!buffer.load(dir + "/memory.current")) {
                return;
            }
            long current = buffer.firstLong();
            put(Metric.MEMORY_CURRENT_BYTES, current);
            if (buffer.load(dir + "/memory.peak")) {
                put(Metric.MEMORY_PEAK_BYTES, buffer.firstLong());
            }
            if (buffer.load(dir + "/memory.stat")) {
                putWorkingSet(current, buffer.keyed(INACTIVE_FILE));
            }
            if (buffer.load(dir + "/memory.swap.current")) {
                put(Metric.SWAP_CURRENT_BYTES, buffer.firstLong());
            }
            return;
        }
        if (!buffer.load(dir + "/memory.usage_in_bytes")) {
            return;
        }
        long current = buffer.firstLong();
        put(Metric.MEMORY_CURRENT_BYTES, current);
        if (buffer.load(dir + "/memory.max_usage_in_bytes")) {
            put(Metric.MEMORY_PEAK_BYTES, buffer.firstLong());
        }
        if (buffer.load(dir + "/memory.stat")) {
            putWorkingSet(current, buffer.keyed(TOTAL_INACTIVE_FILE));
            put(Metric.SWAP_CURRENT_BYTES, buffer.keyed(TOTAL_SWAP));
        }
    }

    private void readMemoryLimit(String rel) {
        if (roots.memory == null) {
            return;
        }
        if (roots.memoryOnV2) {
            if (buffer.load(roots.memory + rel + "/memory.max")) {
                putLimit(Metric.MEMORY_LIMIT_BYTES, buffer.firstLong(), false);
            }
        } else if (buffer.load(roots.memory + rel + "/memory.limit_in_bytes")) {
            putLimit(Metric.MEMORY_LIMIT_BYTES, buffer.firstLong(), true);
        }
    }

    private void readPids(String rel) {
        if (roots.pids == null) {
            return;
        }
        if (buffer.load(roots.pids + rel + "/pids.current")) {
            put(Metric.PIDS_CURRENT, buffer.firstLong());
        }
        if (buffer.load(roots.pids + rel + "/pids.max")) {
            putLimit(Metric.PIDS_LIMIT, buffer.firstLong(), false);
        }
    }

    private void readIo(String rel) {
        if (roots.io == null) {
            return;
        }
        if (roots.ioOnV2) {
            if (buffer.load(roots.io + rel + "/io.stat")) {
                // an empty io.stat (no IO yet) means zero, not unknown
                put(Metric.IO_READ_BYTES, orZero(buffer.sumNested(RBYTES)));
                put(Metric.IO_WRITE_BYTES, orZero(buffer.sumNested(WBYTES)));
                put(Metric.IO_READ_OPS, orZero(buffer.sumNested(RIOS)));
                put(Metric.IO_WRITE_OPS, orZero(buffer.sumNested(WIOS)));
            }
            return;
        }
        if (buffer.load(roots.io + rel + "/blkio.throttle.io_service_bytes_recursive")) {
            put(Metric.IO_READ_BYTES, orZero(buffer.sumBlkio(READ)));
            put(Metric.IO_WRITE_BYTES, orZero(buffer.sumBlkio(WRITE)));
        }
        if (buffer.load(roots.io + rel + "/blkio.throttle.io_serviced_recursive")) {
            put(Metric.IO_READ_OPS, orZero(buffer.sumBlkio(READ)));
            put(Metric.IO_WRITE_OPS, orZero(buffer.sumBlkio(WRITE)));
        }
    }

    private void readPsi(String dir) {
        readPressure(dir + "/cpu.pressure", Metric.PSI_CPU_SOME_MICROS, Metric.PSI_CPU_FULL_MICROS);
        readPressure(dir + "/memory.pressure", Metric.PSI_MEMORY_SOME_MICROS, Metric.PSI_MEMORY_FULL_MICROS);
        readPressure(dir + "/io.pressure", Metric.PSI_IO_SOME_MICROS, Metric.PSI_IO_FULL_MICROS);
    }

    private void readPressure(String file, Metric some, Metric full) {
        if (buffer.load(file)) {
            put(some, buffer.nested(SOME, TOTAL));
            put(full, buffer.nested(FULL, TOTAL));
        }
    }

    private void countInFirst(String rel, boolean threads, Metric metric) {
        for (int i = 0; i < roots.procsDirs.size(); i++) {
            String file = threads ? roots.threadsFiles.get(i) : "/cgroup.procs";
            if (buffer.load(roots.procsDirs.get(i) + rel + file)) {
                put(metric, buffer.countLines());
                return;
            }
        }
    }

    private void putWorkingSet(long current, long inactiveFile) {
        if (current != FileBuffer.ABSENT && inactiveFile != FileBuffer.ABSENT) {
            put(Metric.MEMORY_WORKING_SET_BYTES, Math.max(0, current - inactiveFile));
        }
    }

    private void put(Metric metric, long value) {
        if (value != FileBuffer.ABSENT && value != FileBuffer.MAX) {
            scratch[metric.ordinal()] = value;
            present |= UsageSnapshot.bit(metric);
        }
    }

    private void putMicros(Metric metric, long micros) {
        put(metric, micros == FileBuffer.ABSENT ? micros : micros * 1_000);
    }

    private void putTicks(Metric metric, long ticks) {
        put(metric, ticks == FileBuffer.ABSENT ? ticks : ticks * USER_HZ_NANOS);
    }

    private void putLimit(Metric metric, long value, boolean v1Memory) {
        if (value == FileBuffer.ABSENT) {
            return;
        }
        if (value == FileBuffer.MAX || (v1Memory && value >= KernelRanges.V1_MEMORY_UNLIMITED)) {
            present |= UsageSnapshot.bit(metric);
            unlimited |= UsageSnapshot.bit(metric);
            return;
        }
        put(metric, value);
    }

    private static long orZero(long value) {
        return value == FileBuffer.ABSENT ? 0 : value;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Mount-point strings for each place a metric is read from; null where the host has none. */
    private static final class Roots {
        final String cpu;
        final String cpuacct;
        final String cpuStatV2;
        final boolean cpuOnV2;
        final String memory;
        final boolean memoryOnV2;
        final String pids;
        final String io;
        final boolean ioOnV2;
        final String psi;
        final List<String> procsDirs = new ArrayList<>();
        /** The thread list file of each of {@link #procsDirs}: {@code tasks} on v1, {@code cgroup.threads} on v2. */
        final List<String> threadsFiles = new ArrayList<>();

        Roots(HostLayout layout) {
            Optional<Hierarchy> unified = layout.unified();
            Optional<Hierarchy> cpuH = layout.hierarchyOf(Controller.CPU);
            cpuOnV2 = cpuH.map(h -> h.version() == CgroupVersion.V2).orElse(layout.v1Hierarchies().isEmpty());
            cpu = dir(cpuH);
            cpuacct = dir(layout.hierarchyOf(Controller.CPUACCT));
            cpuStatV2 = dir(unified);
            Optional<Hierarchy> memH = layout.hierarchyOf(Controller.MEMORY);
            memoryOnV2 = memH.map(h -> h.version() == CgroupVersion.V2).orElse(false);
            memory = dir(memH);
            pids = dir(layout.hierarchyOf(Controller.PIDS));
            Optional<Hierarchy> ioH = layout.hierarchyOf(Controller.IO).or(() -> layout.hierarchyOf(Controller.BLKIO));
            ioOnV2 = ioH.map(h -> h.version() == CgroupVersion.V2).orElse(false);
            io = dir(ioH);
            psi = dir(unified);
            // processes are counted in the first hierarchy that has the group: prefer the
            // ones every tool creates groups in
            for (Controller c : List.of(Controller.PIDS, Controller.CPU, Controller.CPUACCT, Controller.MEMORY)) {
                layout.hierarchyOf(c).filter(h -> h.version() == CgroupVersion.V1).ifPresent(this::addProcsSource);
            }
            layout.hierarchies().forEach(this::addProcsSource);
        }

        private void addProcsSource(Hierarchy h) {
            String d = dirOf(h);
            if (!procsDirs.contains(d)) {
                procsDirs.add(d);
                threadsFiles.add(h.version() == CgroupVersion.V1 ? "/tasks" : "/cgroup.threads");
            }
        }

        private static String dir(Optional<Hierarchy> h) {
            return h.map(UsageReader::dirOf).orElse(null);
        }
    }

    private static String dirOf(Hierarchy h) {
        String s = h.mountPoint().toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
