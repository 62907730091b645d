package io.github.jcg.core.event;

import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.sample.Metric;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.jcg.core.event.PressureTrigger.Resource.CPU;
import static io.github.jcg.core.event.PressureTrigger.Resource.IO;
import static io.github.jcg.core.event.PressureTrigger.Resource.MEMORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PressureTriggerTest {
    @Test
    void isWrittenInMicrosecondsAsTheKernelDocumentsIt() {
        assertThat(PressureTrigger.some(CPU, Duration.ofMillis(150), Duration.ofSeconds(2)).kernelText())
                .isEqualTo("some 150000 2000000");
        assertThat(PressureTrigger.full(MEMORY, Duration.ofMillis(50), Duration.ofMillis(500)).kernelText())
                .isEqualTo("full 50000 500000");
    }

    @Test
    void namesItsFileAndTheTotalItsEventsReport() {
        PressureTrigger io = PressureTrigger.full(IO, Duration.ofMillis(10), Duration.ofSeconds(4));

        assertThat(io.resource().file()).isEqualTo("io.pressure");
        assertThat(io.totalMetric()).isEqualTo(Metric.PSI_IO_FULL_MICROS);
        assertThat(PressureTrigger.some(MEMORY, Duration.ofMillis(10), Duration.ofSeconds(4)).totalMetric())
                .isEqualTo(Metric.PSI_MEMORY_SOME_MICROS);
        assertThat(io).hasToString("io full 10ms/4s");
    }

    @Test
    void anUnprivilegedProcessNeedsAWindowThatIsAMultipleOfTwoSeconds() {
        assertThat(PressureTrigger.some(CPU, Duration.ofMillis(100), Duration.ofSeconds(2)).needsPrivilege()).isFalse();
        assertThat(PressureTrigger.some(CPU, Duration.ofMillis(100), Duration.ofSeconds(10)).needsPrivilege()).isFalse();
        assertThat(PressureTrigger.some(CPU, Duration.ofMillis(100), Duration.ofSeconds(1)).needsPrivilege()).isTrue();
        assertThat(PressureTrigger.some(CPU, Duration.ofMillis(100), Duration.ofMillis(2500)).needsPrivilege()).isTrue();
    }

    @Test
    void refusesWhatTheKernelWouldRefuseNamingTheRange() {
        assertThatThrownBy(() -> PressureTrigger.some(CPU, Duration.ofMillis(100), Duration.ofMillis(400)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("cpu.pressure trigger window must be 500ms to 10s (got 400ms)");
        assertThatThrownBy(() -> PressureTrigger.some(CPU, Duration.ofMillis(100), Duration.ofSeconds(11)))
                .hasMessage("cpu.pressure trigger window must be 500ms to 10s (got 11s)");
        assertThatThrownBy(() -> PressureTrigger.some(IO, Duration.ofSeconds(3), Duration.ofSeconds(2)))
                .hasMessage("io.pressure trigger stall must be at least 1us and at most the window (2s) (got 3s)");
        assertThatThrownBy(() -> PressureTrigger.some(IO, Duration.ZERO, Duration.ofSeconds(2)))
                .isInstanceOf(InvalidValueException.class);
    }
}
