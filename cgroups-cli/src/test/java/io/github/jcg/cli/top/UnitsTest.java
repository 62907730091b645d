package io.github.jcg.cli.top;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** systemd's number formats, on the values its own tests and its output on a real host use. */
class UnitsTest {
    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource({
        // systemd's test-format-util.c, IEC with one decimal and a trailing B
        "900, 900B",
        "1023, 1023B",
        "1024, 1.0K",
        "1100, 1.0K",
        "1500, 1.4K",
        "3145728, 3.0M",
        "3221225472, 3.0G",
        "3298534883328, 3.0T",
        "3377699720527872, 3.0P",
        "3458764513820540928, 3.0E",
        "0, 0B",
        // systemd-cgtop 252 on this project's host: -r and default output of the same group
        "946323456, 902.4M",
        "833835008, 795.2M",
        // the tenth is cut, never rounded up
        "1073637376, 1023.9M",
        "1073741823, 1023.9M",
        "1073741824, 1.0G",
    })
    void bytesAsSystemdFormatsThem(long value, String expected) {
        assertThat(Units.bytes(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} us -> {1}")
    @CsvSource({
        "0, 0",
        "1, 1us",
        "999, 999us",
        "1000, 1ms",
        "1500, 1.500ms",
        "1000000, 1s",
        "1250000, 1.250000s",
        "59999999, 59.999999s",
        "60000000, 1min",
        "1312164393, 21min 52.164393s",
        "3600500000, 1h 500ms",
        "90061000001, 1d 1h 1min 1.000001s",
    })
    void cpuTimeAsSystemdsTimespan(long micros, String expected) {
        assertThat(Units.timespan(micros)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "-d {0}")
    @CsvSource({
        "1, 1000000",
        "0.5, 500000",
        "500ms, 500000",
        "2s, 2000000",
        "1min 30s, 90000000",
        "1.5 s, 1500000",
        "250us, 250",
    })
    void delaysAsParseSecReadsThem(String text, long micros) {
        assertThat(Units.parseDelayMicros(text)).isEqualTo(micros);
    }

    @Test
    void badDelaysAreRefused() {
        assertThatThrownBy(() -> Units.parseDelayMicros("soon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Units.parseDelayMicros("5 parsecs")).hasMessageContaining("unknown unit");
        assertThatThrownBy(() -> Units.parseDelayMicros("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentagesRoundAsPrintfDoes() {
        assertThat(Units.oneDecimal(50.04)).isEqualTo("50.0");
        assertThat(Units.oneDecimal(50.05)).isEqualTo("50.0"); // 50.05 is 50.04999… in binary, as printf sees it
        assertThat(Units.oneDecimal(0.25)).isEqualTo("0.2"); // an exact tie goes to even
        assertThat(Units.oneDecimal(199.96)).isEqualTo("200.0");
        assertThat(Units.twoDecimals(0.5)).isEqualTo("0.50");
    }

    @Test
    void delaysForPeople() {
        assertThat(Units.delay(1_000_000)).isEqualTo("1s");
        assertThat(Units.delay(250_000)).isEqualTo("250ms");
        assertThat(Units.delay(1_250_000)).isEqualTo("1.25s");
    }
}
