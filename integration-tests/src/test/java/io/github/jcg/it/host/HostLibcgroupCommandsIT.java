package io.github.jcg.it.host;

import io.github.jcg.it.support.CgroupMount;
import io.github.jcg.it.support.HostCgroups;
import io.github.jcg.it.support.Jcg;
import io.github.jcg.it.support.ProcCgroup;
import io.github.jcg.it.support.Processes;
import io.github.jcg.it.support.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jcg's libcgroup commands (create, set, get, classify, ls, lssubsys, delete) on the real
 * hierarchies, side by side with libcgroup's tools where they are installed: same groups, same
 * output bytes, same exit statuses (REFERENCE.md §2).
 *
 * <p>These commands are being written on another branch: each test skips, saying "command not
 * built yet", while {@code jcg <command> --help} shows there is no such command, and runs as
 * soon as the command is in the jar.
 */
@Tag("host")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostLibcgroupCommandsIT {
    private static HostCgroups cg;
    private static String base;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        cg = HostCgroups.require();
        base = cg.path("cmd");
        cg.mkdirs(base, "cpu", "cpuacct", "pids");
    }

    @AfterAll
    static void tearDown() {
        if (cg != null) {
            cg.removeTree(base);
        }
    }

    @org.junit.jupiter.api.AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String g(String child) {
        return base + "/" + child;
    }

    private static List<String> mountsOf(String... controllers) {
        return java.util.Arrays.stream(controllers).map(c -> cg.hierarchy(c).mountPoint()).distinct().toList();
    }

    @Test
    void createMakesTheGroupInTheNamedHierarchiesOnlyAsCgcreateDoes() {
        Jcg.requireBuilt("create");

        Result r = Jcg.run("create", "-g", "cpu,cpuacct,pids:" + g("made/deeper"));

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        assertThat(cg.whereExists(g("made/deeper"))).containsExactlyInAnyOrderElementsOf(mountsOf("cpu", "cpuacct", "pids"));
        if (Processes.onPath("cgcreate")) {
            Processes.run("cgcreate", "-g", "cpu,cpuacct,pids:" + g("cgmade/deeper")).requireOk();
            assertThat(cg.whereExists(g("made/deeper"))).isEqualTo(cg.whereExists(g("cgmade/deeper")));
            assertThat(cg.whereExists(g("made"))).isEqualTo(cg.whereExists(g("cgmade")));
        }
    }

    @Test
    void setWritesTheValuesAndGetPrintsThemAsCggetDoes() {
        Jcg.requireBuilt("create");
        Jcg.requireBuilt("set");
        Jcg.requireBuilt("get");
        String a = g("limits-a");
        String b = g("limits-b");
        Jcg.run("create", "-g", "cpu,cpuacct,pids:" + a, "-g", "cpu,cpuacct,pids:" + b).requireOk();

        Result set = Jcg.run("set", "-r", "cpu.cfs_quota_us=20000", "-r", "cpu.shares=512", "-r", "pids.max=50", a);

        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(set.out() + set.err()).isEmpty();
        assertThat(cg.read("cpu", a, "cpu.cfs_quota_us").strip()).isEqualTo("20000");
        assertThat(cg.read("cpu", a, "cpu.shares").strip()).isEqualTo("512");
        assertThat(cg.read("pids", a, "pids.max").strip()).isEqualTo("50");
        assertThat(Jcg.run("get", "-n", "-v", "-r", "cpu.cfs_quota_us", a).requireOk().out()).isEqualTo("20000\n");

        if (Processes.onPath("cgget")) {
            for (List<String> args : List.of(
                    List.of("-g", "cpu", a),
                    List.of("-g", "cpu:" + a),
                    List.of("-g", "pids", a, b),
                    List.of("-r", "cpu.cfs_quota_us", "-r", "pids.max", a, b),
                    List.of("-n", "-r", "cpu.shares", a),
                    List.of("-n", "-v", "-r", "cpu.cfs_quota_us", a),
                    List.of("-r", "cpu.shares", g("no-such-group")))) {
                sameAsLibcgroup("cgget", Jcg.run(prepend("get", args)), args);
            }
            // linked under libcgroup's name, the launcher is a drop-in
            List<String> args = List.of("-g", "cpu", a);
            sameAsLibcgroup("cgget", Jcg.runAs("cgget", args.toArray(String[]::new)), args);
        }
    }

    @Test
    void setCopiesAnotherGroupsValuesAsCgsetDoes() {
        Jcg.requireBuilt("create");
        Jcg.requireBuilt("set");
        String from = g("copy-from");
        String to = g("copy-to");
        Jcg.run("create", "-g", "cpu:" + from, "-g", "cpu:" + to).requireOk();
        cg.write("cpu", from, "cpu.shares", "300");

        Jcg.run("set", "--copy-from", from, to).requireOk();

        assertThat(cg.read("cpu", to, "cpu.shares").strip()).isEqualTo("300");
    }

    @Test
    void classifyMovesProcessesAsCgclassifyDoes() throws Exception {
        Jcg.requireBuilt("classify");
        String target = g("classified");
        cg.mkdirs(target, "cpu", "cpuacct", "pids");
        Process one = sleeper();
        Process two = sleeper();

        Result r = Jcg.run("classify", "-g", "cpu,pids:" + target, Long.toString(one.pid()));

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out() + r.err()).isEmpty();
        List<ProcCgroup> moved = ProcCgroup.parse(Files.readString(Path.of("/proc/" + one.pid() + "/cgroup")));
        List<ProcCgroup> ours = ProcCgroup.parse(Files.readString(Path.of("/proc/self/cgroup")));
        assertThat(ProcCgroup.pathOf(moved, "cpu")).hasValue("/" + target);
        assertThat(ProcCgroup.pathOf(moved, "pids")).hasValue("/" + target);
        assertThat(ProcCgroup.pathOf(moved, "cpuacct")).isEqualTo(ProcCgroup.pathOf(ours, "cpuacct"));
        assertThat(ProcCgroup.pathOf(moved, "memory")).isEqualTo(ProcCgroup.pathOf(ours, "memory"));
        if (Processes.onPath("cgclassify")) {
            Processes.run("cgclassify", "-g", "cpu,pids:" + target, Long.toString(two.pid())).requireOk();
            assertThat(Files.readString(Path.of("/proc/" + one.pid() + "/cgroup")))
                    .isEqualTo(Files.readString(Path.of("/proc/" + two.pid() + "/cgroup")));
        }
        Result missing = Jcg.run("classify", "-g", "cpu:" + g("no-such-group"), Long.toString(one.pid()));
        assertThat(missing.exit()).isNotZero();
        if (Processes.onPath("cgclassify")) {
            assertThat(missing.exit()).isEqualTo(Processes.run("cgclassify", "-g", "cpu:" + g("no-such-group"),
                    Long.toString(two.pid())).exit());
        }
    }

    @Test
    void lsListsTheGroupsAsLscgroupDoes() {
        Jcg.requireBuilt("ls");
        cg.mkdirs(g("listed/one"), "cpu", "pids");
        cg.mkdirs(g("listed/two"), "cpu");

        Result r = Jcg.run("ls", "cpu:/" + g("listed"));

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.lines()).contains("cpu:/" + g("listed/one"), "cpu:/" + g("listed/two"));
        if (Processes.onPath("lscgroup")) {
            for (List<String> args : List.of(
                    List.of("cpu:/" + g("listed")),
                    List.of("-g", "cpu:" + g("listed")),
                    List.of("pids:/" + g("listed")),
                    List.of("cpu:/" + g("listed"), "pids:/" + g("listed")))) {
                sameAsLibcgroup("lscgroup", Jcg.run(prepend("ls", args)), args);
            }
            List<String> args = List.of("cpu:/" + g("listed"));
            sameAsLibcgroup("lscgroup", Jcg.runAs("lscgroup", args.toArray(String[]::new)), args);
        }
    }

    @Test
    void lssubsysNamesWhereEachControllerIsMounted() {
        Jcg.requireBuilt("lssubsys");
        CgroupMount cpu = cg.hierarchy("cpu");

        Result r = Jcg.run("lssubsys", "-m", "cpu");

        // Debian's libcgroup 2.0.2 finds nothing on a hybrid host (exit 82): jcg prints what is there
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(cpu.label() + " " + cpu.mountPoint() + "\n");
    }

    @Test
    void deleteRemovesTheGroupAsCgdeleteDoes() {
        Jcg.requireBuilt("delete");
        cg.mkdirs(g("doomed"), "cpu", "cpuacct", "pids");
        cg.mkdirs(g("doomed-tree/child"), "cpu");

        Result r = Jcg.run("delete", "-g", "cpu,cpuacct,pids:" + g("doomed"));
        Result tree = Jcg.run("delete", "-r", "-g", "cpu:" + g("doomed-tree"));

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out() + r.err()).isEmpty();
        assertThat(cg.whereExists(g("doomed"))).isEmpty();
        assertThat(tree.exit()).as(tree.toString()).isZero();
        assertThat(cg.whereExists(g("doomed-tree"))).isEmpty();
        Result missing = Jcg.run("delete", "-g", "cpu:" + g("no-such-group"));
        assertThat(missing.exit()).isNotZero();
        if (Processes.onPath("cgdelete")) {
            assertThat(missing.exit()).isEqualTo(Processes.run("cgdelete", "-g", "cpu:" + g("no-such-group")).exit());
        }
    }

    private Process sleeper() throws IOException {
        Process p = new ProcessBuilder("sleep", "300").start();
        started.add(p);
        return p;
    }

    private static String[] prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    /** Same stdout and exit status as libcgroup's {@code tool} given the same arguments. */
    private static void sameAsLibcgroup(String tool, Result jcg, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(tool);
        command.addAll(args);
        Result lib = Processes.run(command.toArray(String[]::new));
        assertThat(jcg.out()).as("stdout of jcg vs %s %s\njcg: %s\n%s: %s", tool, args, jcg, tool, lib).isEqualTo(lib.out());
        assertThat(jcg.exit()).as("exit of jcg vs %s %s\njcg: %s\n%s: %s", tool, args, jcg, tool, lib).isEqualTo(lib.exit());
        if (lib.err().isEmpty()) {
            assertThat(jcg.err()).as("stderr of jcg for %s %s", tool, args).isEmpty();
        }
    }
}
