package io.github.jcg.kube.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code time.ParseDuration} and {@code Duration.String()}: cases from Go's time_test.go. */
class GoDurationTest {

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({
        "0, 0",
        "5s, 5000000000",
        "30s, 30000000000",
        "1478s, 1478000000000",
        "-5s, -5000000000",
        "+5s, 5000000000",
        "-0, 0",
        "+0, 0",
        "5.0s, 5000000000",
        "5.6s, 5600000000",
        "5.s, 5000000000",
        ".5s, 500000000",
        "1.004s, 1004000000",
        "100.00100s, 100001000000",
        "10ns, 10",
        "11us, 11000",
        "12\u00b5s, 12000",
        "12\u03bcs, 12000",
        "13ms, 13000000",
        "14s, 14000000000",
        "15m, 900000000000",
        "16h, 57600000000000",
        "3h30m, 12600000000000",
        "10.5s4m, 250500000000",
        "-2m3.4s, -123400000000",
        "1h2m3s4ms5us6ns, 3723004005006",
        "39h9m14.425s, 140954425000000",
        "52763797000ns, 52763797000",
        "9007199254740993ns, 9007199254740993",
        "9223372036854775807ns, 9223372036854775807",
        "100000us, 100000000",
    })
    void parsesAsGoDoes(String text, long nanos) {
        assertThat(GoDuration.parseNanos(text)).isEqualTo(nanos);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "''|time: invalid duration \"\"",
        "3|time: missing unit in duration \"3\"",
        "-|time: invalid duration \"-\"",
        "s|time: invalid duration \"s\"",
        ".|time: invalid duration \".\"",
        "-.|time: invalid duration \"-.\"",
        ".s|time: invalid duration \".s\"",
        "+.s|time: invalid duration \"+.s\"",
        "1d|time: unknown unit \"d\" in duration \"1d\"",
        "9223372036854775808ns|time: invalid duration \"9223372036854775808ns\"",
        "3000000h|time: invalid duration \"3000000h\"",
    })
    void refusesAsGoDoes(String text, String message) {
        assertThatThrownBy(() -> GoDuration.parseNanos(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{1} ns prints {0}")
    @CsvSource({
        "0s, 0",
        "1ns, 1",
        "1.1\u00b5s, 1100",
        "2.2ms, 2200000",
        "3.3s, 3300000000",
        "4m5s, 245000000000",
        "4m5.001s, 245001000000",
        "5h6m7.001s, 18367001000000",
        "8m0.000000001s, 480000000001",
        "2562047h47m16.854775807s, 9223372036854775807",
        "-2562047h47m16.854775808s, -9223372036854775808",
        "100ms, 100000000",
        "1s, 1000000000",
        "2h0m0s, 7200000000000",
    })
    void printsAsGoDoes(String text, long nanos) {
        assertThat(GoDuration.format(nanos)).isEqualTo(text);
    }
}
