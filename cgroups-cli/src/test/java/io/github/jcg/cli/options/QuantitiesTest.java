package io.github.jcg.cli.options;

import io.github.jcg.core.limit.Limit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantitiesTest {
    @ParameterizedTest
    @CsvSource({
            "268435456, 268435456",
            "256Mi, 268435456",
            "1Ki, 1024",
            "1.5Gi, 1610612736",
            "2Ti, 2199023255552",
            "1Ei, 1152921504606846976",
            "500M, 500000000",
            "2G, 2000000000",
            "1k, 1000",
            "1K, 1000",
            "3T, 3000000000000",
            "1e9, 1000000000",
            "2.5E3, 2500",
            "0.5Ki, 512",
            "0, 0"})
    void bytesAreKubernetesQuantities(String text, long bytes) {
        assertThat(Quantities.bytes(text)).isEqualTo(Limit.of(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"max", "MAX", "none", " max "})
    void maxAndNoneMeanNoLimit(String text) {
        assertThat(Quantities.bytes(text).isUnlimited()).isTrue();
        assertThat(Quantities.count(text).isUnlimited()).isTrue();
        assertThat(Quantities.milliCpus(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "12abc", "256MB", "256MiB", "256mi", "-1", "1.5.5", "Mi", "1m", "--5"})
    void malformedBytesAreRefusedWithExamples(String text) {
        assertThatThrownBy(() -> Quantities.bytes(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256Mi");
    }

    @Test
    void fractionsOfAByteAreRefused() {
        assertThatThrownBy(() -> Quantities.bytes("1.5")).hasMessageContaining("not a whole number of bytes");
        assertThatThrownBy(() -> Quantities.bytes("0.3Ki")).hasMessageContaining("not a whole number");
    }

    @Test
    void bytesTakeTheKernelsUnsignedRangeAndPastALongMeanNoLimit() {
        assertThat(Quantities.bytes("9223372036854775807")).isEqualTo(Limit.of(Long.MAX_VALUE));
        // the kernel clamps anything past 2^63 − 1 to no limit
        assertThat(Quantities.bytes("9223372036854775808")).isEqualTo(Limit.unlimited());
        assertThat(Quantities.bytes("9Ei")).isEqualTo(Limit.unlimited());
        assertThat(Quantities.bytes("18446744073709551615")).isEqualTo(Limit.unlimited());
        // past 2^64 − 1 the kernel's parser would wrap around
        assertThatThrownBy(() -> Quantities.bytes("18446744073709551616")).hasMessageContaining("larger than 18446744073709551615");
        assertThatThrownBy(() -> Quantities.bytes("16Ei")).hasMessageContaining("larger than 18446744073709551615");
        assertThatThrownBy(() -> Quantities.bytes("19E")).hasMessageContaining("larger than 18446744073709551615");
    }

    @ParameterizedTest
    @CsvSource({"500m, 500", "1.5, 1500", "2, 2000", "0.1, 100", "20%, 200", "150%, 1500", "12.5%, 125", "1m, 1", "0.25, 250"})
    void cpusAreCoresMillicoresOrPercentOfOneCpu(String text, long millis) {
        assertThat(Quantities.milliCpus(text)).isEqualTo(OptionalLong.of(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0m", "0%", "-1", "abc", "1e3", "+1", "1.5m", "%"})
    void badCpuAmountsAreRefused(String text) {
        assertThatThrownBy(() -> Quantities.milliCpus(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
    }

    @Test
    void cpuFinerThanAMillicoreIsRefused() {
        assertThatThrownBy(() -> Quantities.milliCpus("1.2345")).hasMessageContaining("finer than one millicore");
    }

    @Test
    void countsAllowDecimalSuffixesButNotBinaryOnes() {
        assertThat(Quantities.count("100")).isEqualTo(Limit.of(100));
        assertThat(Quantities.count("2k")).isEqualTo(Limit.of(2000));
        assertThatThrownBy(() -> Quantities.count("1Ki")).hasMessageContaining("not a count");
        assertThatThrownBy(() -> Quantities.count("1.5")).hasMessageContaining("not a whole number");
    }
}
