package io.github.jcg.kube.node;

import io.github.jcg.kube.Quantity;

/**
 * The hard eviction threshold on {@code memory.available}, as the kubelet parses it
 * ({@code parseThresholdStatement} in {@code pkg/kubelet/eviction/helpers.go}) and turns it into
 * a reservation ({@code hardEvictionReservation}, {@code GetThresholdQuantity}).
 *
 * @param quantity   the threshold as an amount, or null when it is a percentage or none
 * @param percentage the threshold as a fraction of capacity, in float32 as the kubelet keeps
 *                   it; 0 when it is an amount or none
 */
record EvictionThreshold(Quantity quantity, float percentage) {

    private static final String SIGNAL = KubeletConfigReader.MEMORY_AVAILABLE;

    /**
     * @param value as written in evictionHard: {@code 100Mi}, {@code 10%}
     * @return the threshold; {@code 0%} and {@code 100%} are no threshold, as the kubelet
     *         ignores them
     * @throws IllegalArgumentException with the kubelet's words when the value is not a positive
     *                                  quantity or a percentage in [0%, 100%]
     */
    static EvictionThreshold parse(String value) {
        if (value.endsWith("%")) {
            if (value.equals("0%") || value.equals("100%")) {
                return new EvictionThreshold(null, 0f);
            }
            float fraction;
            try {
                // Go: strconv.ParseFloat(s, 32), then float32 division by 100
                fraction = Float.parseFloat(trimPercent(value)) / 100f;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid percentage " + KubeletConfigReader.quote(value)
                        + "; write a percentage such as 10% or a quantity such as 100Mi");
            }
            if (Float.isNaN(fraction) || fraction < 0) {
                throw new IllegalArgumentException("eviction percentage threshold " + SIGNAL
                        + " must be >= 0%: " + value);
            }
            if (fraction > 1) {
                throw new IllegalArgumentException("eviction percentage threshold " + SIGNAL
                        + " must be <= 100%: " + value);
            }
            return new EvictionThreshold(null, fraction);
        }
        Quantity q = Quantity.parse(value);
        if (q.signum() <= 0) {
            throw new IllegalArgumentException("eviction threshold " + SIGNAL + " must be positive: " + q);
        }
        return new EvictionThreshold(q, 0f);
    }

    /**
     * @param memoryCapacity the node's memory capacity
     * @return what the threshold reserves: the amount, or the percentage of capacity truncated
     *         to whole bytes in binary SI (float64 of capacity × float64 of the float32 fraction)
     */
    Quantity reservation(Quantity memoryCapacity) {
        if (quantity != null) {
            return quantity;
        }
        long bytes = (long) ((double) memoryCapacity.value() * (double) percentage);
        return Quantity.ofBytes(bytes);
    }

    /** Go's TrimRight(s, "%") strips every trailing percent sign. */
    private static String trimPercent(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '%') {
            end--;
        }
        String number = value.substring(0, end);
        // Java would take 1f or 0x1p3 or NaN spellings Go's ParseFloat reads differently; keep decimals
        if (!number.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
            throw new NumberFormatException(number);
        }
        return number;
    }
}
