package io.github.jcg.core.sample;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.internal.controller.ControllerModule;
import io.github.jcg.core.internal.controller.Controllers;
import io.github.jcg.core.internal.controller.SampleFiles;
import io.github.jcg.core.internal.controller.SampleReading;
import io.github.jcg.core.internal.fs.FileBuffer;
import io.github.jcg.core.limit.KernelRanges;

import java.io.File;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one group's usage into a {@link UsageSnapshot}: each needed file opened and read
 * once into a shared buffer and scanned in place, and no file read that no wanted metric
 * comes from. What each controller contributes, and where its files live on v1, v2 and
 * hybrid hosts, is its module's knowledge ({@code ControllerModule#sample}); this is the
 * engine they share: the file handles, the buffer and the snapshot being filled. Process and
 * thread counts (core files) are read here. Not thread-safe; a sampler owns one.
 */
public final class UsageReader {
    private static final long USER_HZ_NANOS = 10_000_000L; // USER_HZ is 100 on every Linux ABI jcg runs on
    private static final long PROCS_OR_THREADS = mask(Metric.PROCESSES, Metric.THREADS);

    private final FileBuffer buffer = new FileBuffer();
    private final Set<Metric> wanted;
    private final long wantedMask;
    /** The modules that read a wanted metric here, and the first of each one's file slots. */
    private final ControllerModule[] modules;
    private final int[] firstSlot;
    /** Per file slot: the mount it lives under (null: not on this host), its name, version and metrics. */
    private final String[] rootOf;
    private final String[] nameOf;
    private final CgroupVersion[] versionOf;
    private final long[] metricsOf;
    private final List<String> procsDirs = new ArrayList<>();
    /** The thread list file of each of {@link #procsDirs}: {@code tasks} on v1, {@code cgroup.threads} on v2. */
    private final List<String> threadsFiles = new ArrayList<>();
    private final Reading reading = new Reading();
    private final long[] scratch = new long[Metric.ALL.length];
    private long present;
    private long unlimited;
    /** Off (null) unless a benchmark or test asks which files a read opens. */
    private List<String> openedLog;
    /** The group being read. */
    private GroupHandles group;

    /**
     * A reader of the metrics in the given families: it opens only the files those come from.
     *
     * @param layout   the host's hierarchies, from {@link io.github.jcg.core.CgroupHost#layout()}
     * @param families the families of metrics wanted; with none, a read finds nothing and
     *                 returns {@code null}
     */
    public UsageReader(HostLayout layout, Set<MetricFamily> families) {
        Set<Metric> metrics = MetricFamily.metricsOf(families);
        this.wanted = metrics.isEmpty() ? EnumSet.noneOf(Metric.class) : EnumSet.copyOf(metrics);
        this.wantedMask = mask(this.wanted.toArray(new Metric[0]));
        List<ControllerModule> all = Controllers.all();
        int slots = 0;
        for (ControllerModule m : all) {
            slots += m.sampleFileCount();
        }
        rootOf = new String[slots];
        nameOf = new String[slots];
        versionOf = new CgroupVersion[slots];
        metricsOf = new long[slots];
        List<ControllerModule> reading = new ArrayList<>();
        List<Integer> firsts = new ArrayList<>();
        int next = 0;
        for (ControllerModule m : all) {
            int first = next;
            next += m.sampleFileCount();
            m.placeSampleFiles(new Placer(layout, first, m.sampleFileCount()));
            long read = 0;
            for (int slot = first; slot < next; slot++) {
                read |= rootOf[slot] != null ? metricsOf[slot] : 0;
            }
            if ((read & wantedMask) != 0) {
                reading.add(m);
                firsts.add(first);
            }
        }
        this.modules = reading.toArray(new ControllerModule[0]);
        this.firstSlot = firsts.stream().mapToInt(Integer::intValue).toArray();
        // processes are counted in the first hierarchy that has the group: prefer the ones
        // every tool creates groups in
        for (Controller c : List.of(Controller.PIDS, Controller.CPU, Controller.CPUACCT, Controller.MEMORY)) {
            layout.hierarchyOf(c).filter(h -> h.version() == CgroupVersion.V1).ifPresent(this::addProcsSource);
        }
        layout.hierarchies().forEach(this::addProcsSource);
    }

