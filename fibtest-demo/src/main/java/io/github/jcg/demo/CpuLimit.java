package io.github.jcg.demo;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;

import java.util.Locale;

/**
 * A CFS bandwidth limit: a quota of CPU time per period, or no quota. 100 % is one CPU.
 *
 * @param quota        µs of CPU time per period, or {@link Limit#unlimited()}
 * @param periodMicros the period in µs
 */
public record CpuLimit(Limit quota, long periodMicros) {
    public static final long DEFAULT_PERIOD_MICROS = 100_000;

    /** No quota, the kernel's default period. */
    public static CpuLimit none() {
        return new CpuLimit(Limit.unlimited(), DEFAULT_PERIOD_MICROS);
    }

    public static CpuLimit of(long quotaMicros, long periodMicros) {
        return new CpuLimit(Limit.of(quotaMicros), periodMicros);
    }

    /** A limit in CPUs: {@code 0.5} is half a CPU. */
    public static CpuLimit cores(double cores, long periodMicros) {
        return of(Math.round(cores * periodMicros), periodMicros);
    }

    public boolean isLimited() {
        return !quota.isUnlimited();
    }

    /** CPUs allowed (quota / period); infinite without a quota. */
    public double cores() {
        return isLimited() ? (double) quota.value() / periodMicros : Double.POSITIVE_INFINITY;
    }

    /** The limit as a percentage of one CPU; infinite without a quota. */
    public double percentOfCpu() {
        return cores() * 100;
    }

    /**
     * The core library's value for this limit. Building it checks the kernel's ranges, so a
     * limit the kernel would refuse fails here, before anything is created.
     */
    public Resources resources() {
        return Resources.builder().cpuMax(quota, periodMicros).build();
    }

    /** {@code 1000/50000 µs}, or {@code none}. */
    public String describe() {
        return isLimited() ? quota.value() + "/" + periodMicros + " µs" : "none";
    }

    /** The kernel files and values this limit is written as. */
    public String kernelWrites(CgroupVersion version) {
        if (version == CgroupVersion.V2) {
            return "cpu.max=\"" + quota.toV2String() + " " + periodMicros + "\"";
        }
        return "cpu.cfs_quota_us=" + (isLimited() ? Long.toString(quota.value()) : "-1") + " cpu.cfs_period_us=" + periodMicros;
    }

    /** {@code 2 %}, {@code 50 %}, {@code 0.5 %}: as few digits as say it exactly, up to two decimals. */
    public String percentText() {
        return isLimited() ? Numbers.percent(percentOfCpu()) : "no limit";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s)", describe(), percentText());
    }
}
