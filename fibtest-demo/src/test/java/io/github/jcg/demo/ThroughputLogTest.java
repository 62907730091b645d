package io.github.jcg.demo;

import io.github.jcg.fibtest.LiveReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ThroughputLogTest {
    private static LiveReport at(long seconds10ths, long total) {
        return new LiveReport(seconds10ths * 100_000_000L, 0, total, 0);
    }

    @Test
    void rateUsesOnlyReportsInsideTheWindow() {
        ThroughputLog log = new ThroughputLog();
        log.add(at(10, 1_000));       // 1.0 s: before the window
        log.add(at(20, 3_000));       // 2.0 s
        log.add(at(30, 4_000));       // 3.0 s
        log.add(at(40, 5_000));       // 4.0 s
        log.add(at(50, 100_000));     // 5.0 s: after the window

        double rate = log.rateBetween(15 * 100_000_000L, 45 * 100_000_000L);

        assertThat(rate).isCloseTo(1_000.0, within(1e-9));
        assertThat(log.between(15 * 100_000_000L, 45 * 100_000_000L)).hasSize(3);
        assertThat(log.latest().totalIterations()).isEqualTo(100_000);
    }

    @Test
    void fewerThanTwoReportsGiveNoRate() {
        ThroughputLog log = new ThroughputLog();
        assertThat(log.rateBetween(0, Long.MAX_VALUE)).isNaN();
        log.add(at(10, 5));
        assertThat(log.rateBetween(0, 20 * 100_000_000L)).isNaN();
        assertThat(log.latest()).isNotNull();
    }
}
