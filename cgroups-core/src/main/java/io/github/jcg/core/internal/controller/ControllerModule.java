package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;
import io.github.jcg.core.internal.fs.FileBuffer;
import io.github.jcg.core.sample.Metric;

import java.nio.charset.StandardCharsets;

import java.util.Set;

/**
 * Everything jcg knows about one kernel controller, on cgroup v1 and on v2, in one place:
 * <ul>
 * <li><b>limits</b>: its slice of {@code Resources}, the files that hold it on each version,
 * their parsing, ranges and write order, and the translation between the versions;</li>
 * <li><b>errors</b>: what the kernel's refusal of one of its files means;</li>
 * <li><b>sampling</b>: what it contributes to a usage snapshot.</li>
 * </ul>
 * A new controller is one subclass and one line in {@link Controllers}; a new metric is a
 * {@code Metric} constant and the few lines that read it in its controller's
 * {@link #sample} part.
 */
public abstract class ControllerModule {
    private final Set<Controller> controllers;

    /** @param controllers the kernel controllers whose files this module owns (blkio and io share one) */
    protected ControllerModule(Set<Controller> controllers) {
        this.controllers = Set.copyOf(controllers);
    }

    /** The kernel controllers whose files this module owns. */
    public final Set<Controller> controllers() {
        return controllers;
    }

    // ---------------------------------------------------------------- limits and errors

    // (filled by the limits part: plan, read, check, explain, vocabulary)

    // ---------------------------------------------------------------- sampling

    private static final byte[] SOME = key("some");
    private static final byte[] FULL = key("full");
    private static final byte[] TOTAL = key("total=");

    /** A key to look up in a loaded file ({@link FileBuffer#keyed}), as the kernel spells it. */
    protected static byte[] key(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The stall totals of a loaded PSI file ({@code cpu.pressure} …): its some and full lines' total=, in µs. */
    protected static void putPressure(SampleReading r, Metric some, Metric full) {
        r.put(some, r.buffer().nested(SOME, TOTAL));
        r.put(full, r.buffer().nested(FULL, TOTAL));
    }

    /** A "no number" from the buffer as 0: an empty statistics file (no IO yet) means zero, not unknown. */
    protected static long orZero(long value) {
        return value == FileBuffer.ABSENT ? 0 : value;
    }

    /** The number of file slots this module reads from in a usage sample (see {@link SampleFiles}). */
    public int sampleFileCount() {
        return 0;
    }

    /** Places this module's sample files on a host: which mount each slot lives under, and its name. */
    public void placeSampleFiles(SampleFiles files) {
    }

    /** Reads this module's metrics of one group into a sample. */
    public void sample(SampleReading reading) {
    }
}
