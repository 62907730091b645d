package io.github.jcg.core.internal.controller;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.internal.GroupFiles;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.internal.fs.BlkioStatParser;
import io.github.jcg.core.internal.fs.FileBuffer;
import io.github.jcg.core.internal.fs.NestedKeyed;
import io.github.jcg.core.limit.BlockDevice;
import io.github.jcg.core.limit.IoDeviceLimit;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import io.github.jcg.core.sample.Metric;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Block IO: v1's blkio controller ({@code blkio.throttle.*}) and v2's io controller ({@code io.max}, {@code io.stat}), and IO pressure. */
final class IoController extends ControllerModule {
    IoController() {
        super(Set.of(Controller.BLKIO, Controller.IO));
    }

    // ---------------------------------------------------------------- limits and errors

    /** v1's throttle files, in the order of {@link #IO_MAX_KEYS}' limits: read bps, write bps, read iops, write iops. */
    private static final List<String> THROTTLE_FILES = List.of(
            "blkio.throttle.read_bps_device", "blkio.throttle.write_bps_device",
            "blkio.throttle.read_iops_device", "blkio.throttle.write_iops_device");
    private static final String IO_MAX_FILE = "io.max";
    private static final List<String> IO_MAX_KEYS = List.of("rbps", "wbps", "riops", "wiops");
    private static final Pattern DEVICE = Pattern.compile("\\d+:\\d+");

    /** blkio where it sits on a v1 hierarchy, io (on the v2 mount) otherwise. */
    @Override
    public Optional<Hierarchy> hierarchy(HostLayout layout) {
        return layout.hierarchyOf(Controller.BLKIO).filter(h -> h.version() == CgroupVersion.V1)
                .or(() -> layout.hierarchyOf(Controller.IO));
    }

    @Override
    public void copy(Resources from, Resources.Builder into) {
        from.io().forEach(into::io);
    }

    /**
     * v1: one write per limit given, to its {@code blkio.throttle.*_device} file, where 0
     * removes the rule; undone by writing back that device's old rule (or 0). v2: one
     * {@code io.max} write per device with the keys given; undone by writing every key of
     * that device back (max where it had none).
     */
    @Override
    public void plan(Resources wanted, GroupFiles current, CgroupVersion version, SharesWeightMapping mapping,
                     List<PlannedWrite> writes) {
        for (IoDeviceLimit io : wanted.io()) {
            if (version == CgroupVersion.V1) {
                planThrottle(io, writes);
            } else if (io.readBps().isPresent() || io.writeBps().isPresent() || io.readIops().isPresent()
                    || io.writeIops().isPresent()) {
                writes.add(ioMax(io));
            }
        }
    }

    private static List<Optional<Limit>> limitsOf(IoDeviceLimit io) {
        return List.of(io.readBps(), io.writeBps(), io.readIops(), io.writeIops());
    }

    private static void planThrottle(IoDeviceLimit io, List<PlannedWrite> writes) {
        List<Optional<Limit>> limits = limitsOf(io);
        String device = io.device().toString();
        for (int i = 0; i < THROTTLE_FILES.size(); i++) {
            Optional<Limit> l = limits.get(i);
            if (l.isPresent()) {
                // v1 removes a rule with 0
                String value = device + " " + (l.get().isUnlimited() ? 0 : l.get().value());
                writes.add(new PlannedWrite(THROTTLE_FILES.get(i), value,
                        previous -> List.of(device + " " + BlkioStatParser.parseLimits(previous).getOrDefault(device, 0L))));
            }
        }
    }

    private static PlannedWrite ioMax(IoDeviceLimit io) {
        List<Optional<Limit>> limits = limitsOf(io);
        StringBuilder value = new StringBuilder(io.device().toString());
        for (int i = 0; i < IO_MAX_KEYS.size(); i++) {
            String key = IO_MAX_KEYS.get(i);
            limits.get(i).ifPresent(l -> value.append(' ').append(key).append('=').append(l.toV2String()));
        }
        String device = io.device().toString();
        return new PlannedWrite(IO_MAX_FILE, value.toString(), previous -> {
            Map<String, String> old = NestedKeyed.parse(previous).getOrDefault(device, Map.of());
            StringBuilder restore = new StringBuilder(device);
            for (String key : IO_MAX_KEYS) {
                restore.append(' ').append(key).append('=').append(old.getOrDefault(key, "max"));
            }
            return List.of(restore.toString());
        });
    }

