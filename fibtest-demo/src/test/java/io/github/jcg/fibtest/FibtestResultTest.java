package io.github.jcg.fibtest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FibtestResultTest {
    @Test
    void finalLineIsTheOriginalsWholeMillionsRoundedDownWithItsTrailingSpace() {
        FibtestResult r = new FibtestResult(List.of(
                new FibtestResult.ThreadResult(true, 1_999_999_999L, 1),
                new FibtestResult.ThreadResult(false, 500_001, 2)));

        assertThat(r.totalIterations()).isEqualTo(2_000_500_000L);
        assertThat(r.finalLine()).isEqualTo("Iterations Completed(M): 2000 ");
    }

    @Test
    void lessThanAMillionIsZero() {
        assertThat(new FibtestResult(List.of(new FibtestResult.ThreadResult(false, 999_999, 0))).finalLine())
                .isEqualTo("Iterations Completed(M): 0 ");
        assertThat(new FibtestResult(List.of()).finalLine()).isEqualTo("Iterations Completed(M): 0 ");
    }

    @Test
    void verboseLinesPrintIterationsThenTheUnsignedFibonacciValueAsTheOriginalDoes() {
        FibtestResult r = new FibtestResult(List.of(
                new FibtestResult.ThreadResult(true, 3_000_000, -2L),
                new FibtestResult.ThreadResult(false, 700, 13)));

        assertThat(r.verboseLines()).containsExactly(
                "fib[3000000] = 18446744073709551614 ",
                "fib[700] = 13 ");
    }
}
