package io.github.jcg.cli.events;

import io.github.jcg.core.event.PressureTrigger;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PressureSpecsTest {
    @Test
    void resourceScopeStallAndWindow() {
        assertThat(PressureSpecs.parse("cpu=150ms/2s"))
                .isEqualTo(PressureTrigger.some(PressureTrigger.Resource.CPU, Duration.ofMillis(150), Duration.ofSeconds(2)));
        assertThat(PressureSpecs.parse("memory.full=100ms/4s"))
                .isEqualTo(PressureTrigger.full(PressureTrigger.Resource.MEMORY, Duration.ofMillis(100), Duration.ofSeconds(4)));
        assertThat(PressureSpecs.parse("IO.some=0.5/10"))
                .isEqualTo(PressureTrigger.some(PressureTrigger.Resource.IO, Duration.ofMillis(500), Duration.ofSeconds(10)));
    }

    @Test
    void eachMistakeIsNamed() {
        assertThatThrownBy(() -> PressureSpecs.parse("cpu150ms/2s")).hasMessage("--psi 'cpu150ms/2s' is not "
                + "RESOURCE[.some|.full]=STALL/WINDOW, e.g. cpu=150ms/2s or memory.full=100ms/2s");
        assertThatThrownBy(() -> PressureSpecs.parse("disk=1s/2s"))
                .hasMessage("--psi 'disk=1s/2s': unknown resource 'disk'; use cpu, memory or io");
        assertThatThrownBy(() -> PressureSpecs.parse("cpu.most=1s/2s"))
                .hasMessage("--psi 'cpu.most=1s/2s': after the resource comes .some or .full");
        assertThatThrownBy(() -> PressureSpecs.parse("cpu=soon/2s"))
                .hasMessage("--psi 'cpu=soon/2s': the stall 'soon' is not a duration (150ms, 2s)");
        assertThatThrownBy(() -> PressureSpecs.parse("cpu=1s/20s"))
                .hasMessage("--psi 'cpu=1s/20s': cpu.pressure trigger window must be 500ms to 10s (got 20s)");
    }
}
