package io.github.jcg.core.limit;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteQuantityTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "4096, 4096",
            "1K, 1024",
            "1k, 1024",
            "512M, 536870912",
            "256m, 268435456",
            "2G, 2147483648",
            "1T, 1099511627776",
            "1P, 1125899906842624",
            "7E, 8070450532247928832",
            "9223372036854775807, 9223372036854775807"})
    void readsBinarySuffixesAsTheKernelsMemparseDoes(String text, long bytes) {
        assertThat(ByteQuantity.parse("memory.max", text)).isEqualTo(bytes);
    }

    @Test
    void toleratesTheNewlineOfTextReadFromAFile() {
        assertThat(ByteQuantity.parse("memory.max", " 64M\n")).isEqualTo(67_108_864L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "M", "1.5G", "-1", "12X", "1 G", "0x100", "max"})
    void refusesWhatIsNotAByteCount(String text) {
        assertThatThrownBy(() -> ByteQuantity.parse("memory.max", text))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("memory.max ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8E", "9223372036854775808", "12345678901234567890", "9007199254740992K"})
    void refusesQuantitiesLargerThanALong(String text) {
        assertThatThrownBy(() -> ByteQuantity.parse("memory.max", text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void parseLimitReadsLowerCaseMaxAsNoLimitOnV2() {
        assertThat(ByteQuantity.parseLimit("memory.max", "max", CgroupVersion.V2)).isEqualTo(Limit.unlimited());
        assertThat(ByteQuantity.parseLimit("memory.max", "max\n", CgroupVersion.V2)).isEqualTo(Limit.unlimited());
        assertThat(ByteQuantity.parseLimit("memory.max", "256M", CgroupVersion.V2)).isEqualTo(Limit.of(268_435_456L));
        // the kernel's memory.max takes only lower-case max
        assertThatThrownBy(() -> ByteQuantity.parseLimit("memory.max", "MAX", CgroupVersion.V2))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("or max for no limit");
    }

    @Test
    void eachVersionHasItsOwnSpellingOfNoLimit() {
        assertThat(ByteQuantity.parseLimit("memory.limit_in_bytes", "-1", CgroupVersion.V1)).isEqualTo(Limit.unlimited());
        assertThatThrownBy(() -> ByteQuantity.parseLimit("memory.limit_in_bytes", "max", CgroupVersion.V1))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("or -1 for no limit");
        assertThatThrownBy(() -> ByteQuantity.parseLimit("memory.max", "-1", CgroupVersion.V2)).isInstanceOf(InvalidValueException.class);
    }

    /** A Limit is a long: past 2^63 − 1 the kernel clamps to no limit, and that is what the value means. */
    @ParameterizedTest
    @CsvSource({
            "9223372036854775807, V1, 9223372036854775807",
            "9223372036854775808, V1, max",
            "18446744073709551615, V1, max",
            "15E, V1, max",
            "8191P, V1, 9222246136947933184",
            "18446744073709551615, V2, max"})
    void memoryLimitsTakeTheKernelsUnsignedRange(String text, CgroupVersion version, String expected) {
        assertThat(ByteQuantity.parseLimit("memory limit", text, version).toV2String()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"18446744073709551616", "16E", "16384P", "99999999999999999999", "123456789012345678901234567890"})
    void memoryLimitsPastTwoToTheSixtyFourAreRefusedAsTheKernelWouldWrapThem(String text) {
        assertThatThrownBy(() -> ByteQuantity.parseLimit("memory.limit_in_bytes", text, CgroupVersion.V1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("larger than 18446744073709551615 bytes").hasMessageContaining("wrap around");
    }

    @Test
    void leadingZerosDoNotMakeANumberLarger() {
        assertThat(ByteQuantity.parseLimit("memory.max", "0000000000000000000000001K", CgroupVersion.V2)).isEqualTo(Limit.of(1024));
    }

    @Test
    void aRawWriteOfTheLargestUnsignedNumberPassesTheChecksAndOneMoreDoesNot() {
        ControlFileRules.check("memory.limit_in_bytes", "18446744073709551615");
        ControlFileRules.check("memory.memsw.limit_in_bytes", "18446744073709551615");
        ControlFileRules.check("memory.max", "18446744073709551615");
        assertThatThrownBy(() -> ControlFileRules.check("memory.limit_in_bytes", "18446744073709551616"))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("memory.limit_in_bytes ");
    }

    @Test
    void aNegativeByteCountIsRefused() {
        assertThatThrownBy(() -> ByteQuantity.memoryLimit("memory max", java.math.BigInteger.valueOf(-5)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("must not be negative");
    }

    @Test
    void theMessageNamesTheSettingAndTheValue() {
        assertThatThrownBy(() -> ByteQuantity.parse("memory.high", "lots"))
                .hasMessageContaining("memory.high").hasMessageContaining("'lots'");
    }
}
