package io.github.jcg.fibtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveReportTest {
    @Test
    void agentLineRoundTrips() {
        LiveReport r = new LiveReport(123_456_789_012L, 2_000_000_000L, 5_123_000_000L, 2_561_500_000.25);

        assertThat(r.agentLine()).isEqualTo("@live 123456789012 2000000000 5123000000 2561500000.3");
        LiveReport back = LiveReport.parseAgentLine(r.agentLine()).orElseThrow();
        assertThat(back.monotonicNanos()).isEqualTo(r.monotonicNanos());
        assertThat(back.elapsedNanos()).isEqualTo(r.elapsedNanos());
        assertThat(back.totalIterations()).isEqualTo(r.totalIterations());
        assertThat(back.iterationsPerSecond()).isEqualTo(2_561_500_000.3);
    }

    @Test
    void otherLinesAreNotReports() {
        assertThat(LiveReport.parseAgentLine("Iterations Completed(M): 5 ")).isEmpty();
        assertThat(LiveReport.parseAgentLine("@live 1 2 x 4")).isEmpty();
        assertThat(LiveReport.parseAgentLine("@live 1 2 3")).isEmpty();
    }

    @Test
    void humanLineShowsSecondsAndMillionsPerSecond() {
        LiveReport r = new LiveReport(0, 3_000_000_000L, 7_369_000_000L, 2_238_310_000.0);

        assertThat(r.humanLine()).isEqualTo("fibtest:    3.0 s    2238.31 M iterations/s  (total 7369 M)");
    }

    @Test
    void protocolMarkersCarryOneNumber() {
        assertThat(AgentProtocol.valueAfter(AgentProtocol.PLACED, AgentProtocol.placed(4321))).hasValue(4321);
        assertThat(AgentProtocol.valueAfter(AgentProtocol.MEASURING, AgentProtocol.measuring(99))).hasValue(99);
        assertThat(AgentProtocol.valueAfter(AgentProtocol.PLACED, "@measuring 5")).isEmpty();
        assertThat(AgentProtocol.error("two\nlines")).isEqualTo("@error two lines");
    }
}
