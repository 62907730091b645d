package io.github.jcg.demo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SparklineTest {
    @Test
    void scalesEachValueToEightBlocksAgainstTheMaximum() {
        assertThat(Sparkline.of(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0), 7)).isEqualTo("▁▂▃▄▅▆▇█");
    }

    @Test
    void theDemosPhasesReadAtAGlance() {
        double baseline = 3e9;
        assertThat(Sparkline.of(List.of(baseline, baseline), baseline)).isEqualTo("██");
        assertThat(Sparkline.of(List.of(0.02 * baseline, 0.02 * baseline), baseline)).isEqualTo("▁▁");
        assertThat(Sparkline.of(List.of(0.5 * baseline), baseline)).isEqualTo("▅");
    }

    @Test
    void outOfRangeAndUnknownValues() {
        assertThat(Sparkline.of(List.of(-1.0, 20.0, Double.NaN), 10)).isEqualTo("▁█ ");
        assertThat(Sparkline.of(List.of(5.0), 0)).isEqualTo("▁");
        assertThat(Sparkline.of(List.of(), 10)).isEmpty();
    }
}
