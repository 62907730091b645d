package io.github.jcg.core.internal.controller;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.internal.fs.FileBuffer;
import io.github.jcg.core.sample.Metric;

/**
 * One group's read in progress, as a module sees it: which metrics are wanted, its files by
 * slot (each loaded into the reader's one buffer and scanned in place), and where the values
 * go. Values the buffer did not have ({@link FileBuffer#ABSENT}) and metrics not wanted are
 * dropped by the put methods, so a module need not check.
 */
public interface SampleReading {
    boolean wants(Metric metric);

    /** Loads a file into {@link #buffer()}; false when the host or the group has none, or none of its metrics is wanted. */
    boolean load(int slot);

    /** The version of the hierarchy a slot's file lives in; null when it is not on this host. */
    CgroupVersion version(int slot);

    FileBuffer buffer();

    /** Whether this read has a value for the metric already (from a module asked earlier). */
    boolean has(Metric metric);

    void put(Metric metric, long value);

    /** A keyed value of the loaded file, in µs, recorded in ns. */
    void putMicros(Metric metric, byte[] key);

    /** A value in USER_HZ ticks, recorded in ns. */
    void putTicks(Metric metric, long ticks);

    /**
     * A limit: {@link FileBuffer#MAX} ({@code max}) is "no limit", and so is anything from
     * the v1 memory ceiling up when {@code v1Memory}.
     */
    void putLimit(Metric metric, long value, boolean v1Memory);
}
