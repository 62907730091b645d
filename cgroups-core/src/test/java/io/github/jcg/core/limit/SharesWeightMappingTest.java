package io.github.jcg.core.limit;

import io.github.jcg.core.InvalidValueException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.jcg.core.limit.SharesWeightMapping.LIBCGROUP_LINEAR;
import static io.github.jcg.core.limit.SharesWeightMapping.OCI_RANGE_LINEAR;
import static io.github.jcg.core.limit.SharesWeightMapping.RUNC_CURVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharesWeightMappingTest {

    @Test
    void theDefaultIsRuncsCurve() {
        assertThat(SharesWeightMapping.DEFAULT).isEqualTo(RUNC_CURVE);
    }

    @Nested
    class LibcgroupLinear {
        @ParameterizedTest
        @CsvSource({"1024, 100", "512, 50", "2048, 200", "100, 9", "10240, 1000", "1000, 97"})
        void weightIsSharesTimes100Over1024(long shares, long weight) {
            assertThat(LIBCGROUP_LINEAR.sharesToWeight(shares)).isEqualTo(weight);
        }

        @ParameterizedTest
        @CsvSource({"100, 1024", "50, 512", "1, 10", "1000, 10240", "10000, 102400", "33, 337"})
        void sharesAreWeightTimes1024Over100(long weight, long shares) {
            assertThat(LIBCGROUP_LINEAR.weightToShares(weight)).isEqualTo(shares);
        }

        @Test
        void resultsAreClampedIntoTheTargetRange() {
            assertThat(LIBCGROUP_LINEAR.sharesToWeight(2)).isEqualTo(1);
            assertThat(LIBCGROUP_LINEAR.sharesToWeight(262_144)).isEqualTo(10_000);
            assertThat(LIBCGROUP_LINEAR.sharesToWeight(102_400)).isEqualTo(10_000);
        }

        @Test
        void agreesWithTheFormulaOverTheWholeSharesRange() {
            for (long s = 2; s <= 262_144; s++) {
                long expected = Math.max(1, Math.min(10_000, s * 100 / 1024));
                assertThat(LIBCGROUP_LINEAR.sharesToWeight(s)).as("shares %d", s).isEqualTo(expected);
            }
        }
    }

    @Nested
    class OciRangeLinear {
        @Test
        void mapsRangeOntoRange() {
            assertThat(OCI_RANGE_LINEAR.sharesToWeight(2)).isEqualTo(1);
            assertThat(OCI_RANGE_LINEAR.sharesToWeight(262_144)).isEqualTo(10_000);
            assertThat(OCI_RANGE_LINEAR.weightToShares(1)).isEqualTo(2);
            assertThat(OCI_RANGE_LINEAR.weightToShares(10_000)).isEqualTo(262_144);
        }

        @Test
        void theDefaultSharesBecomeWeight39() {
            // why runc moved away from it: 1 + 1022 * 9999 / 262142 = 39.98..., rounded down
            assertThat(OCI_RANGE_LINEAR.sharesToWeight(1024)).isEqualTo(39);
        }

        @Test
        void agreesWithOnePlusSharesMinusTwoTimes9999Over262142() {
            for (long s = 2; s <= 262_144; s++) {
                assertThat(OCI_RANGE_LINEAR.sharesToWeight(s)).as("shares %d", s).isEqualTo(1 + (s - 2) * 9_999 / 262_142);
            }
        }

        @Test
        void valuesOutsideTheKernelRangeAreClampedFirst() {
            assertThat(OCI_RANGE_LINEAR.sharesToWeight(0)).isEqualTo(1);
            assertThat(OCI_RANGE_LINEAR.sharesToWeight(1_000_000)).isEqualTo(10_000);
        }
    }

    @Nested
    class RuncCurve {
        @ParameterizedTest
        @CsvSource({"2, 1", "1024, 100", "262144, 10000"})
        void fitsTheThreeAnchorPoints(long shares, long weight) {
            assertThat(RUNC_CURVE.sharesToWeight(shares)).isEqualTo(weight);
        }

        @ParameterizedTest
        // computed apart from jcg, in double precision: ceil(10^((l^2 + 125 l) / 612 - 7/34)), l = log2(shares)
        @CsvSource({"3, 2", "4, 2", "6, 3", "100, 17", "512, 59", "2048, 174", "10000, 627"})
        void followsRuncsFormulaBetweenThem(long shares, long weight) {
            assertThat(RUNC_CURVE.sharesToWeight(shares)).isEqualTo(weight);
        }

        @Test
        void clampsOutsideTheSharesRange() {
            assertThat(RUNC_CURVE.sharesToWeight(0)).isEqualTo(1);
            assertThat(RUNC_CURVE.sharesToWeight(1)).isEqualTo(1);
            assertThat(RUNC_CURVE.sharesToWeight(300_000)).isEqualTo(10_000);
            assertThat(RUNC_CURVE.weightToShares(0)).isEqualTo(2);
            assertThat(RUNC_CURVE.weightToShares(20_000)).isEqualTo(262_144);
        }

        @Test
        void neverDecreasesAsSharesGrow() {
            long previous = 0;
            for (long s = 2; s <= 262_144; s++) {
                long w = RUNC_CURVE.sharesToWeight(s);
                assertThat(w).as("shares %d", s).isGreaterThanOrEqualTo(previous).isBetween(1L, 10_000L);
                previous = w;
            }
        }

        @Test
        void itsInverseLandsOnTheSameWeightForEveryWeight() {
            for (long w = 1; w <= 10_000; w++) {
                long shares = RUNC_CURVE.weightToShares(w);
                assertThat(shares).as("weight %d", w).isBetween(2L, 262_144L);
                assertThat(RUNC_CURVE.sharesToWeight(shares)).as("weight %d via %d shares", w, shares).isEqualTo(w);
            }
        }

        @Test
        void theDefaultsMapToEachOtherBothWays() {
            // the class promises to keep "both the defaults": a v2 group at the default weight
            // must read as the v1 default, 1024 shares, when shown in v1 vocabulary
            assertThat(RUNC_CURVE.sharesToWeight(KernelRanges.DEFAULT_SHARES)).isEqualTo(KernelRanges.DEFAULT_WEIGHT);
            assertThat(RUNC_CURVE.weightToShares(KernelRanges.DEFAULT_WEIGHT)).isEqualTo(KernelRanges.DEFAULT_SHARES);
        }
    }

    @Nested
    class CpuWeightConversion {
        @Test
        void aWeightKeepsItsScaleAndConvertsOnlyToTheOther() {
            CpuWeight shares = CpuWeight.shares(512);

            assertThat(shares.asShares(LIBCGROUP_LINEAR)).isEqualTo(512);
            assertThat(shares.asWeight(LIBCGROUP_LINEAR)).isEqualTo(50);
            assertThat(CpuWeight.weight(100).asShares(LIBCGROUP_LINEAR)).isEqualTo(1024);
            assertThat(CpuWeight.weight(100).asWeight(OCI_RANGE_LINEAR)).isEqualTo(100);
        }

        @Test
        void refusesValuesOutsideTheKernelsRanges() {
            assertThatThrownBy(() -> CpuWeight.shares(1)).isInstanceOf(InvalidValueException.class).hasMessageContaining("cpu.shares");
            assertThatThrownBy(() -> CpuWeight.shares(262_145)).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> CpuWeight.weight(0)).isInstanceOf(InvalidValueException.class).hasMessageContaining("cpu.weight");
            assertThatThrownBy(() -> CpuWeight.weight(10_001)).isInstanceOf(InvalidValueException.class);
        }
    }
}
