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
 * once into a shared buffer and scanned in place, and no file read that no wanted metric
 * comes from. Knows where every metric lives on v1 (cpuacct, cpu, memory, pids, blkio
 * hierarchies), on v2, and on hybrid hosts (PSI, and CPU time of groups that exist only
 * there, from the v2 mount). Not thread-safe; a sampler owns one.
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
    private final StringBuilder pathText = new StringBuilder(256);
    private final Set<Metric> wanted;
    private final Roots roots;
    private final long[] scratch = new long[Metric.ALL.length];
    private long present;
    private long unlimited;

    /** A reader of the metrics in the given families. */
    public UsageReader(HostLayout layout, Set<MetricGroup> families) {
        Set<Metric> metrics = MetricGroup.metricsOf(families);
        this.wanted = metrics.isEmpty() ? EnumSet.noneOf(Metric.class) : EnumSet.copyOf(metrics);
        this.roots = new Roots(layout);
    }

    public UsageReader(HostLayout layout) {
        this(layout, MetricGroup.all());
    }

    /** The metrics this reader reads. */
    public Set<Metric> metrics() {
        return wanted;
    }

    /**
     * The mount points of the hierarchies this reader takes a metric from: the ones worth
     * listing for groups. Counting processes or threads may use any hierarchy.
     */
    public List<String> mountPointsRead() {
        List<String> out = new ArrayList<>();
        if (wants(Metric.PROCESSES, Metric.THREADS)) {
            out.addAll(roots.procsDirs);
            return out;
        }
        if (wants(Metric.CPU_USAGE_NANOS, Metric.CPU_USER_NANOS, Metric.CPU_SYSTEM_NANOS)) {
            add(out, roots.cpuOnV2 ? roots.cpuStatV2 : roots.cpuacct);
            add(out, roots.cpuStatV2); // hybrid: groups that live only on the v2 mount
        }
        if (wants(Metric.CPU_PERIODS, Metric.CPU_THROTTLED_PERIODS, Metric.CPU_THROTTLED_NANOS, Metric.CPU_BURSTS,
                Metric.CPU_BURST_NANOS, Metric.CPU_QUOTA_MICROS, Metric.CPU_PERIOD_MICROS)) {
            add(out, roots.cpuOnV2 ? roots.cpuStatV2 : roots.cpu);
        }
        if (wants(Metric.MEMORY_CURRENT_BYTES, Metric.MEMORY_PEAK_BYTES, Metric.MEMORY_WORKING_SET_BYTES,
                Metric.SWAP_CURRENT_BYTES, Metric.MEMORY_LIMIT_BYTES)) {
            add(out, roots.memory);
        }
        if (wants(Metric.PIDS_CURRENT, Metric.PIDS_LIMIT)) {
            add(out, roots.pids);
        }
        if (wants(Metric.IO_READ_BYTES, Metric.IO_WRITE_BYTES, Metric.IO_READ_OPS, Metric.IO_WRITE_OPS)) {
            add(out, roots.io);
        }
        if (wants(Metric.PSI_CPU_SOME_MICROS, Metric.PSI_CPU_FULL_MICROS, Metric.PSI_MEMORY_SOME_MICROS,
                Metric.PSI_MEMORY_FULL_MICROS, Metric.PSI_IO_SOME_MICROS, Metric.PSI_IO_FULL_MICROS)) {
            add(out, roots.psi);
        }
        return out;
    }

    private static void add(List<String> out, String dir) {
        if (dir != null && !out.contains(dir)) {
            out.add(dir);
        }
    }

    /** The group's snapshot, or {@code null} when the group exists in none of the hierarchies read. */
    public UsageSnapshot read(CgroupPath path) {
        return read(path, path.isRoot() ? "" : "/" + path.relative());
    }

    /**
     * As {@link #read(CgroupPath)}, with the path below a mount point already spelled out
     * ({@code ""} for the root, else {@code "/a/b"}): a sampler keeps it between passes.
     */
    public UsageSnapshot read(CgroupPath path, String relative) {
        present = 0;
        unlimited = 0;
        long now = System.nanoTime();
        readCpu(relative);
        readCpuLimit(relative);
        readMemory(relative);
        readPids(relative);
        readIo(relative);
        if (roots.psi != null) {
            readPsi(relative);
        }
        if (wanted.contains(Metric.PROCESSES)) {
            countInFirst(relative, false, Metric.PROCESSES);
        }
        if (wanted.contains(Metric.THREADS)) {
            countInFirst(relative, true, Metric.THREADS);
        }
        if (present == 0) {
            return null;
        }
        long[] values = new long[scratch.length];
        System.arraycopy(scratch, 0, values, 0, scratch.length);
        return new UsageSnapshot(path, now, values, present, unlimited);
    }

    private void readCpu(String rel) {
        boolean usage = wants(Metric.CPU_USAGE_NANOS, Metric.CPU_USER_NANOS, Metric.CPU_SYSTEM_NANOS);
        boolean throttling = wants(Metric.CPU_PERIODS, Metric.CPU_THROTTLED_PERIODS, Metric.CPU_THROTTLED_NANOS,
                Metric.CPU_BURSTS, Metric.CPU_BURST_NANOS);
        if (roots.cpuOnV2) {
            // v2 cpu.stat: usage always (core file); throttling only with the cpu controller
            if ((usage || throttling) && roots.cpuStatV2 != null && load(roots.cpuStatV2, rel, "/cpu.stat")) {
                putCpuStatV2Usage();
                put(Metric.CPU_PERIODS, buffer.keyed(NR_PERIODS));
                put(Metric.CPU_THROTTLED_PERIODS, buffer.keyed(NR_THROTTLED));
                putMicros(Metric.CPU_THROTTLED_NANOS, THROTTLED_USEC);
                put(Metric.CPU_BURSTS, buffer.keyed(NR_BURSTS));
                putMicros(Metric.CPU_BURST_NANOS, BURST_USEC);
            }
            return;
        }
        if (usage) {
            boolean split = wants(Metric.CPU_USER_NANOS, Metric.CPU_SYSTEM_NANOS);
            if (roots.cpuacct != null && load(roots.cpuacct, rel, "/cpuacct.usage")) {
                put(Metric.CPU_USAGE_NANOS, buffer.firstLong());
                if (split && load(roots.cpuacct, rel, "/cpuacct.stat")) {
                    putTicks(Metric.CPU_USER_NANOS, buffer.keyed(USER));
                    putTicks(Metric.CPU_SYSTEM_NANOS, buffer.keyed(SYSTEM));
                }
            } else if (roots.cpuStatV2 != null && load(roots.cpuStatV2, rel, "/cpu.stat")) {
                // hybrid: a group that exists only on the v2 mount still has the core cpu.stat
                putCpuStatV2Usage();
            }
        }
        if (throttling && roots.cpu != null && load(roots.cpu, rel, "/cpu.stat")) {
            put(Metric.CPU_PERIODS, buffer.keyed(NR_PERIODS));
            put(Metric.CPU_THROTTLED_PERIODS, buffer.keyed(NR_THROTTLED));
            put(Metric.CPU_THROTTLED_NANOS, buffer.keyed(THROTTLED_TIME));
            put(Metric.CPU_BURSTS, buffer.keyed(NR_BURSTS));
            put(Metric.CPU_BURST_NANOS, buffer.keyed(BURST_TIME));
        }
    }

    private void putCpuStatV2Usage() {
        putMicros(Metric.CPU_USAGE_NANOS, USAGE_USEC);
        putMicros(Metric.CPU_USER_NANOS, USER_USEC);
        putMicros(Metric.CPU_SYSTEM_NANOS, SYSTEM_USEC);
    }

    private void readCpuLimit(String rel) {
        if (roots.cpu == null || !wants(Metric.CPU_QUOTA_MICROS, Metric.CPU_PERIOD_MICROS)) {
            return;
        }
        if (roots.cpuOnV2) {
            if (load(roots.cpu, rel, "/cpu.max")) {
                putLimit(Metric.CPU_QUOTA_MICROS, buffer.firstLong(), false);
                put(Metric.CPU_PERIOD_MICROS, buffer.secondLong());
            }
            return;
        }
        if (load(roots.cpu, rel, "/cpu.cfs_quota_us")) {
            long quota = buffer.firstLong();
            putLimit(Metric.CPU_QUOTA_MICROS, quota == -1 ? FileBuffer.MAX : quota, false);
        }
        if (load(roots.cpu, rel, "/cpu.cfs_period_us")) {
            put(Metric.CPU_PERIOD_MICROS, buffer.firstLong());
        }
    }

    private void readMemory(String rel) {
        if (roots.memory == null) {
            return;
        }
        boolean workingSet = wanted.contains(Metric.MEMORY_WORKING_SET_BYTES);
        boolean current = wanted.contains(Metric.MEMORY_CURRENT_BYTES) || workingSet;
        long usage = FileBuffer.ABSENT;
        if (current && load(roots.memory, rel, roots.memoryOnV2 ? "/memory.current" : "/memory.usage_in_bytes")) {
            usage = buffer.firstLong();
            put(Metric.MEMORY_CURRENT_BYTES, usage);
        }
        if (wanted.contains(Metric.MEMORY_PEAK_BYTES)
                && load(roots.memory, rel, roots.memoryOnV2 ? "/memory.peak" : "/memory.max_usage_in_bytes")) {
            put(Metric.MEMORY_PEAK_BYTES, buffer.firstLong());
        }
        boolean v1Swap = !roots.memoryOnV2 && wanted.contains(Metric.SWAP_CURRENT_BYTES);
        if ((workingSet && usage != FileBuffer.ABSENT) || v1Swap) {
            if (load(roots.memory, rel, "/memory.stat")) {
                putWorkingSet(usage, buffer.keyed(roots.memoryOnV2 ? INACTIVE_FILE : TOTAL_INACTIVE_FILE));
                if (v1Swap) {
                    put(Metric.SWAP_CURRENT_BYTES, buffer.keyed(TOTAL_SWAP));
                }
            }
        }
        if (roots.memoryOnV2 && wanted.contains(Metric.SWAP_CURRENT_BYTES) && load(roots.memory, rel, "/memory.swap.current")) {
            put(Metric.SWAP_CURRENT_BYTES, buffer.firstLong());
        }
        if (wanted.contains(Metric.MEMORY_LIMIT_BYTES)
                && load(roots.memory, rel, roots.memoryOnV2 ? "/memory.max" : "/memory.limit_in_bytes")) {
            putLimit(Metric.MEMORY_LIMIT_BYTES, buffer.firstLong(), !roots.memoryOnV2);
        }
    }

    private void readPids(String rel) {
        if (roots.pids == null) {
            return;
        }
        if (wanted.contains(Metric.PIDS_CURRENT) && load(roots.pids, rel, "/pids.current")) {
            put(Metric.PIDS_CURRENT, buffer.firstLong());
        }
        if (wanted.contains(Metric.PIDS_LIMIT) && load(roots.pids, rel, "/pids.max")) {
            putLimit(Metric.PIDS_LIMIT, buffer.firstLong(), false);
        }
    }

    private void readIo(String rel) {
        if (roots.io == null) {
            return;
        }
        boolean bytes = wants(Metric.IO_READ_BYTES, Metric.IO_WRITE_BYTES);
        boolean ops = wants(Metric.IO_READ_OPS, Metric.IO_WRITE_OPS);
        // an empty statistics file (no IO yet) means zero, not unknown
        if (roots.ioOnV2) {
            if ((bytes || ops) && load(roots.io, rel, "/io.stat")) {
                put(Metric.IO_READ_BYTES, orZero(buffer.sumNested(RBYTES)));
                put(Metric.IO_WRITE_BYTES, orZero(buffer.sumNested(WBYTES)));
                put(Metric.IO_READ_OPS, orZero(buffer.sumNested(RIOS)));
                put(Metric.IO_WRITE_OPS, orZero(buffer.sumNested(WIOS)));
            }
            return;
        }
        if (bytes && load(roots.io, rel, "/blkio.throttle.io_service_bytes_recursive")) {
            put(Metric.IO_READ_BYTES, orZero(buffer.sumBlkio(READ)));
            put(Metric.IO_WRITE_BYTES, orZero(buffer.sumBlkio(WRITE)));
        }
        if (ops && load(roots.io, rel, "/blkio.throttle.io_serviced_recursive")) {
            put(Metric.IO_READ_OPS, orZero(buffer.sumBlkio(READ)));
            put(Metric.IO_WRITE_OPS, orZero(buffer.sumBlkio(WRITE)));
        }
    }

    private void readPsi(String rel) {
        readPressure(rel, "/cpu.pressure", Metric.PSI_CPU_SOME_MICROS, Metric.PSI_CPU_FULL_MICROS);
        readPressure(rel, "/memory.pressure", Metric.PSI_MEMORY_SOME_MICROS, Metric.PSI_MEMORY_FULL_MICROS);
        readPressure(rel, "/io.pressure", Metric.PSI_IO_SOME_MICROS, Metric.PSI_IO_FULL_MICROS);
    }

    private void readPressure(String rel, String file, Metric some, Metric full) {
        if (wants(some, full) && load(roots.psi, rel, file)) {
            put(some, buffer.nested(SOME, TOTAL));
            put(full, buffer.nested(FULL, TOTAL));
        }
    }

    private void countInFirst(String rel, boolean threads, Metric metric) {
        for (int i = 0; i < roots.procsDirs.size(); i++) {
            String file = threads ? roots.threadsFiles.get(i) : "/cgroup.procs";
            if (load(roots.procsDirs.get(i), rel, file)) {
                put(metric, buffer.countLines());
                return;
            }
        }
    }

    private boolean load(String mount, String rel, String file) {
        pathText.setLength(0);
        pathText.append(mount).append(rel).append(file);
        return buffer.load(pathText.toString());
    }

    private boolean wants(Metric... any) {
        for (Metric m : any) {
            if (wanted.contains(m)) {
                return true;
            }
        }
        return false;
    }

    private void putWorkingSet(long current, long inactiveFile) {
        if (current != FileBuffer.ABSENT && inactiveFile != FileBuffer.ABSENT) {
            put(Metric.MEMORY_WORKING_SET_BYTES, Math.max(0, current - inactiveFile));
        }
    }

    /** Records a value when it is wanted and a number. */
    private void put(Metric metric, long value) {
        if (value != FileBuffer.ABSENT && value != FileBuffer.MAX && wanted.contains(metric)) {
            scratch[metric.ordinal()] = value;
            present |= UsageSnapshot.bit(metric);
        }
    }

    /** A keyed value of the loaded file in µs, recorded in ns. */
    private void putMicros(Metric metric, byte[] key) {
        if (wanted.contains(metric)) {
            long micros = buffer.keyed(key);
            put(metric, micros == FileBuffer.ABSENT ? micros : micros * 1_000);
        }
    }

    private void putTicks(Metric metric, long ticks) {
        put(metric, ticks == FileBuffer.ABSENT ? ticks : ticks * USER_HZ_NANOS);
    }

    private void putLimit(Metric metric, long value, boolean v1Memory) {
        if (value == FileBuffer.ABSENT || !wanted.contains(metric)) {
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

    /** A mount point as text without a trailing slash ("/" stays "/" only for a root mount). */
    static String dirOf(Hierarchy h) {
        String s = h.mountPoint().toString();
        return s.endsWith("/") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }
}
