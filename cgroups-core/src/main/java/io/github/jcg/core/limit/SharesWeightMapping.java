package io.github.jcg.core.limit;

/**
 * How v1 {@code cpu.shares} (2..262144, default 1024) and v2 {@code cpu.weight} (1..10000,
 * default 100) are converted. Runtimes disagree, so the formula is named and selectable.
 */
public enum SharesWeightMapping {
    /**
     * libcgroup's cgxget/cgxset: linear, {@code weight = shares × 100 / 1024} and back
     * {@code shares = weight × 1024 / 100}. Keeps 1024 ↔ 100; results are clamped into the
     * target range (shares above 10240 all map to weight 1000 and beyond … up to 10000).
     */
    LIBCGROUP_LINEAR {
        @Override
        public long sharesToWeight(long shares) {
            return clampWeight(shares * 100 / 1024);
        }

        @Override
        public long weightToShares(long weight) {
            return clampShares(weight * 1024 / 100);
        }
    },
    /**
     * The OCI runtimes' first mapping (runc before 1.3, crun): range onto range,
     * {@code weight = 1 + (shares − 2) × 9999 / 262142}. Maps 1024 to 39, not 100.
     */
    OCI_RANGE_LINEAR {
        @Override
        public long sharesToWeight(long shares) {
            return clampWeight(1 + (clampShares(shares) - 2) * 9999 / 262142);
        }

        @Override
        public long weightToShares(long weight) {
            return clampShares(2 + (clampWeight(weight) - 1) * 262142 / 9999);
        }
    },
    /**
     * Current runc's curve: {@code weight = ⌈10^((l² + 125·l) / 612 − 7/34)⌉} with
     * {@code l = log2(shares)}. Fits 2 → 1, 1024 → 100 and 262144 → 10000. jcg's default,
     * because it keeps both the defaults and the whole range.
     */
    RUNC_CURVE {
        @Override
        public long sharesToWeight(long shares) {
            if (shares <= KernelRanges.MIN_SHARES) {
                return KernelRanges.MIN_WEIGHT;
            }
            if (shares >= KernelRanges.MAX_SHARES) {
                return KernelRanges.MAX_WEIGHT;
            }
            double l = Math.log(shares) / Math.log(2);
            double exponent = (l * l + 125 * l) / 612.0 - 7.0 / 34.0;
            return clampWeight((long) Math.ceil(Math.pow(10, exponent)));
        }

        @Override
        public long weightToShares(long weight) {
            if (weight <= KernelRanges.MIN_WEIGHT) {
                return KernelRanges.MIN_SHARES;
            }
            if (weight >= KernelRanges.MAX_WEIGHT) {
                return KernelRanges.MAX_SHARES;
            }
            // invert the curve: solve l² + 125·l − 612·(log10(w) + 7/34) = 0 for l
            double c = 612.0 * (Math.log10(weight) + 7.0 / 34.0);
            double l = (-125 + Math.sqrt(125.0 * 125.0 + 4 * c)) / 2;
            long shares = clampShares(Math.round(Math.pow(2, l)));
            // ceil() in the forward direction and rounding here can disagree by one step:
            // settle on the nearest share value that maps back to exactly this weight
            while (shares > KernelRanges.MIN_SHARES && sharesToWeight(shares) > weight) {
                shares--;
            }
            while (shares < KernelRanges.MAX_SHARES && sharesToWeight(shares) < weight) {
                shares++;
            }
            return clampShares(shares);
        }
    };

    /** The mapping a {@link io.github.jcg.core.CgroupHost} uses unless told otherwise: {@link #RUNC_CURVE}. */
    public static final SharesWeightMapping DEFAULT = RUNC_CURVE;

    /**
     * Converts v1 shares to v2 weight.
     *
     * @param shares a {@code cpu.shares} value; one outside 2 … 262144 is taken as the nearer end
     *               or converted and then clamped, depending on the formula
     * @return the {@code cpu.weight}, always within 1 … 10000
     */
    public abstract long sharesToWeight(long shares);

    /**
     * Converts v2 weight to v1 shares.
     *
     * @param weight a {@code cpu.weight} value; one outside 1 … 10000 is taken as the nearer end
     *               or converted and then clamped, depending on the formula
     * @return the {@code cpu.shares}, always within 2 … 262144
     */
    public abstract long weightToShares(long weight);

    static long clampWeight(long w) {
        return Math.max(KernelRanges.MIN_WEIGHT, Math.min(KernelRanges.MAX_WEIGHT, w));
    }

    static long clampShares(long s) {
        return Math.max(KernelRanges.MIN_SHARES, Math.min(KernelRanges.MAX_SHARES, s));
    }
}
