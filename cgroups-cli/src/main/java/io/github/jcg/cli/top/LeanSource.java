package io.github.jcg.cli.top;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.fs.FileBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * systemd-cgtop's six columns at systemd-cgtop's price: one file per column per group
 * ({@code cpuacct.usage} or {@code cpu.stat}, {@code memory.usage_in_bytes} or
 * {@code memory.current}, {@code pids.current}, the blkio or {@code io.stat} byte counters),
 * scanned by the core's {@link FileBuffer}.
 *
 * <p>A workaround kept here until the core can be asked for less: its metric groups read
 * more than these columns show (CPU also reads the user/system split, memory also reads
 * the peak and the whole of {@code memory.stat}, pids also reads the limit, IO also the
 * operation counts), which on a tree of 1,000 groups more than doubles the files read per
 * refresh. Rates follow the core's rules: a counter that is missing on either side or went
 * backwards gives no rate.
 */
final class LeanSource implements Source {
    private static final int CPU = 0;
    private static final int MEMORY = 1;
    private static final int TASKS = 2;
    private static final int READ = 3;
    private static final int WRITE = 4;
    private static final int TIME = 5;
    private static final int SLOTS = 6;
    private static final long ABSENT = FileBuffer.ABSENT;

    private static final byte[] USAGE_USEC = ascii("usage_usec");
    private static final byte[] RBYTES = ascii("rbytes=");
    private static final byte[] WBYTES = ascii("wbytes=");
    private static final byte[] BLKIO_READ = ascii("Read");
    private static final byte[] BLKIO_WRITE = ascii("Write");

    private final FileBuffer buffer = new FileBuffer();
    private final StringBuilder path = new StringBuilder(256);
    private final TreeLister lister;
    /** cpuacct.usage's hierarchy (v1), or null. */
    private final String cpuacct;
    /** The v2 mount: cpu.stat's usage_usec, for v2 and for hybrid groups only there. */
    private final String unified;
    private final String memory;
    private final boolean memoryOnV2;
    private final String pids;
    private final String io;
    private final boolean ioOnV2;

    LeanSource(HostLayout layout, CgroupPath root, int depth) {
        cpuacct = dir(layout.hierarchyOf(Controller.CPUACCT).filter(h -> h.version() == CgroupVersion.V1));
        unified = dir(layout.unified());
        Optional<Hierarchy> mem = layout.hierarchyOf(Controller.MEMORY);
        memory = dir(mem);
        memoryOnV2 = mem.map(h -> h.version() == CgroupVersion.V2).orElse(false);
        pids = dir(layout.hierarchyOf(Controller.PIDS));
        Optional<Hierarchy> ioH = layout.hierarchyOf(Controller.IO).or(() -> layout.hierarchyOf(Controller.BLKIO));
        io = dir(ioH);
        ioOnV2 = ioH.map(h -> h.version() == CgroupVersion.V2).orElse(false);
        List<String> mounts = new ArrayList<>();
        for (String d : new String[] {cpuacct, unified, memory, pids, io}) {
            if (d != null && !mounts.contains(d)) {
                mounts.add(d);
            }
        }
        lister = new TreeLister(mounts, root, depth);
    }

    /** A pass: per group, the counters and gauges in {@link #SLOTS} longs. */
    record LeanPass(long monotonicNanos, Map<CgroupPath, long[]> groups) implements Pass {
        @Override
        public int groupCount() {
            return groups.size();
        }
    }

    @Override
    public Pass sample() {
        long started = System.nanoTime();
        Map<CgroupPath, long[]> groups = new LinkedHashMap<>();
        for (TreeLister.Group g : lister.list()) {
            long[] values = read(g.relative);
            if (values != null) {
                groups.put(g.path, values);
            }
        }
        return new LeanPass(started, groups);
    }

    /** The numbers of the group at {@code rel} below each mount, or null when no hierarchy read has it. */
    long[] read(String rel) {
        long[] v = {ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, System.nanoTime()};
        if (cpuacct != null && load(cpuacct, rel, "/cpuacct.usage")) {
            v[CPU] = buffer.firstLong();
        } else if (unified != null && load(unified, rel, "/cpu.stat")) {
            long usec = buffer.keyed(USAGE_USEC);
            v[CPU] = usec == ABSENT ? ABSENT : usec * 1_000;
        }
        if (memory != null && load(memory, rel, memoryOnV2 ? "/memory.current" : "/memory.usage_in_bytes")) {
            v[MEMORY] = buffer.firstLong();
        }
        if (pids != null && load(pids, rel, "/pids.current")) {
            v[TASKS] = buffer.firstLong();
        }
        if (io != null) {
            if (ioOnV2 && load(io, rel, "/io.stat")) {
                v[READ] = orZero(buffer.sumNested(RBYTES));
                v[WRITE] = orZero(buffer.sumNested(WBYTES));
            } else if (!ioOnV2 && load(io, rel, "/blkio.throttle.io_service_bytes_recursive")) {
                v[READ] = orZero(buffer.sumBlkio(BLKIO_READ));
                v[WRITE] = orZero(buffer.sumBlkio(BLKIO_WRITE));
            }
        }
        for (int i = 0; i < TIME; i++) {
            if (v[i] == FileBuffer.MAX) {
                v[i] = ABSENT; // "max" is no count
            }
            if (v[i] != ABSENT) {
                return v;
            }
        }
        return null;
    }

    @Override
    public List<GroupRow> rows(Pass earlier, Pass later, TaskCounting counting, boolean recursive) {
        Map<CgroupPath, long[]> before = earlier instanceof LeanPass p ? p.groups() : Map.of();
        Map<CgroupPath, long[]> now = ((LeanPass) later).groups();
        List<GroupRow> rows = new ArrayList<>(now.size());
        for (Map.Entry<CgroupPath, long[]> e : now.entrySet()) {
            long[] b = before.get(e.getKey());
            long[] a = e.getValue();
            double seconds = b == null ? 0 : (a[TIME] - b[TIME]) / 1e9;
            OptionalDouble cpu = OptionalDouble.empty();
            if (b != null && seconds > 0) {
                OptionalDouble d = delta(b, a, CPU);
                cpu = d.isPresent() ? OptionalDouble.of(d.getAsDouble() / 1e9 / seconds * 100) : d;
            }
            rows.add(new GroupRow(e.getKey(), value(a[TASKS]), cpu, value(a[CPU]), value(a[MEMORY]),
                    perSecond(b, a, READ, seconds), perSecond(b, a, WRITE, seconds),
                    Optional.empty(), OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty()));
        }
        return rows;
    }

    private boolean load(String mount, String rel, String file) {
        path.setLength(0);
        path.append(mount).append(rel).append(file);
        return buffer.load(path.toString());
    }

    private static OptionalDouble delta(long[] b, long[] a, int slot) {
        if (b[slot] == ABSENT || a[slot] == ABSENT || a[slot] < b[slot]) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(a[slot] - b[slot]);
    }

    private static OptionalDouble perSecond(long[] b, long[] a, int slot, double seconds) {
        if (b == null || seconds <= 0) {
            return OptionalDouble.empty();
        }
        OptionalDouble d = delta(b, a, slot);
        return d.isPresent() ? OptionalDouble.of(d.getAsDouble() / seconds) : d;
    }

    private static OptionalLong value(long v) {
        return v == ABSENT ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private static long orZero(long v) {
        return v == ABSENT ? 0 : v;
    }

    private static String dir(Optional<Hierarchy> h) {
        return h.map(x -> {
            String s = x.mountPoint().toString();
            return s.endsWith("/") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
        }).orElse(null);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
