package io.github.jcg.core.internal.controller;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Errno;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.internal.GroupFiles;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.internal.fs.FileBuffer;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import io.github.jcg.core.sample.Metric;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
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

    /**
     * The hierarchy that holds this module's files on a host, which decides whether its
     * limits are planned in v1's or v2's files: by default the one of its controller, in
     * {@link Controller} order; empty when none is mounted.
     */
    public Optional<Hierarchy> hierarchy(HostLayout layout) {
        return controllers.stream().sorted().map(layout::hierarchyOf).flatMap(Optional::stream).findFirst();
    }

    /** Copies this module's fields of {@code from} (its slice of {@link Resources}) into {@code into}. */
    public void copy(Resources from, Resources.Builder into) {
    }

    /**
     * Adds the writes that make the group's settings of this module match {@code wanted},
     * in the order the kernel needs them, to {@code writes}. Planning is pure: {@code current}
     * is read for what the order or a value depends on, nothing is written.
     *
     * @param wanted  the settings wanted; fields of other modules are ignored
     * @param current the group's files, as far as they belong to hierarchies of {@code version}
     * @param version the version of the hierarchy that holds this module's files
     * @param mapping how a weight given as cpu.shares becomes cpu.weight and back
     * @param writes  where the writes go, after those of the modules planned before
     * @throws io.github.jcg.core.InvalidValueException for a setting {@code version} cannot express
     */
    public void plan(Resources wanted, GroupFiles current, CgroupVersion version, SharesWeightMapping mapping,
                     List<PlannedWrite> writes) {
    }

    /** Reads this module's settings, as the kernel reports them, into {@code into}; absent files leave fields empty. */
    public void read(GroupFiles current, CgroupVersion version, Resources.Builder into) {
    }

    /**
     * Checks a raw value for one of this module's files before it is written, and throws
     * {@link io.github.jcg.core.InvalidValueException} with the accepted values when it
     * cannot be right. A file it has no rule for is left to the kernel.
     *
     * @param value the value as given (the kernel ignores white space around it)
     */
    public void check(String file, String value) {
    }

    /**
     * What the kernel's refusal to write {@code value} to one of this module's files means,
     * when this module knows more than the words every file gets; empty leaves it to them.
     */
    public Optional<String> explainRefusal(String file, String value, Errno errno, CgroupVersion version) {
        return Optional.empty();
    }

    /** The names of this module's control files, v1's and v2's, as the kernel documents them. */
    public Set<String> fileNames() {
        return Set.of();
    }

    /** Whether the kernel has (or may have) a control file of this module by this name. */
    public boolean isFileName(String name) {
        return fileNames().contains(name);
    }

    /** This module's rows of the v1/v2 translation libcgroup's cgxget and cgxset use. */
    public List<VocabularyEntry> vocabulary() {
        return List.of();
    }

    // ---------------------------------------------------------------- sampling

    private static final byte[] SOME = key("some");
    private static final byte[] FULL = key("full");
    /** A PSI line's keys, in the order of {@link #putPressure}'s metrics: total=, avg10=, avg60=, avg300=. */
    private static final byte[][] PRESSURE_KEYS = {key("total="), key("avg10="), key("avg60="), key("avg300=")};

    /** A key to look up in a loaded file ({@link FileBuffer#keyed}), as the kernel spells it. */
    protected static byte[] key(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The wanted values of a loaded PSI file ({@code cpu.pressure} …), totals and averages from
     * the one read: {@code metrics} are the some line's total= (µs), avg10=, avg60= and avg300=
     * (hundredths of a percent), then the full line's, as {@link #pressureMetrics} orders them.
     * A value not wanted is not even scanned for: top reads these files for one average.
     */
    protected static void putPressure(SampleReading r, Metric[] metrics) {
        FileBuffer b = r.buffer();
        for (int i = 0; i < metrics.length; i++) {
            if (r.wants(metrics[i])) {
                byte[] line = i < PRESSURE_KEYS.length ? SOME : FULL;
                int k = i % PRESSURE_KEYS.length;
                // total= is a whole number of µs, the averages are percentages with two decimals
                r.put(metrics[i], k == 0 ? b.nested(line, PRESSURE_KEYS[k]) : b.nestedHundredths(line, PRESSURE_KEYS[k]));
            }
        }
    }

    /** The metrics of one PSI file in {@link #putPressure}'s order, for its slot and its read. */
    protected static Metric[] pressureMetrics(Metric someTotal, Metric someAvg10, Metric someAvg60, Metric someAvg300,
                                              Metric fullTotal, Metric fullAvg10, Metric fullAvg60, Metric fullAvg300) {
        return new Metric[] {someTotal, someAvg10, someAvg60, someAvg300, fullTotal, fullAvg10, fullAvg60, fullAvg300};
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