    /**
     * A reader of every metric.
     *
     * @param layout the host's hierarchies, from {@link io.github.jcg.core.CgroupHost#layout()}
     */
    public UsageReader(HostLayout layout) {
        this(layout, MetricFamily.all());
    }

    /**
     * The metrics this reader reads.
     *
     * @return the wanted metrics, whether or not this host has a file for each
     */
    public Set<Metric> metrics() {
        return wanted;
    }

    /**
     * The mount points of the hierarchies this reader takes a metric from: the ones worth
     * listing for groups. Counting processes or threads may use any hierarchy.
     *
     * @return mount points without a trailing slash, in the order their files are read
     */
    public List<String> mountPointsRead() {
        List<String> out = new ArrayList<>();
        if ((wantedMask & PROCS_OR_THREADS) != 0) {
            out.addAll(procsDirs);
            return out;
        }
        for (int slot = 0; slot < rootOf.length; slot++) {
            if (rootOf[slot] != null && (metricsOf[slot] & wantedMask) != 0 && !out.contains(rootOf[slot])) {
                out.add(rootOf[slot]);
            }
        }
        return out;
    }

    /**
     * Reads one group's usage now.
     *
     * @param path the group
     * @return its snapshot, or {@code null} when the group exists in none of the hierarchies read
     */
    public UsageSnapshot read(CgroupPath path) {
        return read(path, handlesOf(path));
    }

