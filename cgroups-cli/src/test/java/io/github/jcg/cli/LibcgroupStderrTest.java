package io.github.jcg.cli;

import io.github.jcg.cli.commands.SetCommand;
import io.github.jcg.cli.compat.LibcgroupWords;
import io.github.jcg.core.Errno;
import io.github.jcg.core.GroupNotFoundException;
import io.github.jcg.core.KernelRefusedException;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stderr texts libcgroup's own functional tests ({@code tests/ftests/*.py}) look for, on
 * the first line jcg prints when run under a libcgroup name, with jcg's explanation after
 * them; the exit statuses stay jcg's (which are libcgroup's). Named after the ftest that checks.
 */
class LibcgroupStderrTest {
    @TempDir
    Path root;
    private FakeHost host;
    private Hosts.Scope scope;

    @BeforeEach
    void setUp() {
        host = FakeHost.hybrid(root);
        scope = FakeHosts.use(host);
        host.cpuGroup("g1", "1024", "-1");
        host.cpuGroup("g2", "1024", "-1");
    }

    @AfterEach
    void tearDown() {
        scope.close();
    }

    /** Runs a tool and returns its first stderr line, after checking the exit status and that more follows it or not. */
    private static String firstLine(int status, String tool, String... args) {
        Run r = Run.as(tool, args);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.errLines()).as(r.toString()).isNotEmpty();
        return r.errLines()[0];
    }

    @Test
    void ftest016CggetInvalidOptions() {
        assertThat(firstLine(129, "cgget", "-g", "cpu")).startsWith("Wrong input parameters,");
        assertThat(firstLine(129, "cgget", "-g", "cpu:g1", "g1")).startsWith("Wrong input parameters,");
        assertThat(firstLine(91, "cgget", "-n", "-v", "-r", "invalidsetting", "g1"))
                .startsWith("cgget: error parsing parameter name 'invalidsetting'; ")
                .contains("<controller>.<file>");
        assertThat(firstLine(96, "cgget", "-n", "-v", "-r", "invalid.setting", "g1"))
                .startsWith("cgget: cannot find controller 'invalid' in group 'g1'; ")
                .contains("no invalid controller is mounted");
        assertThat(firstLine(96, "cgget", "-n", "-v", "-r", "cpu.invalid", "g1"))
                .startsWith("variable file read failed No such file or directory; ")
                .contains("cpu.invalid");
        assertThat(firstLine(129, "cgget")).isEqualTo("Wrong input parameters, try cgget -h' for more information.");
        assertThat(Run.as("cgget", "-h").out()).contains("Print parameter(s)");
    }

    @Test
    void cgxgetSpeaksInItsOwnName() {
        assertThat(firstLine(91, "cgxget", "-r", "nodot", "g1")).startsWith("cgxget: error parsing parameter name 'nodot'; ");
        assertThat(firstLine(96, "cgxget", "-r", "cpu.shares", "nosuch")).startsWith("variable file read failed No such file or directory; ");
    }

    @Test
    void ftest027CgsetInvalidOptions() {
        Run both = Run.as("cgset", "-r", "cpu.shares=100", "--copy-from", "g2", "g1");
        assertThat(both.status()).isEqualTo(129);
        assertThat(both.errLines()).hasSize(2);
        assertThat(both.errLines()[0]).isEqualTo("Wrong input parameters, try cgset -h' for more information.");
        assertThat(both.errLines()[1]).startsWith("cgset: --copy-from cannot be combined with -r");
        assertThat(firstLine(129, "cgset", "-r", "cpu.shares=100")).startsWith("cgset: no cgroup specified; ");
        assertThat(firstLine(129, "cgset", "g1")).startsWith("cgset: no name-value pair was set; ");
        Run bare = Run.as("cgset");
        assertThat(bare.status()).isEqualTo(129);
        assertThat(bare.errLines()).containsExactly("Usage is cgset -r <name=value> relative path to cgroup>",
                "cgset: nothing to set; give -r <name>=<value> and the groups to change, e.g. -r cpu.shares=512 web");
        assertThat(firstLine(129, "cgset", "-r", "cpu.shares=", "g1")).startsWith("cgset: wrong parameter of option -r: cpu.shares=; ");
        assertThat(Run.as("cgset", "-h").out()).contains("Usage:");
        assertThat(host.read("cpu", "g1", "cpu.shares")).isEqualTo("1024\n");
    }

    @Test
    void cgxsetsBareCallAndJcgsOwnName() {
        assertThat(firstLine(129, "cgxset")).isEqualTo("Usage is cgxset -r <name=value> <relative path to cgroup>");
        // jcg set is not libcgroup's tool: its own line first, as before
        Run jcg = Run.as("jcg", "set");
        assertThat(jcg.errLines()).containsExactly("jcg set: nothing to set; give -r <name>=<value> and the groups to change,"
                + " e.g. -r cpu.shares=512 web", "Wrong input parameters, try jcg set -h' for more information.");
    }

    @Test
    void ftest030032034HelpTexts() {
        assertThat(Run.as("lssubsys", "-h").out()).contains("Usage:");
        assertThat(Run.as("lscgroup", "-h").out()).contains("Usage:");
        assertThat(Run.as("cgexec", "-h").out()).contains("Run the task in given control group(s)");
    }

    @Test
    void ftest038ARefusedCpusetValueIsInvalidArgument() {
        assertThat(firstLine(96, "cgxset", "-r", "cpu.cfs_quota_us=10", "g1"))
                .startsWith("cgxset: cgroup modify error: Invalid argument; ")
                .contains("cpu.cfs_quota_us");
    }

    @Test
    void ftest047And998AMissingGroupIsNoSuchFileOrDirectory() {
        Run r = Run.as("cgdelete", "-g", "cpu:test");
        assertThat(r.status()).isEqualTo(96);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines()[0]).startsWith("cgdelete: cannot remove group 'test': No such file or directory; it does not exist in")
                .contains("cpu hierarchy");
        assertThat(firstLine(96, "cgdelete", "-r", "-g", "cpu:test"))
                .startsWith("cgdelete: cannot remove group 'test': No such file or directory; ");
        assertThat(firstLine(96, "jcg", "delete", "cpu:test")).startsWith("jcg delete: cannot remove group 'test': it does not exist in");
    }

    @Test
    void cgdeleteWithoutArgumentsIsItsUsageError() {
        // libcgroup 3.1+ src/tools/cgdelete.c: argc < 2 -> usage(1) -> exit(EXIT_BADARGS)
        assertThat(firstLine(129, "cgdelete")).isEqualTo("Wrong input parameters, try cgdelete --help' for more information.");
    }

    @Test
    void ftest063And064AMissingGroupIsARequestedGroupParameterThatDoesNotExist() {
        assertThat(firstLine(95, "cgset", "-r", "cpu.shares=500", "nosuch"))
                .startsWith("cgset: cgroup modify error: Cgroup, requested group parameter does not exist; ")
                .contains("nosuch does not exist");
        assertThat(firstLine(95, "cgset", "-r", "cpu.nosuchfile=1", "g1"))
                .startsWith("cgset: cgroup modify error: Cgroup, requested group parameter does not exist; ");
        assertThat(firstLine(84, "cgset", "-r", "bogus.file=1", "g1"))
                .startsWith("cgset: cgroup modify error: Cgroup one of the needed subsystems is not mounted; ");
    }

    /** A process the fake host's /proc knows, in the root groups. */
    private String fakeProcess(long pid) {
        host.group("../../../proc", Long.toString(pid), Map.of("cgroup", "8:pids:/\n4:memory:/\n1:cpu:/\n0::/\n"));
        host.group("../../../proc", pid + "/task/" + pid, Map.of());
        return Long.toString(pid);
    }

    @Test
    void ftest065And066ClassifyingIntoAMissingGroup() {
        String pid = fakeProcess(4242);
        assertThat(firstLine(1, "cgclassify", "-g", "cpu:nosuch", pid))
                .startsWith("Error changing group of pid " + pid + ": Cgroup does not exist; cannot move pid " + pid);
        assertThat(firstLine(2, "cgclassify", "-g", "cpu:g1", "abc")).startsWith("Error: abc is not valid pid.; ");
    }

    @Test
    void cgexecIntoAMissingGroup() {
        fakeProcess(ProcessHandle.current().pid());
        assertThat(firstLine(82, "cgexec", "-g", "cpu:nosuch", "true")).startsWith("cgroup change of group failed; ");
    }

    @Test
    void anUnmountedControllerIsEcgroupnotexistToCgxsetButNotToCgset() {
        // 3.x cgxset: cgroup_convert_cgroup -> cgroup_get_controller_version -> ECGROUPNOTEXIST, nothing printed;
        // cgset: cgroup_modify_cgroup -> ECGROUPSUBSYSNOTMOUNTED with its "cgroup modify error" line
        for (String[] args : new String[][] {{"-r", "bogus.file=1", "g1"}, {"-1", "-r", "bogus.file=1", "g1"},
                {"-2", "-r", "bogus.max=1", "g1"}, {"-r", "cpu.shares=512", "-r", "bogus.file=1", "g1"}}) {
            Run r = Run.as("cgxset", args);
            assertThat(r.status()).as(r.toString()).isEqualTo(82);
            assertThat(r.errLines()).as(r.toString()).hasSize(1);
            assertThat(r.errLines()[0]).startsWith("cgxset: cannot set bogus.").contains("no bogus controller is mounted")
                    .doesNotContain("cgroup modify error");
        }
        assertThat(Run.as("jcg", "set", "-1", "-r", "bogus.file=1", "g1").status()).isEqualTo(82);
        assertThat(firstLine(84, "cgset", "-r", "bogus.file=1", "g1"))
                .startsWith("cgset: cgroup modify error: Cgroup one of the needed subsystems is not mounted; ");
        assertThat(Run.as("jcg", "set", "-r", "bogus.file=1", "g1").status()).isEqualTo(84);
        assertThat(host.read("cpu", "g1", "cpu.shares")).isEqualTo("1024\n");
    }

    @Test
    void ftest080And086KernelRefusalsAreStrerror() {
        // cgset's write that the kernel refuses with ENOENT (+memory where the parent offers no memory): ECGOTHER
        KernelRefusedException enoent = new KernelRefusedException("cannot write '+memory'", "child", "cgroup.subtree_control",
                "+memory", Errno.ENOENT, null, true);
        int status = ExitCodes.of(enoent, ExitCodes.Tool.CGSET);
        assertThat(status).isEqualTo(96);
        Optional<LibcgroupWords> words = new SetCommand().libcgroupWords(new ToolException(status, "x", enoent), status);
        assertThat(words.orElseThrow().render("cgset")).isEqualTo("cgset: cgroup modify error: No such file or directory");
        // a file that cannot be opened (EACCES as a user) is ECGROUPVALUENOTEXIST, and said so
        KernelRefusedException eacces = new KernelRefusedException("denied", "g", "cpu.shares", "512", Errno.EACCES, null);
        assertThat(new SetCommand().libcgroupWords(new ToolException(95, "x", eacces), 95).orElseThrow().render("cgset"))
                .isEqualTo("cgset: cgroup modify error: Cgroup, requested group parameter does not exist");
        // cgclassify into a group of the wrong type (EOPNOTSUPP), cgcreate in a scope (ENOENT): ECGOTHER
        assertThat(LibcgroupWords.strerror(96, Errno.EOPNOTSUPP)).isEqualTo("Operation not supported");
        assertThat(LibcgroupWords.strerror(96, Errno.ENOENT)).isEqualTo("No such file or directory");
        assertThat(LibcgroupWords.strerror(82, Errno.UNKNOWN)).isEqualTo("Cgroup does not exist");
        assertThat(LibcgroupWords.strerror(111, Errno.UNKNOWN)).isEqualTo("Failed to convert from cgroup v1 to/from cgroup v2");
        assertThat(LibcgroupWords.errnoOf(new ToolException(96, "x", new GroupNotFoundException("g", "cpu")))).contains(Errno.ENOENT);
    }

    @Test
    void cgcreatesWordsComeFirst() {
        assertThat(firstLine(84, "cgcreate", "-g", "nosuch:web"))
                .startsWith("cgcreate: can't create cgroup web: Cgroup one of the needed subsystems is not mounted; ");
    }

    @Test
    void successPrintsNothing() {
        Run r = Run.as("cgset", "-r", "cpu.shares=2048", "g1");
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
    }
}
