package io.github.jcg.cli;

import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every libcgroup command gets from GetoptRunner: -h, getopt's usage errors, --debug, and no picocli. */
class GetoptCommandsTest {
    private static final List<String> TOOLS = List.of("cgcreate", "cgdelete", "cgset", "cgget", "cgxset", "cgxget",
            "cgexec", "cgclassify", "lscgroup", "lssubsys");
    private static final List<String> COMMANDS = List.of("create", "delete", "set", "get", "exec", "classify", "ls", "lssubsys");

    @TempDir
    Path root;
    private FakeHost host;
    private Hosts.Scope scope;

    @BeforeEach
    void setUp() {
        host = FakeHost.hybrid(root);
        scope = FakeHosts.use(host);
        host.cpuGroup("web", "512", "-1");
    }

    @AfterEach
    void tearDown() {
        scope.close();
    }

    @Test
    void helpPrintsTheUsageOnStdoutAndExitsZero() {
        for (String tool : TOOLS) {
            for (String help : new String[] {"-h", "--help", "--he"}) {
                Run r = Run.as(tool, help);
                assertThat(r.status()).as(tool + " " + help).isZero();
                assertThat(r.out()).startsWith("Usage: " + tool + " ").contains("--debug");
                assertThat(r.err()).isEmpty();
            }
        }
        for (String command : COMMANDS) {
            Run r = Run.as("jcg", command, "-h");
            assertThat(r.out()).as(command).startsWith("Usage: jcg " + command + " ");
            assertThat(Run.as("jcg", "help", command).out()).isEqualTo(r.out());
        }
        assertThat(Run.as("cgget", "-h").out()).contains("-r, --variable <name>", "-o, --output <format>");
        assertThat(Run.as("jcg", "set", "-h").out()).contains("--copy-from", "--cpu CPUS", "-R, --recursive");
    }

    @Test
    void usageErrorsAreGetoptsWordsThenLibcgroupsLine() {
        Run r = Run.as("cgget", "-x", "web");
        assertThat(r.status()).isEqualTo(129);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("cgget: invalid option -- 'x'",
                "Wrong input parameters, try cgget -h' for more information.");
        assertThat(Run.as("jcg", "get", "web", "-r").errLines())
                .containsExactly("jcg get: option requires an argument -- 'r'", "Wrong input parameters, try jcg get -h' for more information.");
        assertThat(Run.as("cgset", "--bogus", "web").errLines()[0]).isEqualTo("cgset: unrecognized option '--bogus'");
        assertThat(Run.as("lssubsys", "--all=yes").errLines()[0]).isEqualTo("lssubsys: option '--all' doesn't allow an argument");
        assertThat(Run.as("jcg", "set", "--v", "web").errLines()[0]).startsWith("jcg set: option '--v' is ambiguous; possibilities:");
        assertThat(Run.as("jcg", "set", "web", "--memory", "12abc").errLines()[0])
                .startsWith("jcg set: invalid value for --memory: '12abc' is not a byte quantity");
        // a mistake libcgroup answers with its usual line only: that line first, then jcg's explanation
        String[] badSpec = Run.as("cgcreate", "-g", "cpu").errLines();
        assertThat(badSpec).hasSize(2);
        assertThat(badSpec[0]).isEqualTo("Wrong input parameters, try cgcreate -h' for more information.");
        assertThat(badSpec[1]).startsWith("cgcreate: invalid value for -g: 'cpu' is not <controllers>:<path>");
        assertThat(Run.as("jcg", "create", "-g", "cpu").errLines()[0]).startsWith("jcg create: invalid value for -g:");
        assertThat(Run.as("jcg", "get").status()).as("nothing to print, as cgget without arguments").isEqualTo(129);
    }

    @Test
    void everyCommandTakesDebugAndAbbreviatedLongOptions() {
        assertThat(Run.as("cgget", "--debug", "--values", "--var=cpu.shares", "-n", "web").out()).isEqualTo("512\n");
        Run failure = Run.as("cgget", "--debug", "-r", "cpu.nonexistent", "web");
        assertThat(failure.status()).isEqualTo(96);
        assertThat(failure.errLines()[0]).startsWith("variable file read failed No such file or directory; cannot read cpu.nonexistent");
        assertThat(failure.errLines()[1]).startsWith("io.github.jcg.cli.ToolException: ");
        assertThat(Run.as("cgget", "-r", "cpu.nonexistent", "web").errLines()).hasSize(1);
        assertThat(Run.as("lssubsys", "--debug", "--mount", "cpu").out()).isEqualTo("cpu /sys/fs/cgroup/cpu\n");
        assertThat(Run.as("cgdelete", "--debug").status()).isZero();
    }

    @Test
    void theListingNamesTheGetoptCommandsToo() {
        Run r = Run.as("jcg", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("  info ", "  get ", "  lssubsys ", "  exec ", "  demo ", "cgget");
    }

    /** The point of getopt here: a libcgroup command starts without loading picocli at all. */
    @Test
    void noPicocliClassIsLoadedOnTheLibcgroupCommandsPath() throws Exception {
        for (String[] invocation : new String[][] {{"jcg", "get", "-n", "-v", "-r", "cpu.shares", "/"},
            {"cgget", "-r", "cpu.shares", "/"}, {"cgset", "-x"}, {"lscgroup", "-h"}}) {
            Path log = root.resolve("classes.log");
            List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xlog:class+load:file=" + log, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(List.of(invocation).subList(1, invocation.length));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("JCG_INVOKED_AS", invocation[0]);
            Process p = pb.start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            String loaded = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(loaded).as(String.join(" ", invocation)).contains("io.github.jcg.cli.GetoptRunner").doesNotContain("picocli.");
        }
    }
}
