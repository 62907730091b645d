package io.github.jcg.core.sample;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.limit.KernelRanges;
import io.github.jcg.core.internal.fs.FileBuffer;

import java.io.File;
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

    private static final long PROCS_OR_THREADS = mask(Metric.PROCESSES, Metric.THREADS);
    private static final long CPU_TIME = mask(Metric.CPU_USAGE_NANOS, Metric.CPU_USER_NANOS, Metric.CPU_SYSTEM_NANOS);
    private static final long CPU_SPLIT = mask(Metric.CPU_USER_NANOS, Metric.CPU_SYSTEM_NANOS);
    private static final long THROTTLE = mask(Metric.CPU_PERIODS, Metric.CPU_THROTTLED_PERIODS, Metric.CPU_THROTTLED_NANOS, Metric.CPU_BURSTS, Metric.CPU_BURST_NANOS);
    private static final long CPU_LIMITS = mask(Metric.CPU_QUOTA_MICROS, Metric.CPU_PERIOD_MICROS);
    private static final long MEMORY_ANY = mask(Metric.MEMORY_CURRENT_BYTES, Metric.MEMORY_PEAK_BYTES, Metric.MEMORY_WORKING_SET_BYTES, Metric.SWAP_CURRENT_BYTES, Metric.MEMORY_LIMIT_BYTES);
    private static final long PIDS_ANY = mask(Metric.PIDS_CURRENT, Metric.PIDS_LIMIT);
    private static final long IO_BYTES = mask(Metric.IO_READ_BYTES, Metric.IO_WRITE_BYTES);
    private static final long IO_OPS = mask(Metric.IO_READ_OPS, Metric.IO_WRITE_OPS);
    private static final long PSI_ANY = mask(Metric.PSI_CPU_SOME_MICROS, Metric.PSI_CPU_FULL_MICROS, Metric.PSI_MEMORY_SOME_MICROS, Metric.PSI_MEMORY_FULL_MICROS, Metric.PSI_IO_SOME_MICROS, Metric.PSI_IO_FULL_MICROS);

    private final FileBuffer buffer = new FileBuffer();
    private final Set<Metric> wanted;
    private final long wantedMask;
    private final Roots roots;
    private final long[] scratch = new long[Metric.ALL.length];
    private long present;
    private long unlimited;
    /** Off (null) unless a benchmark or test asks which files a read opens. */
    private List<String> openedLog;
    /** The group being read. */
    private GroupPaths group;

    /** A reader of the metrics in the given families. */
    public UsageReader(HostLayout layout, Set<MetricFamily> families) {
        Set<Metric> metrics = MetricFamily.metricsOf(families);
        this.wanted = metrics.isEmpty() ? EnumSet.noneOf(Metric.class) : EnumSet.copyOf(metrics);
        this.wantedMask = mask(this.wanted.toArray(new Metric[0]));
        this.roots = new Roots(layout);
    }

    public UsageReader(HostLayout layout) {
        this(layout, MetricFamily.all());
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
        if (wants(PROCS_OR_THREADS)) {
            out.addAll(roots.procsDirs);
            return out;
        }
        if (wants(CPU_TIME)) {
            add(out, roots.cpuOnV2 ? roots.cpuStatV2 : roots.cpuacct);
            add(out, roots.cpuStatV2); // hybrid: groups that live only on the v2 mount
        }
        if (wants(THROTTLE | CPU_LIMITS)) {
            add(out, roots.cpuOnV2 ? roots.cpuStatV2 : roots.cpu);
        }
        if (wants(MEMORY_ANY)) {
            add(out, roots.memory);
        }
        if (wants(PIDS_ANY)) {
            add(out, roots.pids);
        }
        if (wants(IO_BYTES | IO_OPS)) {
            add(out, roots.io);
        }
        if (wants(PSI_ANY)) {
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
        return read(path, pathsOf(path));
    }

    /** As {@link #read(CgroupPath)}, with the group's file handles kept by the caller between reads. */
    public UsageSnapshot read(CgroupPath path, GroupPaths files) {
        present = 0;
        unlimited = 0;
        group = files;
        files.reads++;
        long now = System.nanoTime();
        readCpu();
        readCpuLimit();
        readMemory();
        readPids();
        readIo();
        if (roots.psi != null) {
            readPsi();
        }
        if (wanted.contains(Metric.PROCESSES)) {
            countInFirst(false, Metric.PROCESSES);
        }
        if (wanted.contains(Metric.THREADS)) {
            countInFirst(true, Metric.THREADS);
        }
        group = null;
        if (present == 0) {
            return null;
        }
        return new UsageSnapshot(path, now, scratch, present, unlimited);
    }

    private void readCpu() {
        boolean usage = wants(CPU_TIME);
        boolean throttling = wants(THROTTLE);
        if (roots.cpuOnV2) {
            // v2 cpu.stat: usage always (core file); throttling only with the cpu controller
            if ((usage || throttling) && load(Kind.CPU_STAT_V2)) {
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
            boolean split = wants(CPU_SPLIT);
            if (load(Kind.CPUACCT_USAGE)) {
                put(Metric.CPU_USAGE_NANOS, buffer.firstLong());
                if (split && load(Kind.CPUACCT_STAT)) {
                    putTicks(Metric.CPU_USER_NANOS, buffer.keyed(USER));
                    putTicks(Metric.CPU_SYSTEM_NANOS, buffer.keyed(SYSTEM));
                }
            } else if (load(Kind.CPU_STAT_V2)) {
                // hybrid: a group that exists only on the v2 mount still has the core cpu.stat
                putCpuStatV2Usage();
            }
        }
        if (throttling && load(Kind.CPU_STAT_V1)) {
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

    private void readCpuLimit() {
        if (roots.cpu == null || !wants(CPU_LIMITS)) {
            return;
        }
        if (roots.cpuOnV2) {
            if (load(Kind.CPU_MAX)) {
                putLimit(Metric.CPU_QUOTA_MICROS, buffer.firstLong(), false);
                put(Metric.CPU_PERIOD_MICROS, buffer.secondLong());
            }
            return;
        }
        if (load(Kind.CFS_QUOTA)) {
            long quota = buffer.firstLong();
            putLimit(Metric.CPU_QUOTA_MICROS, quota == -1 ? FileBuffer.MAX : quota, false);
        }
        if (load(Kind.CFS_PERIOD)) {
            put(Metric.CPU_PERIOD_MICROS, buffer.firstLong());
        }
    }

    private void readMemory() {
        if (roots.memory == null) {
            return;
        }
        boolean workingSet = wanted.contains(Metric.MEMORY_WORKING_SET_BYTES);
        boolean current = wanted.contains(Metric.MEMORY_CURRENT_BYTES) || workingSet;
        long usage = FileBuffer.ABSENT;
        if (current && load(Kind.MEMORY_CURRENT)) {
            usage = buffer.firstLong();
            put(Metric.MEMORY_CURRENT_BYTES, usage);
        }
        if (wanted.contains(Metric.MEMORY_PEAK_BYTES) && load(Kind.MEMORY_PEAK)) {
            put(Metric.MEMORY_PEAK_BYTES, buffer.firstLong());
        }
        boolean v1Swap = !roots.memoryOnV2 && wanted.contains(Metric.SWAP_CURRENT_BYTES);
        if ((workingSet && usage != FileBuffer.ABSENT) || v1Swap) {
            if (load(Kind.MEMORY_STAT)) {
                putWorkingSet(usage, buffer.keyed(roots.memoryOnV2 ? INACTIVE_FILE : TOTAL_INACTIVE_FILE));
                if (v1Swap) {
                    put(Metric.SWAP_CURRENT_BYTES, buffer.keyed(TOTAL_SWAP));
                }
            }
        }
        if (roots.memoryOnV2 && wanted.contains(Metric.SWAP_CURRENT_BYTES) && load(Kind.SWAP_CURRENT)) {
            put(Metric.SWAP_CURRENT_BYTES, buffer.firstLong());
        }
        if (wanted.contains(Metric.MEMORY_LIMIT_BYTES) && load(Kind.MEMORY_LIMIT)) {
            putLimit(Metric.MEMORY_LIMIT_BYTES, buffer.firstLong(), !roots.memoryOnV2);
        }
    }

    private void readPids() {
        if (roots.pids == null) {
            return;
        }
        if (wanted.contains(Metric.PIDS_CURRENT) && load(Kind.PIDS_CURRENT)) {
            put(Metric.PIDS_CURRENT, buffer.firstLong());
        }
        if (wanted.contains(Metric.PIDS_LIMIT) && load(Kind.PIDS_MAX)) {
            putLimit(Metric.PIDS_LIMIT, buffer.firstLong(), false);
        }
    }

    private void readIo() {
        if (roots.io == null) {
            return;
        }
        boolean bytes = wants(IO_BYTES);
        boolean ops = wants(IO_OPS);
        // an empty statistics file (no IO yet) means zero, not unknown
        if (roots.ioOnV2) {
            if ((bytes || ops) && load(Kind.IO_STAT)) {
                put(Metric.IO_READ_BYTES, orZero(buffer.sumNested(RBYTES)));
                put(Metric.IO_WRITE_BYTES, orZero(buffer.sumNested(WBYTES)));
                put(Metric.IO_READ_OPS, orZero(buffer.sumNested(RIOS)));
                put(Metric.IO_WRITE_OPS, orZero(buffer.sumNested(WIOS)));
            }
            return;
        }
        if (bytes && load(Kind.BLKIO_BYTES)) {
            put(Metric.IO_READ_BYTES, orZero(buffer.sumBlkio(READ)));
            put(Metric.IO_WRITE_BYTES, orZero(buffer.sumBlkio(WRITE)));
        }
        if (ops && load(Kind.BLKIO_OPS)) {
            put(Metric.IO_READ_OPS, orZero(buffer.sumBlkio(READ)));
            put(Metric.IO_WRITE_OPS, orZero(buffer.sumBlkio(WRITE)));
        }
    }

    private void readPsi() {
        readPressure(Kind.CPU_PRESSURE, Metric.PSI_CPU_SOME_MICROS, Metric.PSI_CPU_FULL_MICROS);
        readPressure(Kind.MEMORY_PRESSURE, Metric.PSI_MEMORY_SOME_MICROS, Metric.PSI_MEMORY_FULL_MICROS);
        readPressure(Kind.IO_PRESSURE, Metric.PSI_IO_SOME_MICROS, Metric.PSI_IO_FULL_MICROS);
    }

    private void readPressure(Kind kind, Metric some, Metric full) {
        if ((wantedMask & (UsageSnapshot.bit(some) | UsageSnapshot.bit(full))) != 0 && load(kind)) {
            put(some, buffer.nested(SOME, TOTAL));
            put(full, buffer.nested(FULL, TOTAL));
        }
    }

    /** Counts lines of cgroup.procs (or the thread list) in the first hierarchy that has the group. */
    private void countInFirst(boolean threads, Metric metric) {
        int n = roots.procsDirs.size();
        if (group.procs == null) {
            group.procs = new File[2 * n];
        }
        for (int i = 0; i < n; i++) {
            int slot = threads ? n + i : i;
            File f = group.procs[slot];
            if (f == null) {
                f = new File(roots.procsDirs.get(i) + group.relative + (threads ? roots.threadsFiles.get(i) : "/cgroup.procs"));
                group.procs[slot] = f;
            }
            if (loadFile(f)) {
                put(metric, buffer.countLines());
                return;
            }
        }
    }

    /** Loads one of the group's files into the buffer; false when it is not there. */
    private boolean load(Kind kind) {
        int k = kind.ordinal();
        String root = roots.rootOf[k];
        if (root == null) {
            return false;
        }
        long bit = 1L << k;
        if ((group.missing & bit) != 0 && (group.reads & 15) != 0) {
            return false;
        }
        File f = group.files[k];
        if (f == null) {
            f = new File(root + group.relative + roots.nameOf[k]);
            group.files[k] = f;
        }
        if (loadFile(f)) {
            group.missing &= ~bit;
            return true;
        }
        group.missing |= bit;
        return false;
    }

    private boolean loadFile(File f) {
        if (openedLog != null) {
            openedLog.add(f.getPath());
        }
        return buffer.load(f);
    }

    /**
     * The files one read of {@code path} opens (whether they exist or not), in order: what a
     * benchmark compares the reader against, reading the same files raw.
     */
    public List<String> filesOpenedFor(CgroupPath path) {
        openedLog = new ArrayList<>();
        try {
            read(path);
            return List.copyOf(openedLog);
        } finally {
            openedLog = null;
        }
    }

    /** Whether any metric of a family mask is wanted: a bit test, as it runs for every group read. */
    private boolean wants(long familyMask) {
        return (wantedMask & familyMask) != 0;
    }

    private static long mask(Metric... metrics) {
        long m = 0;
        for (Metric metric : metrics) {
            m |= UsageSnapshot.bit(metric);
        }
        return m;
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

    /** The control files a reader may open, each under one hierarchy's mount. */
    private enum Kind {
        CPUACCT_USAGE, CPUACCT_STAT, CPU_STAT_V1, CPU_STAT_V2, CFS_QUOTA, CFS_PERIOD, CPU_MAX,
        MEMORY_CURRENT, MEMORY_PEAK, MEMORY_STAT, SWAP_CURRENT, MEMORY_LIMIT, PIDS_CURRENT, PIDS_MAX,
        IO_STAT, BLKIO_BYTES, BLKIO_OPS, CPU_PRESSURE, MEMORY_PRESSURE, IO_PRESSURE;

        static final Kind[] ALL = values();
    }

    /**
     * One group's control files as {@link File}s, made on first use and kept: a sampler holds
     * one per group between passes, so a pass builds no path text. A file found missing is
     * not tried again on every read (a group outside the pids hierarchy stays outside it),
     * only on every 16th, as controllers can be enabled later.
     */
    public static final class GroupPaths {
        private final String relative;
        private final File[] files = new File[Kind.ALL.length];
        private File[] procs;
        private long missing;
        private int reads;

        private GroupPaths(String relative) {
            this.relative = relative;
        }
    }

    /** The file handles of the group at {@code path}, for repeated {@link #read(CgroupPath, GroupPaths)}. */
    public GroupPaths pathsOf(CgroupPath path) {
        return new GroupPaths(path.isRoot() ? "" : "/" + path.relative());
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

        /** Per file kind: the mount it lives under (null: not on this host) and its name. */
        final String[] rootOf = new String[Kind.ALL.length];
        final String[] nameOf = new String[Kind.ALL.length];

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
            place(Kind.CPUACCT_USAGE, cpuacct, "/cpuacct.usage");
            place(Kind.CPUACCT_STAT, cpuacct, "/cpuacct.stat");
            place(Kind.CPU_STAT_V1, cpuOnV2 ? null : cpu, "/cpu.stat");
            place(Kind.CPU_STAT_V2, cpuStatV2, "/cpu.stat");
            place(Kind.CFS_QUOTA, cpuOnV2 ? null : cpu, "/cpu.cfs_quota_us");
            place(Kind.CFS_PERIOD, cpuOnV2 ? null : cpu, "/cpu.cfs_period_us");
            place(Kind.CPU_MAX, cpuOnV2 ? cpu : null, "/cpu.max");
            place(Kind.MEMORY_CURRENT, memory, memoryOnV2 ? "/memory.current" : "/memory.usage_in_bytes");
            place(Kind.MEMORY_PEAK, memory, memoryOnV2 ? "/memory.peak" : "/memory.max_usage_in_bytes");
            place(Kind.MEMORY_STAT, memory, "/memory.stat");
            place(Kind.SWAP_CURRENT, memoryOnV2 ? memory : null, "/memory.swap.current");
            place(Kind.MEMORY_LIMIT, memory, memoryOnV2 ? "/memory.max" : "/memory.limit_in_bytes");
            place(Kind.PIDS_CURRENT, pids, "/pids.current");
            place(Kind.PIDS_MAX, pids, "/pids.max");
            place(Kind.IO_STAT, ioOnV2 ? io : null, "/io.stat");
            place(Kind.BLKIO_BYTES, ioOnV2 ? null : io, "/blkio.throttle.io_service_bytes_recursive");
            place(Kind.BLKIO_OPS, ioOnV2 ? null : io, "/blkio.throttle.io_serviced_recursive");
            place(Kind.CPU_PRESSURE, psi, "/cpu.pressure");
            place(Kind.MEMORY_PRESSURE, psi, "/memory.pressure");
            place(Kind.IO_PRESSURE, psi, "/io.pressure");
        }

        private void place(Kind kind, String root, String name) {
            rootOf[kind.ordinal()] = root;
            nameOf[kind.ordinal()] = name;
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