    /**
     * As {@link #read(CgroupPath)}, with the group's file handles kept by the caller between
     * reads, so a read builds no path text.
     *
     * @param path  the group
     * @param files its handles, from {@link #handlesOf(CgroupPath)} of this reader
     * @return its snapshot, or {@code null} when the group exists in none of the hierarchies read
     */
    public UsageSnapshot read(CgroupPath path, GroupHandles files) {
        present = 0;
        unlimited = 0;
        group = files;
        files.reads++;
        long now = System.nanoTime();
        for (int i = 0; i < modules.length; i++) {
            reading.first = firstSlot[i];
            modules[i].sample(reading);
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

    /** Counts lines of cgroup.procs (or the thread list) in the first hierarchy that has the group. */
    private void countInFirst(boolean threads, Metric metric) {
        int n = procsDirs.size();
        if (group.procs == null) {
            group.procs = new File[2 * n];
        }
        for (int i = 0; i < n; i++) {
            int slot = threads ? n + i : i;
            File f = group.procs[slot];
            if (f == null) {
                f = new File(procsDirs.get(i) + group.relative + (threads ? threadsFiles.get(i) : "/cgroup.procs"));
                group.procs[slot] = f;
            }
            if (loadFile(f)) {
                put(metric, buffer.countLines());
                return;
            }
        }
    }

    /**
     * Loads the group's file in one slot into the buffer; false when the host has no such
     * file, no wanted metric comes from it, or the group has none.
     */
    private boolean load(int slot) {
        String root = rootOf[slot];
        if (root == null || (metricsOf[slot] & wantedMask) == 0) {
            return false;
        }
        if (group.files == null) {
            group.files = new File[rootOf.length];
            group.missing = new boolean[rootOf.length];
        }
        if (group.missing[slot] && (group.reads & 15) != 0) {
            return false;
        }
        File f = group.files[slot];
        if (f == null) {
            f = new File(root + group.relative + "/" + nameOf[slot]);
            group.files[slot] = f;
        }
        boolean loaded = loadFile(f);
        group.missing[slot] = !loaded;
        return loaded;
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
     *
     * @param path the group
     * @return the paths of the files opened, in order
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

    private static long mask(Metric... metrics) {
        long m = 0;
        for (Metric metric : metrics) {
            m |= UsageSnapshot.bit(metric);
        }
        return m;
    }

    /** Records a value when it is wanted and a number. */
    private void put(Metric metric, long value) {
        if (value != FileBuffer.ABSENT && value != FileBuffer.MAX && (wantedMask & UsageSnapshot.bit(metric)) != 0) {
            scratch[metric.ordinal()] = value;
            present |= UsageSnapshot.bit(metric);
        }
    }

    private void addProcsSource(Hierarchy h) {
        String d = dirOf(h);
        if (!procsDirs.contains(d)) {
            procsDirs.add(d);
            threadsFiles.add(h.version() == CgroupVersion.V1 ? "/tasks" : "/cgroup.threads");
        }
    }

    /** A mount point as text without a trailing slash ("/" stays "/" only for a root mount). */
    static String dirOf(Hierarchy h) {
        String s = h.mountPoint().toString();
        return s.endsWith("/") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * One group's file handles, made on first use and kept: a sampler holds one per group
     * between passes, so a pass builds no path text. A file found missing is not tried again
     * on every read (a group outside the pids hierarchy stays outside it), only on every 16th,
     * as controllers can be enabled later.
     */
    public static final class GroupHandles {
        private final String relative;
        private File[] files;
        private boolean[] missing;
        private File[] procs;
        private int reads;

        private GroupHandles(String relative) {
            this.relative = relative;
        }
    }

    /**
     * The file handles of a group, for repeated {@link #read(CgroupPath, GroupHandles)}.
     *
     * @param path the group
     * @return handles that open nothing until the first read
     */
    public GroupHandles handlesOf(CgroupPath path) {
        return new GroupHandles(path.isRoot() ? "" : "/" + path.relative());
    }

    /** Where one module's slots go, while the reader is set up. */
    private final class Placer implements SampleFiles {
        private final HostLayout layout;
        private final int first;
        private final int count;

        Placer(HostLayout layout, int first, int count) {
            this.layout = layout;
            this.first = first;
            this.count = count;
        }

        @Override
        public HostLayout layout() {
            return layout;
        }

        @Override
        public void place(int slot, Optional<Hierarchy> where, String name, Metric... metrics) {
            if (slot < 0 || slot >= count) {
                throw new IllegalArgumentException("slot " + slot + " of " + count);
            }
            rootOf[first + slot] = where.map(UsageReader::dirOf).orElse(null);
            nameOf[first + slot] = name;
            versionOf[first + slot] = where.map(Hierarchy::version).orElse(null);
            metricsOf[first + slot] = mask(metrics);
        }
    }

    /** The read in progress, as the module being asked sees it: its slots from 0. */
    private final class Reading implements SampleReading {
        int first;

        @Override
        public boolean wants(Metric metric) {
            return (wantedMask & UsageSnapshot.bit(metric)) != 0;
        }

        @Override
        public boolean load(int slot) {
            return UsageReader.this.load(first + slot);
        }

        @Override
        public CgroupVersion version(int slot) {
            return versionOf[first + slot];
        }

        @Override
        public FileBuffer buffer() {
            return buffer;
        }

        @Override
        public boolean has(Metric metric) {
            return (present & UsageSnapshot.bit(metric)) != 0;
        }

        @Override
        public void put(Metric metric, long value) {
            UsageReader.this.put(metric, value);
        }

        @Override
        public void putMicros(Metric metric, byte[] key) {
            if (wants(metric)) {
                long micros = buffer.keyed(key);
                put(metric, micros == FileBuffer.ABSENT ? micros : micros * 1_000);
            }
        }

        @Override
        public void putTicks(Metric metric, long ticks) {
            put(metric, ticks == FileBuffer.ABSENT ? ticks : ticks * USER_HZ_NANOS);
        }

        @Override
        public void putLimit(Metric metric, long value, boolean v1Memory) {
            if (value == FileBuffer.ABSENT || !wants(metric)) {
                return;
            }
            if (value == FileBuffer.MAX || (v1Memory && value >= KernelRanges.V1_MEMORY_UNLIMITED)) {
                present |= UsageSnapshot.bit(metric);
                unlimited |= UsageSnapshot.bit(metric);
                return;
            }
            put(metric, value);
        }
    }
}
