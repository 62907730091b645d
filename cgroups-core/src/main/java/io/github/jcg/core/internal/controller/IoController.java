package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.internal.fs.FileBuffer;
import io.github.jcg.core.sample.Metric;

import java.util.Optional;

import java.util.Set;

/** Block IO: v1's blkio controller ({@code blkio.throttle.*}) and v2's io controller ({@code io.max}, {@code io.stat}), and IO pressure. */
final class IoController extends ControllerModule {
    IoController() {
        super(Set.of(Controller.BLKIO, Controller.IO));
    }

    // ---------------------------------------------------------------- limits and errors

    // ---------------------------------------------------------------- sampling

    private static final int IO_STAT = 0;
    private static final int BLKIO_BYTES = 1;
    private static final int BLKIO_OPS = 2;
    private static final int PRESSURE = 3;
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
        Optional<Hierarchy> io = files.layout().hierarchyOf(Controller.IO).or(() -> files.layout().hierarchyOf(Controller.BLKIO));
        boolean v2 = io.map(h -> h.version() == CgroupVersion.V2).orElse(false);
        Optional<Hierarchy> v1 = v2 ? Optional.empty() : io;
        files.place(IO_STAT, v2 ? io : Optional.empty(), "io.stat",
                Metric.IO_READ_BYTES, Metric.IO_WRITE_BYTES, Metric.IO_READ_OPS, Metric.IO_WRITE_OPS);
        files.place(BLKIO_BYTES, v1, "blkio.throttle.io_service_bytes_recursive", Metric.IO_READ_BYTES, Metric.IO_WRITE_BYTES);
        files.place(BLKIO_OPS, v1, "blkio.throttle.io_serviced_recursive", Metric.IO_READ_OPS, Metric.IO_WRITE_OPS);
        files.place(PRESSURE, files.layout().unified(), "io.pressure", Metric.PSI_IO_SOME_MICROS, Metric.PSI_IO_FULL_MICROS);
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
            putPressure(r, Metric.PSI_IO_SOME_MICROS, Metric.PSI_IO_FULL_MICROS);
        }
    }
}
