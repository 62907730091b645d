package io.github.jcg.core.limit;

/**
 * A relative CPU weight, remembered on the scale it was given in: v1 shares or v2 weight.
 * It is converted with a {@link SharesWeightMapping} only when written to the other version.
 */
public record CpuWeight(Scale scale, long value) {
    public enum Scale { SHARES, WEIGHT }

    public CpuWeight {
        if (scale == Scale.SHARES) {
            KernelRanges.checkRange("cpu.shares", value, KernelRanges.MIN_SHARES, KernelRanges.MAX_SHARES, "");
        } else {
            KernelRanges.checkRange("cpu.weight", value, KernelRanges.MIN_WEIGHT, KernelRanges.MAX_WEIGHT, "");
        }
    }

    public static CpuWeight shares(long shares) {
        return new CpuWeight(Scale.SHARES, shares);
    }

    public static CpuWeight weight(long weight) {
        return new CpuWeight(Scale.WEIGHT, weight);
    }

    public long asShares(SharesWeightMapping mapping) {
        return scale == Scale.SHARES ? value : mapping.weightToShares(value);
    }

    public long asWeight(SharesWeightMapping mapping) {
        return scale == Scale.WEIGHT ? value : mapping.sharesToWeight(value);
    }
}
