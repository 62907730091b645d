package io.github.jcg.fibtest;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class FibtestCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Fibtest.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static FibtestOptions parse(String... args) {
        FibtestCommand command = new FibtestCommand();
        new CommandLine(command).parseArgs(args);
        return command.options();
    }

    @Test
    void parsesTheOriginalsShortOptions() {
        FibtestOptions o = parse("-t", "3", "-f", "2", "-s", "7", "-v");

        assertThat(o.threads()).isEqualTo(3);
        assertThat(o.fastThreads()).isEqualTo(2);
        assertThat(o.seconds()).isEqualTo(7);
        assertThat(o.verbose()).isTrue();
    }

    @Test
    void acceptsGetoptStyleClusteredAndAttachedValues() {
        FibtestOptions o = parse("-vt4", "-f2", "-s1");

        assertThat(o.verbose()).isTrue();
        assertThat(o.threads()).isEqualTo(4);
        assertThat(o.fastThreads()).isEqualTo(2);
        assertThat(o.seconds()).isEqualTo(1);
    }

    @Test
    void defaultsMatchTheOriginal() {
        FibtestOptions o = parse();

        assertThat(o.threads()).isEqualTo(ConfiguredCpus.count());
        assertThat(o.fastThreads()).isEqualTo(1);
        assertThat(o.seconds()).isEqualTo(5);
        assertThat(o.warmupMillis()).isEqualTo(1000);
        assertThat(o.live()).isTrue();
    }

    @Test
    void warmupIntervalAndQuietAreParsed() {
        FibtestOptions o = parse("-w", "0.25", "-i", "200", "-q");

        assertThat(o.warmupMillis()).isEqualTo(250);
        assertThat(o.intervalMillis()).isEqualTo(200);
        assertThat(o.live()).isFalse();
    }

    @Test
    void wrongUsageNamesTheProblemPrintsUsageAndExitsZeroAsGetoptDid() {
        int status = run("-x");

        assertThat(status).isZero();
        assertThat(err.toString()).contains("fibtest: Unknown option: '-x'");
        assertThat(out.toString()).startsWith("Usage: fibtest");
    }

    @Test
    void stdoutEndsWithTheFinalLineAndLiveLinesGoToStderr() {
        int status = run("-t", "2", "-f", "1", "-s", "1", "-w", "0.1", "-i", "200");

        assertThat(status).isZero();
        assertThat(out.toString()).matches("Iterations Completed\\(M\\): [1-9][0-9]* \\R");
        assertThat(err.toString().lines()).hasSizeBetween(3, 5)
                .allMatch(l -> l.matches("fibtest: +[0-9.]+ s +[0-9.]+ M iterations/s  \\(total [0-9]+ M\\)"));
    }

    @Test
    void verbosePrintsOneLinePerThreadBeforeTheTotal() {
        run("-t", "3", "-f", "1", "-s", "0", "-w", "0", "-q", "-v");

        String[] lines = out.toString().split("\\R");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).matches("fib\\[[0-9]+\\] = [0-9]+ ");
        assertThat(lines[3]).startsWith("Iterations Completed(M): ");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void agentModeWritesMarkersAndMachineLines() {
        run("-t", "1", "-s", "1", "-w", "0", "-i", "250", "--agent");

        String[] lines = err.toString().split("\\R");
        assertThat(lines[0]).startsWith(AgentProtocol.MEASURING);
        assertThat(java.util.Arrays.copyOfRange(lines, 1, lines.length)).allMatch(l -> LiveReport.parseAgentLine(l).isPresent());
        assertThat(lines.length).isBetween(4, 6);
    }
}
