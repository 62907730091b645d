package io.github.jcg.cli.top;

import io.github.jcg.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** systemd-cgtop's flags, as its getopt string "hptcmin:brd:kPM:1" and long options take them. */
class TopOptionsTest {
    private static TopSettings parse(String... args) {
        TopCommand command = new TopCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }

    @Test
    void defaultsAreSystemdCgtops() {
        TopSettings s = parse();
        assertThat(s.depth).isEqualTo(3);
        assertThat(s.delayMicros).isEqualTo(1_000_000);
        assertThat(s.order).isEqualTo(Order.CPU);
        assertThat(s.cpu).isEqualTo(CpuDisplay.PERCENTAGE);
        assertThat(s.counting).isEqualTo(TaskCounting.TASKS);
        assertThat(s.recursive).isTrue();
        assertThat(s.iterations).isEqualTo(-1); // decided by whether output is a terminal
        assertThat(s.limits).isFalse();
        // systemd-cgtop has no OOM or pressure column: off unless asked for
        assertThat(s.oomKills).isFalse();
        assertThat(s.pressure).isFalse();
    }

    @Test
    void oomKillsAndPressureAddTheirColumns() {
        TopSettings s = parse("-b", "--oom-kills", "--pressure");
        assertThat(s.oomKills).isTrue();
        assertThat(s.pressure).isTrue();
        assertThat(s.columns().header(new Columns.Layout(13, 6))).endsWith("Output/s   OOM PSIcpu PSImem  PSIio");
        assertThat(parse("--pressure").oomKills).isFalse();
        assertThat(run("top", "--oom-kill")).startsWith("129:");
    }

    @Test
    void shortOptionsClusterAndTakeAttachedValues() {
        TopSettings s = parse("-bn3", "-d0.5", "-r", "--depth=2", "/system.slice");
        assertThat(s.batch).isTrue();
        assertThat(s.iterations).isEqualTo(3);
        assertThat(s.delayMicros).isEqualTo(500_000);
        assertThat(s.raw).isTrue();
        assertThat(s.depth).isEqualTo(2);
        assertThat(s.root.toString()).isEqualTo("/system.slice");
        assertThat(parse("-1").iterations).isEqualTo(1);
        assertThat(parse("-b", "-1").batch).isTrue();
        assertThat(parse("--delay", "250ms", "--iterations", "7").delayMicros).isEqualTo(250_000);
    }

    @Test
    void theLastOrderWins() {
        assertThat(parse("-p", "-m").order).isEqualTo(Order.MEMORY);
        assertThat(parse("-m", "-t").order).isEqualTo(Order.TASKS);
        assertThat(parse("-i").order).isEqualTo(Order.IO);
        assertThat(parse("--order=path").order).isEqualTo(Order.PATH);
        assertThat(parse("--order", "io", "-c").order).isEqualTo(Order.CPU);
    }

    @Test
    void cpuAloneMeansTime() {
        assertThat(parse("--cpu").cpu).isEqualTo(CpuDisplay.TIME);
        assertThat(parse("--cpu=time").cpu).isEqualTo(CpuDisplay.TIME);
    }

    @Test
    void countingModes() {
        assertThat(parse("-P").counting).isEqualTo(TaskCounting.USERSPACE_PROCESSES);
        assertThat(parse("-k").counting).isEqualTo(TaskCounting.ALL_PROCESSES);
        assertThat(parse("-P", "--recursive=no").recursive).isFalse();
        assertThat(parse("-L").limits).isTrue();
    }

    @Test
    void badValuesAreUsageErrorsWithSystemdCgtopsWords() {
        assertThat(run("top", "--order=bogus")).startsWith("129:").contains("Invalid argument to --order=: bogus");
        assertThat(run("top", "--cpu=fast")).startsWith("129:").contains("Unknown argument to --cpu=: fast");
        assertThat(run("top", "-d", "0")).startsWith("129:").contains("Invalid delay parameter '0'");
        assertThat(run("top", "-d", "soon")).startsWith("129:").contains("Failed to parse delay parameter 'soon'");
        assertThat(run("top", "-n", "x")).startsWith("129:");
        assertThat(run("top", "a", "b")).startsWith("129:");
        assertThat(run("top", "-o", "yaml")).startsWith("129:").contains("unknown output format 'yaml'");
        assertThat(run("top", "--recursive=no", "-b")).contains("Use -P or -k.");
    }

    @Test
    void repeatedOptionsTakeTheLastValueAsGetoptDoes() {
        assertThat(parse("--cpu=time", "--cpu=percentage").cpu).isEqualTo(CpuDisplay.PERCENTAGE);
        assertThat(parse("-d", "2", "-d", "3").delayMicros).isEqualTo(3_000_000);
        assertThat(parse("-b", "-b", "-r", "-r").batch).isTrue();
        // through jcg's dispatcher too, where top is a subcommand
        assertThat(run("top", "--order=path", "--order=bogus")).startsWith("129:").contains("bogus");
        assertThat(run("top", "-b", "-b", "--help")).startsWith("0:");
    }

    @Test
    void helpDescribesTheBatchFormatChoice() {
        String help = run("top", "--help");
        assertThat(help).startsWith("0:").contains("--limits").contains("systemd-cgtop's batch output").contains("-o, --output")
                .contains("%CPU (100 = one CPU").contains("Thr% (throttled").doesNotContain("%%")
                .contains("--oom-kills").contains("--pressure").contains("some avg10");
    }

    /** Runs jcg in this JVM; returns "status:" + stdout + stderr. */
    static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run("jcg", args, new PrintWriter(out), new PrintWriter(err));
        return status + ":" + out + err;
    }
}
