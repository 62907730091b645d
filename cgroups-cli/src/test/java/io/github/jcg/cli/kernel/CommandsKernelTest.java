package io.github.jcg.cli.kernel;

import io.github.jcg.cli.Run;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** jcg's libcgroup commands on this host's real hierarchies (root only): what the kernel ends up with. */
class CommandsKernelTest {
    private static KernelFixture kernel;

    @BeforeAll
    static void setUp() {
        kernel = KernelFixture.require();
    }

    @AfterAll
    static void tearDown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private static Run jcg(String tool, String... args) {
        Run r = Run.as(tool, args);
        if (r.status() == 0) {
            assertThat(r.err()).as("nothing on stderr on success").isEmpty();
        }
        return r;
    }

    @Test
    void createWithTypedLimitsInKubernetesUnits() {
        Run r = jcg("jcg", "create", "-g", "cpu,memory,pids:" + kernel.path("web"), "--cpu", "500m", "--memory", "256Mi", "--pids", "100");
        assertThat(r.status()).as(r.toString()).isZero();
        // cpu.max on v2; cpu.cfs_quota_us 50000 and cpu.cfs_period_us 100000 on v1
        assertThat(kernel.cpuMax("web")).isEqualTo("50000 100000");
        assertThat(kernel.memoryMax("web")).isEqualTo(Long.toString(256L << 20));
        assertThat(kernel.read("web", "pids.max")).isEqualTo("100");

        assertThat(jcg("jcg", "set", kernel.path("web"), "--cpu", "20%").status()).isZero();
        assertThat(kernel.cpuMax("web")).isEqualTo("20000 100000");
        assertThat(jcg("jcg", "set", kernel.path("web"), "--cpu", "max", "--memory", "max").status()).isZero();
        assertThat(kernel.cpuMax("web")).isEqualTo("max 100000");
        assertThat(kernel.memoryMax("web")).isEqualTo("max");
    }

    @Test
    void aFailingLimitRemovesTheGroupsCreateMade() {
        Run r = jcg("jcg", "create", "-g", "cpu:" + kernel.path("half/deep"), "--pids", "10");
        assertThat(r.status()).as(r.toString()).isEqualTo(84);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("pids.max", "undone");
        assertThat(kernel.group("half", "cpu").exists()).isFalse();
    }

    @Test
    void aKernelRefusalUndoesTheEarlierWrites() {
        Run r;
        if (kernel.onV2(Controller.CPU)) {
            // v2 takes a child's quota above its parent's, but refuses a burst above the group's own
            // quota, which jcg leaves to the kernel to judge; cpu.weight was written first
            kernel.create("capped/child", "cpu");
            assertThat(jcg("cgset", "-r", "cpu.max=10000 100000", kernel.path("capped/child")).status()).isZero();
            r = jcg("cgset", "-r", "cpu.weight=200", "-r", "cpu.max.burst=20000", kernel.path("capped/child"));
            assertThat(r.err()).as(r.toString()).contains("cpu.max.burst");
        } else {
            kernel.create("capped/child", "cpu");
            assertThat(jcg("cgset", "-r", "cpu.cfs_quota_us=10000", kernel.path("capped")).status()).isZero();
            // the v1 kernel refuses a child quota above its parent's; cpu.shares was written first
            r = jcg("cgset", "-r", "cpu.shares=2048", "-r", "cpu.cfs_quota_us=50000", kernel.path("capped/child"));
            assertThat(r.err()).as(r.toString()).contains("cpu.cfs_quota_us");
        }
        assertThat(r.status()).as(r.toString()).isEqualTo(96);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("EINVAL", "undone");
        assertThat(r.err()).as("libcgroup's words first").startsWith("cgset: cgroup modify error: Invalid argument; ");
        assertThat(kernel.read("capped/child", kernel.weightFile())).isEqualTo(kernel.defaultWeight());
    }

