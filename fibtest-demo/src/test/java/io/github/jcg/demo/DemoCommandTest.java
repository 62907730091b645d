package io.github.jcg.demo;

import io.github.jcg.fibtest.Fibtest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    private static DemoCommand parse(String... args) {
        DemoCommand command = new DemoCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void defaultsAreTheDemoDefaults() {
        DemoCommand c = parse();

        assertThat(c.settings()).isEqualTo(DemoSettings.defaults());
        assertThat(c.chart).isEqualTo(Path.of("fibtest-demo.png"));
        assertThat(c.json).isNull();
        assertThat(c.keep).isFalse();
        assertThat(c.svg).isFalse();
    }

    @Test
    void everyKnobHasAnOption() {
        DemoCommand c = parse("--group", "mine", "--threads", "2", "--baseline-seconds", "8", "--phase-seconds", "7",
                "--settle-seconds", "1", "--warmup-seconds", "0.5", "--choke-quota", "2000", "--choke-period", "100000",
                "--middle-cores", "0.25", "--middle-period", "50000", "--weight", "0", "--chart", "/tmp/c.png", "--svg",
                "--json", "-", "--keep", "--quiet");

        assertThat(c.settings()).isEqualTo(new DemoSettings("mine", 2, 8, 7, 1, 0.5, 2000, 100_000, 0.25, 50_000, 0));
        assertThat(c.chart).isEqualTo(Path.of("/tmp/c.png"));
        assertThat(c.svg).isTrue();
        assertThat(c.json).isEqualTo("-");
        assertThat(c.keep).isTrue();
        assertThat(c.quiet).isTrue();
    }

    @Test
    void helpNamesTheStory() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new DemoCommand());
        cli.setOut(new PrintWriter(out));
        cli.execute("--help");

        assertThat(out.toString()).startsWith("Usage: demo").contains("cpu.cfs_quota_us=1000").contains("--keep")
                .contains("--json=FILE|-");
    }

    @Test
    void workloadRunsOnTheSameJavaAndClassPathJoinsTheGroupAndStopsWithItsAgent() {
        List<String> cmd = WorkloadCommand.build("/usr/bin/java", "/x/fibtest.jar", DemoSettings.defaults(), "/fibtest", "cpu,cpuacct");

        assertThat(cmd.get(0)).isEqualTo("/usr/bin/java");
        assertThat(cmd).containsSequence("-cp", "/x/fibtest.jar", Fibtest.class.getName())
                .containsSequence("-t", "1", "-f", "1")
                .containsSequence("--cgroup", "/fibtest", "--cgroup-controllers", "cpu,cpuacct")
                .contains("--agent", "--until-eof", "-XX:+UseSerialGC");
        int seconds = Integer.parseInt(cmd.get(cmd.indexOf("-s") + 1));
        assertThat(seconds).isGreaterThan(DemoSettings.defaults().totalSeconds());
        assertThat(WorkloadCommand.currentJava()).endsWith("java");
    }

    @Test
    void weightIsAutoZeroOrOneToTenThousand() {
        assertThat(parse("--weight", "auto").weight).isEqualTo(DemoSettings.AUTO_WEIGHT);
        assertThat(parse("--weight", "10000").weight).isEqualTo(10_000);
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DemoCommand());
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("--weight", "20000")).isEqualTo(2);
        assertThat(err.toString()).contains("a weight is from 1 to 10000, or 0 for the kernel's default (got 20000)");
    }
}