    @Override
    public void read(GroupFiles current, CgroupVersion version, Resources.Builder into) {
        if (version == CgroupVersion.V2) {
            current.read(IO_MAX_FILE).ifPresent(text -> NestedKeyed.parse(text).forEach((dev, keys) -> into.io(new IoDeviceLimit(
                    BlockDevice.parse(dev), key(keys, "rbps"), key(keys, "wbps"), key(keys, "riops"), key(keys, "wiops")))));
            return;
        }
        Map<String, Limit[]> byDevice = new LinkedHashMap<>();
        for (int i = 0; i < THROTTLE_FILES.size(); i++) {
            int slot = i;
            current.read(THROTTLE_FILES.get(i)).ifPresent(text -> BlkioStatParser.parseLimits(text)
                    .forEach((dev, value) -> byDevice.computeIfAbsent(dev, d -> new Limit[4])[slot] =
                            value == 0 ? Limit.unlimited() : Limit.of(value)));
        }
        byDevice.forEach((dev, l) -> into.io(new IoDeviceLimit(BlockDevice.parse(dev),
                Optional.ofNullable(l[0]), Optional.ofNullable(l[1]), Optional.ofNullable(l[2]), Optional.ofNullable(l[3]))));
    }

    private static Optional<Limit> key(Map<String, String> keys, String key) {
        return Optional.ofNullable(keys.get(key)).map(IoController::v2Limit);
    }

    private static Limit v2Limit(String text) {
        String t = text.strip();
        return t.equals("max") ? Limit.unlimited() : Limit.of(Long.parseLong(t));
    }

    @Override
    public void check(String file, String value) {
        String v = value.strip();
        if (file.equals(IO_MAX_FILE)) {
            checkIoMax(v);
        } else if (THROTTLE_FILES.contains(file)) {
            checkThrottle(file, v);
        }
    }

