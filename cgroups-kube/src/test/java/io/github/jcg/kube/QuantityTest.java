package io.github.jcg.kube;

import io.github.jcg.kube.Quantity.Format;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * apimachinery's quantity tables (k8s.io/apimachinery/pkg/api/resource/quantity_test.go:
 * TestQuantityParse, TestQuantityString, TestQuantityParseEmit, TestParseQuantity,
 * TestScaledValue, TestQuantityAddZeroPreservesSuffix, the invalid list), with the string that
 * {@code Quantity.String()} gives for each parsed text worked out from quantity.go's fast path
 * (which keeps a text it takes for canonical) and {@code CanonicalizeBytes}.
 */
class QuantityTest {

    private static final String FORMAT_RULE =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    private static final String SUFFIX_RULE = "unable to parse quantity's suffix"
            + " (use Ki Mi Gi Ti Pi Ei, n u m k M G T P E, or e and an exponent)";

    /** text | exact amount | format | what String() writes back. */
    @ParameterizedTest(name = "{0} = {1} {2}, written {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # TestQuantityParse: zeros
            0              | 0                    | DECIMAL_SI       | 0
            0n             | 0                    | DECIMAL_SI       | 0
            0u             | 0                    | DECIMAL_SI       | 0
            0m             | 0                    | DECIMAL_SI       | 0
            0Ki            | 0                    | BINARY_SI        | 0
            0k             | 0                    | DECIMAL_SI       | 0
            0Mi            | 0                    | BINARY_SI        | 0
            0G             | 0                    | DECIMAL_SI       | 0
            0Ti            | 0                    | BINARY_SI        | 0
            # no suffix
            1              | 1                    | DECIMAL_SI       | 1
            # binary suffixes (8Ki is a multiple of 8, so the fast path does not keep the text)
            1Ki            | 1024                 | BINARY_SI        | 1Ki
            8Ki            | 8192                 | BINARY_SI        | 8Ki
            7Mi            | 7340032              | BINARY_SI        | 7Mi
            6Gi            | 6442450944           | BINARY_SI        | 6Gi
            5Ti            | 5497558138880        | BINARY_SI        | 5Ti
            4Pi            | 4503599627370496     | BINARY_SI        | 4Pi
            3Ei            | 3458764513820540928  | BINARY_SI        | 3Ei
            10Ti           | 10995116277760       | BINARY_SI        | 10Ti
            100Ti          | 109951162777600      | BINARY_SI        | 100Ti
            # decimal suffixes
            5n             | 0.000000005          | DECIMAL_SI       | 5n
            4u             | 0.000004             | DECIMAL_SI       | 4u
            3m             | 0.003                | DECIMAL_SI       | 3m
            9              | 9                    | DECIMAL_SI       | 9
            8k             | 8000                 | DECIMAL_SI       | 8k
            50k            | 50000                | DECIMAL_SI       | 50k
            7M             | 7000000              | DECIMAL_SI       | 7M
            6G             | 6000000000           | DECIMAL_SI       | 6G
            5T             | 5000000000000        | DECIMAL_SI       | 5T
            40T            | 40000000000000       | DECIMAL_SI       | 40T
            300T           | 300000000000000      | DECIMAL_SI       | 300T
            2P             | 2000000000000000     | DECIMAL_SI       | 2P
            1E             | 1000000000000000000  | DECIMAL_SI       | 1E
            # decimal exponents: a capital E is kept as written by the fast path
            1E-3           | 0.001                | DECIMAL_EXPONENT | 1E-3
            1e3            | 1000                 | DECIMAL_EXPONENT | 1e3
            1E6            | 1000000              | DECIMAL_EXPONENT | 1E6
            1e9            | 1000000000           | DECIMAL_EXPONENT | 1e9
            1E12           | 1000000000000        | DECIMAL_EXPONENT | 1E12
            1e15           | 1000000000000000     | DECIMAL_EXPONENT | 1e15
            1E18           | 1000000000000000000  | DECIMAL_EXPONENT | 1E18
            # nonstandard but parsable
            1e14           | 100000000000000      | DECIMAL_EXPONENT | 100e12
            1e13           | 10000000000000       | DECIMAL_EXPONENT | 10e12
            100.035k       | 100035               | DECIMAL_SI       | 100.035k
            # things that look like floating point
            0.001          | 0.001                | DECIMAL_SI       | 1m
            0.0005k        | 0.5                  | DECIMAL_SI       | 500m
            0.005          | 0.005                | DECIMAL_SI       | 5m
            0.05           | 0.05                 | DECIMAL_SI       | 50m
            0.5            | 0.5                  | DECIMAL_SI       | 500m
            0.00050k       | 0.5                  | DECIMAL_SI       | 500m
            0.00500        | 0.005                | DECIMAL_SI       | 5m
            0.05000        | 0.05                 | DECIMAL_SI       | 50m
            0.50000        | 0.5                  | DECIMAL_SI       | 500m
            0.5e0          | 0.5                  | DECIMAL_EXPONENT | 500e-3
            0.5e-1         | 0.05                 | DECIMAL_EXPONENT | 50e-3
            0.5e-2         | 0.005                | DECIMAL_EXPONENT | 5e-3
            10.035M        | 10035000             | DECIMAL_SI       | 10.035M
            1.2e3          | 1200                 | DECIMAL_EXPONENT | 1200
            1.3E+6         | 1300000              | DECIMAL_EXPONENT | 1300e3
            1.40e9         | 1400000000           | DECIMAL_EXPONENT | 1400e6
            1.53E12        | 1530000000000        | DECIMAL_EXPONENT | 1530e9
            1.6e15         | 1600000000000000     | DECIMAL_EXPONENT | 1600e12
            1.7E18         | 1700000000000000000  | DECIMAL_EXPONENT | 1700e15
            9.01           | 9.01                 | DECIMAL_SI       | 9010m
            8.1k           | 8100                 | DECIMAL_SI       | 8100
            7.123456M      | 7123456              | DECIMAL_SI       | 7.123456M
            6.987654321G   | 6987654321           | DECIMAL_SI       | 6.987654321G
            5.444T         | 5444000000000        | DECIMAL_SI       | 5.444T
            40.1T          | 40100000000000       | DECIMAL_SI       | 40100G
            300.2T         | 300200000000000      | DECIMAL_SI       | 300200G
            2.5P           | 2500000000000000     | DECIMAL_SI       | 2500T
            1.01E          | 1010000000000000000  | DECIMAL_SI       | 1010P
            # things that saturate or round up to the next nano
            3.001n         | 0.000000004          | DECIMAL_SI       | 4n
            1.1E-9         | 0.000000002          | DECIMAL_EXPONENT | 2e-9
            0.0000000001   | 0.000000001          | DECIMAL_SI       | 1n
            0.0000000005   | 0.000000001          | DECIMAL_SI       | 1n
            0.00000000050  | 0.000000001          | DECIMAL_SI       | 1n
            0.5e-9         | 0.000000001          | DECIMAL_EXPONENT | 1e-9
            0.9n           | 0.000000001          | DECIMAL_SI       | 1n
            0.00000012345  | 0.000000124          | DECIMAL_SI       | 124n
            0.00000012354  | 0.000000124          | DECIMAL_SI       | 124n
            9Ei            | 9223372036854775807  | BINARY_SI        | 9223372036854775807
            9223372036854775807Ki | 9223372036854775807 | BINARY_SI | 9223372036854775807
            12E            | 12000000000000000000 | DECIMAL_SI       | 12E
            # fractional binary amounts: whole ones stay binary, others print in decimal SI
            100.035Ki      | 102435.84            | BINARY_SI        | 102435840m
            0.5Mi          | 524288               | BINARY_SI        | 512Ki
            0.05Gi         | 53687091.2           | BINARY_SI        | 53687091200m
            0.025Ti        | 27487790694.4        | BINARY_SI        | 27487790694400m
            # things written by trolls
            0.000000000001Ki | 0.000000002        | DECIMAL_SI       | 2n
            .001           | 0.001                | DECIMAL_SI       | 1m
            .0001k         | 0.1                  | DECIMAL_SI       | 100m
            1.             | 1                    | DECIMAL_SI       | 1.
            1.G            | 1000000000           | DECIMAL_SI       | 1.G
            # TestQuantityString's alternates: every one prints canonical
            1024Mi         | 1073741824           | BINARY_SI        | 1Gi
            307200Ki       | 314572800            | BINARY_SI        | 300Mi
            1025024Mi      | 1074815565824        | BINARY_SI        | 1001Gi
            1024Gi         | 1099511627776        | BINARY_SI        | 1Ti
            5000m          | 5                    | DECIMAL_SI       | 5
            1000M          | 1000000000           | DECIMAL_SI       | 1G
            0.001T         | 1000000000           | DECIMAL_SI       | 1G
            1000u          | 0.001                | DECIMAL_SI       | 1m
            1.08           | 1.08                 | DECIMAL_SI       | 1080m
            1080000000n    | 1.08                 | DECIMAL_SI       | 1080m
            .001e12        | 1000000000           | DECIMAL_EXPONENT | 1e9
            0.001e0        | 0.001                | DECIMAL_EXPONENT | 1e-3
            1000e-12       | 0.000000001          | DECIMAL_EXPONENT | 1e-9
            00             | 0                    | DECIMAL_SI       | 0
            1025           | 1025                 | DECIMAL_SI       | 1025
            # TestQuantityParseEmit: below 1024 binary SI prints in decimal SI
            1Mi            | 1048576              | BINARY_SI        | 1Mi
            .001Ki         | 1.024                | BINARY_SI        | 1024m
            .000001Ki      | 0.001024             | DECIMAL_SI       | 1024u
            .000000001Ki   | 0.000001024          | DECIMAL_SI       | 1024n
            # the brief's examples
            1.5            | 1.5                  | DECIMAL_SI       | 1500m
            1.5Gi          | 1610612736           | BINARY_SI        | 1536Mi
            1.5Ki          | 1536                 | BINARY_SI        | 1536
            1500000        | 1500000              | DECIMAL_SI       | 1500k
            100m           | 0.1                  | DECIMAL_SI       | 100m
            250m           | 0.25                 | DECIMAL_SI       | 250m
            128Mi          | 134217728            | BINARY_SI        | 128Mi
            # TestParseQuantity: 19 and 20 digits, beyond int64
            999999999999999999.1    | 999999999999999999.1    | DECIMAL_SI | 999999999999999999100m
            9999999999999999999     | 9999999999999999999     | DECIMAL_SI | 9999999999999999999
            1000000000000000000     | 1000000000000000000     | DECIMAL_SI | 1E
            1.0E                    | 1000000000000000000     | DECIMAL_SI | 1E
            9999999999999999999000m | 9999999999999999999     | DECIMAL_SI | 9999999999999999999
            1.0000000000000000001E  | 1000000000000000000.1   | DECIMAL_SI | 1000000000000000000100m
            1.000000000000000001E   | 1000000000000000001     | DECIMAL_SI | 1000000000000000001
            10E                     | 10000000000000000000    | DECIMAL_SI | 10E
            10000000000000000000    | 10000000000000000000    | DECIMAL_SI | 10E
            10000000000000000000000m | 10000000000000000000   | DECIMAL_SI | 10E
            10.000000000000000001E  | 10000000000000000001    | DECIMAL_SI | 10000000000000000001
            9223372036854775808     | 9223372036854775808     | DECIMAL_SI | 9223372036854775808
            9223372036854775807.1   | 9223372036854775807.1   | DECIMAL_SI | 9223372036854775807100m
            # the scanner's leniency: a missing number is zero; a text it takes for canonical is kept
            Ki             | 0                    | BINARY_SI        | 0
            m              | 0                    | DECIMAL_SI       | 0
            .              | 0                    | DECIMAL_SI       | 0
            e3             | 0                    | DECIMAL_EXPONENT | 0
            01             | 1                    | DECIMAL_SI       | 01
            1.500          | 1.5                  | DECIMAL_SI       | 1.500
            1e+3           | 1000                 | DECIMAL_EXPONENT | 1e+3
            1025Ki         | 1049600              | BINARY_SI        | 1025Ki
            # apimachinery drops the suffix here ("1"): jcg keeps the amount
            1000E          | 1000000000000000000000 | DECIMAL_SI     | 1000E
            """)
    void parsesAsApimachinery(String text, BigDecimal amount, Format format, String written) {
        Quantity q = Quantity.parse(text);
        assertThat(q.amount()).isEqualByComparingTo(amount);
        assertThat(q.format()).isEqualTo(format);
        assertThat(q.toString()).isEqualTo(written);

        // TestQuantityParse: the negative of everything, same format, written with a minus
        Quantity negative = Quantity.parse("-" + text);
        assertThat(negative.amount()).isEqualByComparingTo(amount.negate());
        assertThat(negative.format()).isEqualTo(format);
        assertThat(negative.toString()).isEqualTo(amount.signum() == 0 ? "0" : "-" + written);

        // ... and everything with an explicit plus
        Quantity plus = Quantity.parse("+" + text);
        assertThat(plus.amount()).isEqualByComparingTo(amount);
        assertThat(plus.format()).isEqualTo(format);
        assertThat(plus).isEqualTo(q);

        // what is written back parses to the same amount
        assertThat(Quantity.parse(written)).isEqualTo(q);
    }

    /** TestQuantityParse's invalid list, and more; each with apimachinery's reason. */
    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''        | format
            ' 1'      | format
            '1 '      | format
            1.1.M     | format
            1.1.1     | format
            1+1.0M    | format
            0.1am     | format
            aoeu      | format
            abc       | format
            1e1.5     | format
            1KI       | format
            0.1mi     | suffix
            .5i       | suffix
            1i        | suffix
            -3.01i    | suffix
            -3.01e-   | suffix
            1e        | suffix
            1K        | suffix
            32MMi     | suffix
            1Gim      | suffix
            """)
    void refusesAsApimachinery(String text, String reason) {
        String expected = "invalid quantity '" + text + "': " + (reason.equals("format") ? FORMAT_RULE : SUFFIX_RULE);
        assertThatThrownBy(() -> Quantity.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected)
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesAnExponentItCannotHold() {
        assertThatThrownBy(() -> Quantity.parse("1e5000"))
                .hasMessage("invalid quantity '1e5000': exponent out of range: jcg reads exponents from -1000 to 1000");
        assertThat(Quantity.parse("1e-1000")).isEqualTo(Quantity.parse("1n"));
    }

    /** MilliValue and Value round up, away from zero (TestScaledValue, TestMilliNewSet). */
    @ParameterizedTest(name = "{0}: milli {1}, value {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0        | 0        | 0
            1n       | 1        | 1
            1u       | 1        | 1
            1m       | 1        | 1
            0.1m     | 1        | 1
            2.0001m  | 3        | 1
            100m     | 100      | 1
            1        | 1000     | 1
            1.5      | 1500     | 2
            1234     | 1234000  | 1234
            1Ki      | 1024000  | 1024
            1e-3     | 1        | 1
            -1.5     | -1500    | -2
            -0.1m    | -1       | -1
            -100m    | -100     | -1
            """)
    void roundsUpAwayFromZero(String text, long milli, long value) {
        Quantity q = Quantity.parse(text);
        assertThat(q.milliValue()).isEqualTo(milli);
        assertThat(q.value()).isEqualTo(value);
    }

    /** TestQuantityAddZeroPreservesSuffix and TestQuantitySubZeroPreservesSuffix, and sums. */
    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            100m | + | 0     | 100m
            0    | + | 100m  | 100m
            1Gi  | + | 0     | 1Gi
            0    | + | 1Gi   | 1Gi
            100m | - | 0     | 100m
            0    | - | 100m  | -100m
            0    | - | 1Gi   | -1Gi
            1Gi  | + | 512Mi | 1536Mi
            1    | + | 500m  | 1500m
            250m | + | 250m  | 500m
            1Gi  | - | 1Gi   | 0
            """)
    void addsAndSubtractsKeepingTheFormat(String left, String op, String right, String written) {
        Quantity a = Quantity.parse(left);
        Quantity b = Quantity.parse(right);
        Quantity result = op.equals("+") ? a.add(b) : a.subtract(b);
        assertThat(result.toString()).isEqualTo(written);
    }

    @Test
    void factoriesWriteAsTheApiDoes() {
        // TestMilliNewSet, TestNewSet; binary SI below 1024 prints in decimal SI
        assertThat(Quantity.ofMilli(1)).hasToString("1m");
        assertThat(Quantity.ofMilli(1000)).hasToString("1");
        assertThat(Quantity.ofMilli(1234000)).hasToString("1234");
        assertThat(Quantity.of(1000)).hasToString("1k");
        assertThat(Quantity.of(1234000)).hasToString("1234k");
        assertThat(Quantity.ofBytes(1024)).hasToString("1Ki");
        assertThat(Quantity.ofBytes(1024 * 1024)).hasToString("1Mi");
        assertThat(Quantity.ofBytes(1000)).hasToString("1k");
        assertThat(Quantity.ZERO).hasToString("0");
    }

    @Test
    void comparesAmountsNotSpellings() {
        assertThat(Quantity.parse("1Ki")).isEqualTo(Quantity.parse("1024")).hasSameHashCodeAs(Quantity.parse("1024"));
        assertThat(Quantity.parse("1.500")).isEqualTo(Quantity.parse("1500m")).hasSameHashCodeAs(Quantity.parse("1500m"));
        assertThat(Quantity.parse("100m")).isGreaterThan(Quantity.parse("50m"));
        assertThat(Quantity.parse("10000T")).isGreaterThan(Quantity.parse("100Gi"));
        assertThat(Quantity.parse("1").max(Quantity.parse("999m"))).hasToString("1");
    }
}
