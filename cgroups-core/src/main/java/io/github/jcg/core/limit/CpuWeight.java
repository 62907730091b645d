package io.github.jcg.core.limit;

/**
 * A relative CPU weight, remembered on the scale it was given in: v1 shares or v2 weight.
 * It is converted with a {@link SharesWeightMapping} only when written to the other version.
 *
 * @param scale the scale {@code value} is on
 * @param value the shares (2 … 262144, default 1024) or the weight (1 … 10000, default 100)
 */
public record CpuWeight(Scale scale, long value) {
    /** The two scales of relative CPU weight. */
    public enum Scale {
        /** v1's {@code cpu.shares}: 2 … 262144, default 1024. */
        SHARES,
        /** v2's {@code cpu.weight}: 1 … 10000, default 100. */
        WEIGHT
    }

    /**
     * Checks the value against its scale's range.
     *
     * @param scale the scale {@code value} is on
     * @param value the shares or the weight
     * @throws io.github.jcg.core.InvalidValueException when the value lies outside its scale's range
     */
    public CpuWeight {
        if (scale == Scale.SHARES) {
            KernelRanges.checkRange("cpu.shares", value, KernelRanges.MIN_SHARES, KernelRanges.MAX_SHARES, "");
        } else {
            KernelRanges.checkRange("cpu.weight", value, KernelRanges.MIN_WEIGHT, KernelRanges.MAX_WEIGHT, "");
        }
    }

    /**
     * A weight given as v1 shares.
     *
     * @param shares 2 … 262144; 1024 is the kernel's default
     * @return the weight on the {@link Scale#SHARES} scale
     * @throws io.github.jcg.core.InvalidValueException when {@code shares} is out of range
     */
    public static CpuWeight shares(long shares) {
        return new CpuWeight(Scale.SHARES, shares);
    }

    /**
     * A weight given as v2 weight.
     *
     * @param weight 1 … 10000; 100 is the kernel's default
     * @return the weight on the {@link Scale#WEIGHT} scale
     * @throws io.github.jcg.core.InvalidValueException when {@code weight} is out of range
     */
    public static CpuWeight weight(long weight) {
        return new CpuWeight(Scale.WEIGHT, weight);
    }

    /**
     * The value for v1's {@code cpu.shares}.
     *
     * @param mapping the conversion, used only when the value was given as weight
     * @return the shares, 2 … 262144
     */
    public long asShares(SharesWeightMapping mapping) {
        return scale == Scale.SHARES ? value : mapping.weightToShares(value);
    }

    /**
     * The value for v2's {@code cpu.weight}.
     *
     * @param mapping the conversion, used only when the value was given as shares
     * @return the weight, 1 … 10000
     */
    public long asWeight(SharesWeightMapping mapping) {
        return scale == Scale.WEIGHT ? value : mapping.sharesToWeight(value);
    }
}