    /**
     * On v2 the copy takes cpu.weight.nice too, after cpu.weight in the kernel's directory order,
     * as libcgroup does; the nice level then decides the weight (777 comes back as 744, with
     * libcgroup 2.0.2 and jcg alike: see PeerComparisonKernelTest). 305 is nice -5's own weight,
     * so it survives the round trip and shows the copy exactly.
     */
    @Test
    void copyFromAndRecursiveSet() {
        String weight = kernel.weightFile();
        String value = kernel.onV2(Controller.CPU) ? "305" : "777";
        kernel.create("src", "cpu,pids");
        kernel.create("dst/below", "cpu,pids");
        assertThat(jcg("cgset", "-r", weight + "=" + value, "-r", "pids.max=42", kernel.path("src")).status()).isZero();
        assertThat(jcg("cgset", "--copy-from", kernel.path("src"), kernel.path("dst")).status()).isZero();
        assertThat(kernel.read("dst", weight)).isEqualTo(value);
        assertThat(kernel.read("dst", "pids.max")).isEqualTo("42");
        assertThat(jcg("jcg", "set", "-R", "-r", weight + "=300", kernel.path("dst")).status()).isZero();
        assertThat(kernel.read("dst/below", weight)).isEqualTo("300");
    }

    @Test
    void deleteMovesProcessesToTheParent() {
        kernel.create("del/x", "cpu,pids");
        long pid = kernel.sleeper().pid();
        kernel.group("del/x", "cpu,pids").attach(pid);
        Run r = jcg("cgdelete", "cpu,pids:" + kernel.path("del/x"));
        if (kernel.onV2(Controller.CPU) || kernel.onV2(Controller.PIDS)) {
            // v2's no-internal-processes rule: del hands cpu and pids down to x, so it may not hold
            // the process; the kernel refuses the move (EBUSY) and libcgroup 3.x fails with ECGOTHER
            assertThat(r.status()).as(r.toString()).isEqualTo(96);
            assertThat(r.err()).contains("EBUSY");
            assertThat(kernel.groupOf(pid, Controller.CPU)).as("jcg moves nothing when one move is refused")
                    .isEqualTo("/" + kernel.path("del/x"));
            assertThat(kernel.groupOf(pid, Controller.PIDS)).isEqualTo("/" + kernel.path("del/x"));
            assertThat(kernel.group("del/x", "cpu,pids").exists()).isTrue();
        } else {
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(kernel.groupOf(pid, Controller.CPU)).isEqualTo("/" + kernel.path("del"));
            assertThat(kernel.groupOf(pid, Controller.PIDS)).isEqualTo("/" + kernel.path("del"));
            assertThat(kernel.group("del/x", "cpu").exists()).isFalse();
        }
    }

    @Test
    void deleteOfAGroupWithoutControllersMovesItsProcessesToTheParent() {
        KernelFixture.skipUnless(kernel.hasV2(), "no cgroup v2 hierarchy here to hold a group without controllers");
        assertThat(jcg("cgcreate", "-g", ":" + kernel.path("bare/x")).status()).isZero();
        long pid = kernel.sleeper().pid();
        kernel.group("bare/x", "").attach(pid);
        assertThat(KernelFixture.v2GroupOf(pid)).isEqualTo("/" + kernel.path("bare/x"));
        Run r = jcg("cgdelete", ":" + kernel.path("bare/x"));
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(KernelFixture.v2GroupOf(pid)).isEqualTo("/" + kernel.path("bare"));
        assertThat(kernel.group("bare/x", "").exists()).isFalse();
    }

    @Test
    void classifyMovesAProcessWithItsThreads() {
        kernel.create("cls", "cpu,pids");
        long pid = kernel.sleeper().pid();
        Run r = jcg("cgclassify", "-g", "cpu,pids:" + kernel.path("cls"), "--sticky", Long.toString(pid));
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(kernel.groupOf(pid, Controller.CPU)).isEqualTo("/" + kernel.path("cls"));
        assertThat(kernel.groupOf(pid, Controller.PIDS)).isEqualTo("/" + kernel.path("cls"));
    }

