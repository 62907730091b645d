package io.github.jcg.core.run;

/**
 * A high-water mark of a run, and where it came from.
 *
 * @param value  the highest value seen, in the metric's unit (bytes, tasks)
 * @param source whether the kernel kept it or the run sampled it
 */
public record Peak(long value, Source source) {
    /** Where a peak came from. */
    public enum Source {
        /**
         * The kernel's own counter ({@code memory.peak}, {@code memory.max_usage_in_bytes},
         * {@code memory.swap.peak}, {@code pids.peak}): exact.
         */
        KERNEL("kernel"),
        /**
         * The highest of the run's samples: a lower bound, which misses what rose and fell
         * between two samples. Used where the kernel keeps no peak, or the group was used before
         * the run (the kernel's peak would include that).
         */
        SAMPLED("sampled");

        private final String word;

        Source(String word) {
            this.word = word;
        }

        /**
         * How a summary names it.
         *
         * @return {@code kernel} or {@code sampled}
         */
        public String word() {
            return word;
        }
    }
}
