package io.github.jcg.fibtest;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run completed: each thread's iterations in the measured phase and the Fibonacci
 * value it reached, and the lines fibtest prints from them.
 */
public record FibtestResult(List<ThreadResult> threads) {
    /** One thread's share. {@code fibResult} is the value modulo 2^64, printed unsigned. */
    public record ThreadResult(boolean fast, long iterations, long fibResult) {
    }

    public FibtestResult {
        threads = List.copyOf(threads);
    }

    public long totalIterations() {
        long sum = 0;
        for (ThreadResult t : threads) {
            sum += t.iterations();
        }
        return sum;
    }

    /**
     * The C original's last line, byte for byte: {@code printf("Iterations Completed(M): %lu \n",
     * total / 1000000)} — whole millions, rounded down, and a space before the newline.
     */
    public String finalLine() {
        return "Iterations Completed(M): " + Long.toUnsignedString(Long.divideUnsigned(totalIterations(), 1_000_000)) + " ";
    }

    /** {@code -v}: the original's per-thread line, {@code fib[<iterations>] = <fib value> }. */
    public List<String> verboseLines() {
        List<String> lines = new ArrayList<>();
        for (ThreadResult t : threads) {
            lines.add("fib[" + Long.toUnsignedString(t.iterations()) + "] = " + Long.toUnsignedString(t.fibResult()) + " ");
        }
        return lines;
    }
}