    @Test
    void lscgroupListsChildrenInTheKernelsOrder() throws IOException {
        for (String child : List.of("zeta", "alpha", "mid")) {
            kernel.create("ls/" + child, "cpu");
        }
        Hierarchy cpu = kernel.host.layout().hierarchyOf(Controller.CPU).orElseThrow();
        List<String> expected = new ArrayList<>();
        expected.add(cpu.label() + ":/" + kernel.path("ls") + "/");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cpu.mountPoint().resolve(kernel.path("ls")), Files::isDirectory)) {
            entries.forEach(e -> expected.add(cpu.label() + ":/" + kernel.path("ls") + "/" + e.getFileName()));
        }
        assertThat(jcg("lscgroup", "cpu:" + kernel.path("ls")).out()).isEqualTo(String.join("\n", expected) + "\n");
    }

    /**
     * cgxget/cgxset read and write in the other version's vocabulary, as libcgroup 3.x's
     * abstraction layer maps it (src/abstraction-map.c, abstraction-cpu.c,
     * abstraction-memory.c): cpu.weight 100 is cpu.shares 1024, linearly; cpu.max splits into
     * quota (max is -1) and period, and a quota or period alone keeps the other half of cpu.max
     * as it is; memory.max max is v1's unlimited 9223372036854771712. Each controller is
     * translated from where it is on this layout, so on the split layout cpu goes one way and
     * memory the other.
     */
    @Test
    void cgxgetAndCgxsetTranslateToTheOtherVersion() {
        kernel.create("x", "cpu,memory");
        if (kernel.onV2(Controller.MEMORY)) {
            Run r = jcg("cgxget", "-1", "-r", "memory.limit_in_bytes", kernel.path("x"));
            assertThat(r.out()).as(r.toString()).isEqualTo(kernel.path("x") + ":\nmemory.limit_in_bytes: 9223372036854771712\n\n");
            r = jcg("cgxset", "-1", "-r", "memory.limit_in_bytes=64M", kernel.path("x"));
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(kernel.read("x", "memory.max")).isEqualTo(Long.toString(64L << 20));
        } else {
            Run r = jcg("cgxget", "-2", "-r", "memory.max", kernel.path("x"));
            assertThat(r.out()).as(r.toString()).isEqualTo(kernel.path("x") + ":\nmemory.max: max\n\n");
            r = jcg("cgxset", "-2", "-r", "memory.max=64M", kernel.path("x"));
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(kernel.read("x", "memory.limit_in_bytes")).isEqualTo(Long.toString(64L << 20));
        }
        if (kernel.onV2(Controller.CPU)) {
            v1NamesOnV2Cpu();
        } else {
            v2NamesOnV1Cpu();
        }
    }

    private void v2NamesOnV1Cpu() {
        assertThat(jcg("cgset", "-r", "cpu.shares=512", kernel.path("x")).status()).isZero();
        Run r = jcg("cgxget", "-2", "-r", "cpu.max", "-r", "cpu.weight", kernel.path("x"));
        assertThat(r.out()).as(r.toString()).isEqualTo(kernel.path("x") + ":\ncpu.max: max 100000\ncpu.weight: 50\n\n");
        assertThat(jcg("cgxset", "-2", "-r", "cpu.max=25000 50000", kernel.path("x")).status()).isZero();
        assertThat(kernel.read("x", "cpu.cfs_quota_us")).isEqualTo("25000");
        assertThat(kernel.read("x", "cpu.cfs_period_us")).isEqualTo("50000");
    }

    private void v1NamesOnV2Cpu() {
        assertThat(jcg("cgset", "-r", "cpu.weight=50", "-r", "cpu.max=max 50000", kernel.path("x")).status()).isZero();
        Run r = jcg("cgxget", "-1", "-r", "cpu.cfs_quota_us", "-r", "cpu.cfs_period_us", "-r", "cpu.shares", kernel.path("x"));
        assertThat(r.out()).as(r.toString())
                .isEqualTo(kernel.path("x") + ":\ncpu.cfs_quota_us: -1\ncpu.cfs_period_us: 50000\ncpu.shares: 512\n\n");
        r = jcg("cgxset", "-1", "-r", "cpu.shares=2048", kernel.path("x"));
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(kernel.read("x", "cpu.weight")).isEqualTo("200");
        r = jcg("cgxset", "-1", "-r", "cpu.cfs_quota_us=20000", kernel.path("x"));
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(kernel.read("x", "cpu.max")).as("the quota alone keeps the current period").isEqualTo("20000 50000");
        r = jcg("cgxset", "-1", "-r", "cpu.cfs_period_us=100000", kernel.path("x"));
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(kernel.read("x", "cpu.max")).as("the period alone keeps the current quota").isEqualTo("20000 100000");
        r = jcg("cgxset", "-1", "-r", "cpu.cfs_quota_us=-1", kernel.path("x"));
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(kernel.read("x", "cpu.max")).isEqualTo("max 100000");
    }

    @Test
    void modeLineAndLssubsysShowWhatIsThere() {
        assertThat(jcg("cgget", "-m").out()).isEqualTo(kernel.host.mode().libcgroupModeLine() + "\n");
        Hierarchy cpu = kernel.host.layout().hierarchyOf(Controller.CPU).orElseThrow();
        assertThat(jcg("lssubsys", "-m", "cpu").out()).isEqualTo(cpu.label() + " " + cpu.mountedAt() + "\n");
        assertThat(jcg("lssubsys", "-i", "cpu").out()).isEqualTo(cpu.label() + " " + cpu.id() + "\n");
    }

    @Test
    void jsonOutputs() {
        kernel.create("json", "cpu");
        String weight = kernel.weightFile();
        assertThat(jcg("jcg", "get", "-o", "json", "-r", weight, kernel.path("json")).out())
                .isEqualTo("{\"groups\":[{\"group\":\"" + kernel.path("json") + "\",\"values\":{\"" + weight + "\":\""
                        + kernel.defaultWeight() + "\"}}]}\n");
        assertThat(jcg("jcg", "ls", "-o", "json", "cpu:" + kernel.path("json")).out())
                .isEqualTo("{\"groups\":[{\"controllers\":\"" + kernel.hierarchy(Controller.CPU).label() + "\",\"path\":\"/"
                        + kernel.path("json") + "\"}]}\n");
    }

    @Test
    void aGroupNamedWithAControllersPrefixIsCreatedReadAndDeleted() {
        String batch = kernel.path("cpu.batch");
        Run create = jcg("cgcreate", "-g", "cpu,pids:" + batch, "-g", "cpu:" + batch + "/memory.x");
        assertThat(create.status()).as(create.toString()).isZero();
        Hierarchy cpu = kernel.host.layout().hierarchyOf(Controller.CPU).orElseThrow();
        assertThat(cpu.mountPoint().resolve(batch + "/memory.x")).isDirectory();

        String weight = kernel.weightFile();
        assertThat(jcg("cgset", "-r", weight + "=300", "-r", "pids.max=7", batch).status()).isZero();
        assertThat(jcg("cgget", "-n", "-v", "-r", weight, "-r", "pids.max", batch).out()).isEqualTo("300\n7\n");
        assertThat(jcg("jcg", "get", "-n", "-v", "-r", weight, batch + "/memory.x").out()).isEqualTo(kernel.defaultWeight() + "\n");
        assertThat(jcg("lscgroup", "cpu:" + batch).out()).contains(":/" + batch + "/memory.x\n");

        Run delete = jcg("cgdelete", "-r", "cpu,pids:" + batch);
        assertThat(delete.status()).as(delete.toString()).isZero();
        assertThat(cpu.mountPoint().resolve(batch)).doesNotExist();
        assertThat(kernel.host.layout().hierarchyOf(Controller.PIDS).orElseThrow().mountPoint().resolve(batch)).doesNotExist();

        // the name of one of the kernel's files is still refused, and nothing is made
        Run refused = jcg("cgcreate", "-g", "cpu:" + kernel.path("cpu.shares"));
        assertThat(refused.status()).isEqualTo(91);
        assertThat(refused.err()).contains("'cpu.shares' is the name of a cgroup control file");
    }

    @Test
    void aWriteTheKernelRefusesWithEnoentIsEcgotherAndAMissingFileIsNot() throws IOException {
        Optional<Hierarchy> unified = kernel.host.layout().unified();
        KernelFixture.skipUnless(unified.isPresent() && Files.isWritable(unified.get().mountPoint()), "no writable cgroup v2 hierarchy");
        String group = kernel.path("v2only");
        assertThat(jcg("cgcreate", "-g", ":" + group).status()).isZero();
        List<String> offered = List.of(Files.readString(unified.get().mountPoint().resolve(group).resolve("cgroup.controllers"))
                .strip().split("\\s+"));
        String absent = Stream.of("memory", "pids", "cpu", "io").filter(c -> !offered.contains(c)).findFirst().orElse(null);
        KernelFixture.skipUnless(absent != null, "the v2 hierarchy offers every controller");

        // libcgroup 3.x cg_set_control_value: the file opens, write(2) fails with ENOENT -> ECGOTHER (96)
        Run refused = jcg("cgset", "-r", "cgroup.subtree_control=+" + absent, group);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(96);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.err()).startsWith("cgset: cgroup modify error: No such file or directory; ").contains("ENOENT");
        // a file the group does not have is ECGROUPVALUENOTEXIST (95), as before
        assertThat(jcg("cgset", "-r", "cgroup.nosuch=1", group).status()).isEqualTo(95);
    }
}
