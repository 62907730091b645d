package io.github.jcg.fibtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FibtestOptionsTest {
    private static FibtestOptions options(int threads, int fast, int cpus) {
        return new FibtestOptions(threads, fast, 5, false, 0, 1000, true, cpus);
    }

    @Test
    void threadCountIsRaisedToTheFastThreadCountAsInTheOriginal() {
        assertThat(options(1, 3, 4).threads()).isEqualTo(3);
        assertThat(options(6, 3, 4).threads()).isEqualTo(6);
    }

    @Test
    void fastThreadsAreBalancedAcrossCpusByThreadNumberModuloCpus() {
        // the original: thread n is fast when n % procs < fast_threads
        FibtestOptions o = options(4, 1, 2);
        assertThat(o.isFast(0)).isTrue();
        assertThat(o.isFast(1)).isFalse();
        assertThat(o.isFast(2)).isTrue();
        assertThat(o.isFast(3)).isFalse();
        assertThat(o.countFast()).isEqualTo(2);
        assertThat(options(8, 3, 8).countFast()).isEqualTo(3);
    }

    @Test
    void defaultsAreOneThreadPerCpuOneFastFiveSeconds() {
        FibtestOptions d = FibtestOptions.defaults();
        assertThat(d.threads()).isEqualTo(ConfiguredCpus.count());
        assertThat(d.fastThreads()).isEqualTo(1);
        assertThat(d.seconds()).isEqualTo(5);
        assertThat(d.verbose()).isFalse();
    }

    @Test
    void negativeValuesAreRefused() {
        assertThatThrownBy(() -> options(-1, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FibtestOptions(1, 1, -5, false, 0, 1000, true, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FibtestOptions(1, 1, 5, false, 0, 1, true, 2))
                .hasMessageContaining("at least 10 ms");
    }
}
