package io.github.jcg.cli.options;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {
    @Test
    void unitsAsPeopleWriteThem() {
        assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse(".25")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void zeroNegativeAndNonsenseAreRefusedWithTheValue() {
        assertThatThrownBy(() -> Durations.parse("0")).hasMessageContaining("'0' is zero");
        assertThatThrownBy(() -> Durations.parse("-1s")).hasMessageContaining("'-1s' is not a duration");
        assertThatThrownBy(() -> Durations.parse("10 parsecs")).hasMessageContaining("not a duration");
    }
}
