package io.github.jcg.core.limit;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitTest {

    @Test
    void aBoundedLimitHasItsValue() {
        Limit l = Limit.of(268_435_456L);

        assertThat(l.isUnlimited()).isFalse();
        assertThat(l.value()).isEqualTo(268_435_456L);
        assertThat(l.asOptional()).hasValue(268_435_456L);
        assertThat(l.toV2String()).isEqualTo("268435456");
    }

    @Test
    void noLimitNeverLeaksOutAsANumber() {
        Limit none = Limit.unlimited();

        assertThat(none.isUnlimited()).isTrue();
        assertThat(none.asOptional()).isEqualTo(OptionalLong.empty());
        assertThat(none.toV2String()).isEqualTo("max");
        assertThat(none).hasToString("max");
        assertThatThrownBy(none::value).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void zeroIsALimitNotTheAbsenceOfOne() {
        assertThat(Limit.of(0)).isNotEqualTo(Limit.unlimited());
        assertThat(Limit.of(0).toV2String()).isEqualTo("0");
    }

    @Test
    void negativeValuesAreRefusedSoNoSentinelSneaksIn() {
        assertThatThrownBy(() -> Limit.of(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unlimited()");
    }

    @Test
    void equalityIsByValue() {
        assertThat(Limit.of(5)).isEqualTo(Limit.of(5)).hasSameHashCodeAs(Limit.of(5)).isNotEqualTo(Limit.of(6));
        assertThat(Limit.unlimited()).isEqualTo(Limit.unlimited());
    }
}