    private static void checkIoMax(String v) {
        String[] parts = v.split("\\s+");
        if (parts.length < 2 || !DEVICE.matcher(parts[0]).matches()) {
            throw new InvalidValueException(IO_MAX_FILE, "'" + v + "'",
                    "must be 'MAJ:MIN key=value...' with keys rbps, wbps, riops, wiops (e.g. '8:0 rbps=1048576')");
        }
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = eq < 0 ? parts[i] : parts[i].substring(0, eq);
            if (eq < 0 || !IO_MAX_KEYS.contains(key)) {
                throw new InvalidValueException(IO_MAX_FILE, "'" + parts[i] + "'", "must be one of rbps=, wbps=, riops=, wiops=");
            }
            String limit = parts[i].substring(eq + 1).toLowerCase(Locale.ROOT);
            if (!limit.equals("max") && RawValues.number("io.max " + key, limit, "max or a positive number") < 1) {
                throw new InvalidValueException("io.max " + key, limit, "must be at least 1, or max");
            }
        }
    }

    private static void checkThrottle(String file, String v) {
        String[] parts = v.split("\\s+");
        if (parts.length != 2 || !DEVICE.matcher(parts[0]).matches()) {
            throw new InvalidValueException(file, "'" + v + "'", "must be 'MAJ:MIN LIMIT' (e.g. '8:0 1048576'; 0 removes the limit)");
        }
        if (RawValues.number(file, parts[1], "a number") < 0) {
            throw new InvalidValueException(file, parts[1], "must be 0 (no limit) or more");
        }
    }

    /** blkio-controller.rst and bfq-iosched.rst on v1, cgroup-v2.rst on v2. */
    private static final Set<String> FILE_NAMES = fileNamesOfBoth();

    /** blkio's statistics, each also as {@code _recursive}, for the old CFQ names and BFQ's, and its settings; io's files. */
    private static Set<String> fileNamesOfBoth() {
        String[] stats = {"time", "sectors", "io_service_bytes", "io_serviced", "io_service_time", "io_wait_time",
                "io_merged", "io_queued"};
        String[] bfqOnly = {"avg_queue_size", "group_wait_time", "idle_time", "empty_time", "dequeue"};
        Set<String> blkio = new HashSet<>(Set.of("weight", "weight_device", "leaf_weight",
                "leaf_weight_device", "reset_stats", "bfq.weight", "bfq.weight_device",
                "throttle.read_bps_device", "throttle.write_bps_device", "throttle.read_iops_device",
                "throttle.write_iops_device", "throttle.io_service_bytes", "throttle.io_serviced",
                "throttle.io_service_bytes_recursive", "throttle.io_serviced_recursive"));
        for (String s : stats) {
            for (String prefix : new String[] {"", "bfq."}) {
                blkio.add(prefix + s);
                blkio.add(prefix + s + "_recursive");
            }
        }
        for (String s : bfqOnly) {
            blkio.add(s);
            blkio.add("bfq." + s);
        }
        Set<String> out = new HashSet<>();
        blkio.forEach(f -> out.add("blkio." + f));
        for (String f : List.of("stat", "weight", "max", "pressure", "latency", "prio.class", "cost.qos", "cost.model",
                "bfq.weight")) {
            out.add("io." + f);
        }
        return Set.copyOf(out);
    }

    @Override
    public Set<String> fileNames() {
        return FILE_NAMES;
    }

    // ---------------------------------------------------------------- sampling

    private static final int IO_STAT = 0;
    private static final int BLKIO_BYTES = 1;
    private static final int BLKIO_OPS = 2;
    private static final int PRESSURE = 3;
    private static final Metric[] PRESSURE_METRICS = pressureMetrics(
            Metric.PSI_IO_SOME_MICROS, Metric.PSI_IO_SOME_AVG10, Metric.PSI_IO_SOME_AVG60, Metric.PSI_IO_SOME_AVG300,
            Metric.PSI_IO_FULL_MICROS, Metric.PSI_IO_FULL_AVG10, Metric.PSI_IO_FULL_AVG60, Metric.PSI_IO_FULL_AVG300);
    private static final byte[] RBYTES = key("rbytes=");
    private static final byte[] WBYTES = key("wbytes=");
    private static final byte[] RIOS = key("rios=");
    private static final byte[] WIOS = key("wios=");
    private static final byte[] READ = key("Read");
    private static final byte[] WRITE = key("Write");

    @Override
    public int sampleFileCount() {
        return 4;
    }

    /** v1's recursive throttle statistics count every IO, throttled or not, as io.stat does. */
    @Override
    public void placeSampleFiles(SampleFiles files) {
        Optional<Hierarchy> io = hierarchy(files.layout());
        boolean v2 = io.map(h -> h.version() == CgroupVersion.V2).orElse(false);
        Optional<Hierarchy> v1 = v2 ? Optional.empty() : io;
        files.place(IO_STAT, v2 ? io : Optional.empty(), "io.stat",
                Metric.IO_READ_BYTES, Metric.IO_WRITE_BYTES, Metric.IO_READ_OPS, Metric.IO_WRITE_OPS);
        files.place(BLKIO_BYTES, v1, "blkio.throttle.io_service_bytes_recursive", Metric.IO_READ_BYTES, Metric.IO_WRITE_BYTES);
        files.place(BLKIO_OPS, v1, "blkio.throttle.io_serviced_recursive", Metric.IO_READ_OPS, Metric.IO_WRITE_OPS);
        files.place(PRESSURE, files.layout().unified(), "io.pressure", PRESSURE_METRICS);
    }

    @Override
    public void sample(SampleReading r) {
        FileBuffer b = r.buffer();
        if (r.load(IO_STAT)) {
            r.put(Metric.IO_READ_BYTES, orZero(b.sumNested(RBYTES)));
            r.put(Metric.IO_WRITE_BYTES, orZero(b.sumNested(WBYTES)));
            r.put(Metric.IO_READ_OPS, orZero(b.sumNested(RIOS)));
            r.put(Metric.IO_WRITE_OPS, orZero(b.sumNested(WIOS)));
        }
        if (r.load(BLKIO_BYTES)) {
            r.put(Metric.IO_READ_BYTES, orZero(b.sumBlkio(READ)));
            r.put(Metric.IO_WRITE_BYTES, orZero(b.sumBlkio(WRITE)));
        }
        if (r.load(BLKIO_OPS)) {
            r.put(Metric.IO_READ_OPS, orZero(b.sumBlkio(READ)));
            r.put(Metric.IO_WRITE_OPS, orZero(b.sumBlkio(WRITE)));
        }
        if (r.load(PRESSURE)) {
            putPressure(r, PRESSURE_METRICS);
        }
    }
}
