package io.github.jcg.core.limit;

import io.github.jcg.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpuListTest {

    @Test
    void parsesRangesAndSingles() {
        CpuList cpus = CpuList.parse("0-3,5,7-8");

        assertThat(cpus.toArray()).containsExactly(0, 1, 2, 3, 5, 7, 8);
        assertThat(cpus.size()).isEqualTo(7);
        assertThat(cpus.contains(4)).isFalse();
        assertThat(cpus.contains(-1)).as("no CPU has a negative number").isFalse();
    }

    @Test
    void readsTheKernelsOwnOutputWithItsNewline() {
        assertThat(CpuList.parse("0-1\n").toArray()).containsExactly(0, 1);
    }

    @Test
    void anEmptyListIsTheEmptySetAsANewV1CpusetShowsIt() {
        assertThat(CpuList.parse("\n").isEmpty()).isTrue();
        assertThat(CpuList.parse("").toString()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0-3", "0-3,5", "1,3,5", "0-1,4-7,9", "8191"})
    void canonicalTextSurvivesARoundTrip(String canonical) {
        assertThat(CpuList.parse(canonical).toString()).isEqualTo(canonical);
    }

    @Test
    void formatCollapsesAdjacentNumbersIntoRanges() {
        assertThat(CpuList.parse("3,0,1,2,5,6").toString()).isEqualTo("0-3,5-6");
        assertThat(CpuList.parse("2-2").toString()).isEqualTo("2");
        assertThat(CpuList.of(7, 1, 2, 3).toString()).isEqualTo("1-3,7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3-1", "1,,2", ",1", "1,", "a", "-1", "0-", "1-2-3", "0 - 3", "8192", "0-99999"})
    void refusesWhatTheKernelWouldRefuse(String text) {
        assertThatThrownBy(() -> CpuList.parse(text)).isInstanceOf(InvalidValueException.class).hasMessageContaining("cpu list");
    }

    @Test
    void aBackwardsRangeIsNamedInTheMessage() {
        assertThatThrownBy(() -> CpuList.parse("0,5-2")).hasMessageContaining("backwards (5-2)");
    }

    @Test
    void ofRefusesNumbersOutsideTheKernelsRange() {
        assertThatThrownBy(() -> CpuList.of(-1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CpuList.of(CpuList.MAX_ID + 1)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void containsAllComparesSets() {
        CpuList parent = CpuList.parse("0-3");

        assertThat(parent.containsAll(CpuList.parse("1-2"))).isTrue();
        assertThat(parent.containsAll(CpuList.parse("3-4"))).isFalse();
        assertThat(parent.containsAll(CpuList.parse(""))).isTrue();
    }

    @Test
    void equalityIsBySetNotBySpelling() {
        assertThat(CpuList.parse("0,1,2")).isEqualTo(CpuList.parse("0-2")).hasSameHashCodeAs(CpuList.parse("0-2"));
        assertThat(CpuList.parse("0-2")).isNotEqualTo(CpuList.parse("0-3"));
    }
}
