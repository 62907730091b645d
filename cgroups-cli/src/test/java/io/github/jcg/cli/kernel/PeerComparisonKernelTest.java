package io.github.jcg.cli.kernel;

import io.github.jcg.cli.Run;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jcg against libcgroup's own tools (cgroup-tools), on this kernel's real hierarchies, whatever
 * the layout: this project's hybrid machines and the VM lane's v2, v1 and split layouts. For
 * each invocation in the table below, the same bytes on stdout, the same exit status, nothing
 * on stderr on success, and (for commands that change something) the same groups, values or
 * process placement afterwards. Runs as root where cgroup-tools is installed; skipped with the
 * reason printed otherwise.
 *
 * <p>Read-only invocations run on one shared group. Each changing invocation gets two
 * identical fresh groups, one for libcgroup and one for jcg; their names are replaced by
 * {@code <G>} before outputs are compared. Rows name the cpu and memory files through
 * placeholders ({@link Case#on}), so one table serves both versions; a few rows exist on one
 * layout only ({@link Layout}).
 *
 * <p>The peer here is Debian's 2.0.2; jcg follows libcgroup 3.x. Where they differ (see
 * REFERENCE.md: wrong usage exits 255 or 1 in 2.0.2, 129 in 3.x; 2.0.2 has no cgget -m) or
 * where 2.0.2 has a plain bug, the case states jcg's status and why, and only jcg is checked.
 */
class PeerComparisonKernelTest {
    /** What an invocation does, and so how its two sides are prepared and compared. */
    enum Kind { READ, SET, CREATE, DELETE, CLASSIFY }

    /** How much of the peer's behaviour jcg must share. */
    enum Check {
        /** stdout, exit status and the state afterwards. */
        SAME,
        /** stdout and exit status; the state differs because 2.0.2 leaves half-done changes (jcg undoes them). */
        SAME_OUTPUT,
        /** 2.0.2 differs from 3.x or has a bug: jcg's status is given, the peer's is only shown. */
        JCG_ONLY
    }

    /** Where a row of the table applies: most rows apply everywhere, their file names resolved per layout. */
    enum Layout {
        ANY, V1_CPU, V2_CPU, V1_MEMORY, V2_MEMORY, HAS_V2, NO_V2;

        boolean holds(KernelFixture k) {
            return switch (this) {
                case ANY -> true;
                case V1_CPU -> !k.onV2(Controller.CPU);
                case V2_CPU -> k.onV2(Controller.CPU);
                case V1_MEMORY -> !k.onV2(Controller.MEMORY);
                case V2_MEMORY -> k.onV2(Controller.MEMORY);
                case HAS_V2 -> k.hasV2();
                case NO_V2 -> !k.hasV2();
            };
        }
    }

    /**
     * One row of the table. In {@code args}: {@code @} is the group of the side running,
     * {@code ^} the shared read-only group, {@code &} the shared source for --copy-from,
     * {@code %} a sleeping process of the side running, {@code ~} a space inside one argument.
     * File names in braces are the cpu or memory controller's own on this layout: {@code {w}}
     * is cpu.shares (v1) or cpu.weight (v2), {@code {q}} cpu.cfs_quota_us or cpu.max,
     * {@code {mem}} memory.limit_in_bytes or memory.max, {@code {cpu}} cpu,cpuacct or cpu.
     */
    record Case(String tool, Kind kind, String args, Check check, int jcgStatus, String why, Layout layout) {
        static Case same(String tool, Kind kind, String args) {
            return new Case(tool, kind, args, Check.SAME, -1, "", Layout.ANY);
        }

        static Case output(String tool, Kind kind, String args, String why) {
            return new Case(tool, kind, args, Check.SAME_OUTPUT, -1, why, Layout.ANY);
        }

        static Case jcg(String tool, Kind kind, String args, int status, String why) {
            return new Case(tool, kind, args, Check.JCG_ONLY, status, why, Layout.ANY);
        }

        Case when(Layout only) {
            return new Case(tool, kind, args, check, jcgStatus, why, only);
        }

        /** This row with the layout's file names in place of the braces. */
        Case on(KernelFixture k) {
            String resolved = args.replace("{w}", k.weightFile())
                    .replace("{q}", k.onV2(Controller.CPU) ? "cpu.max" : "cpu.cfs_quota_us")
                    .replace("{mem}", k.onV2(Controller.MEMORY) ? "memory.max" : "memory.limit_in_bytes")
                    .replace("{cpu}", k.cpuControllers());
            return new Case(tool, kind, resolved, check, jcgStatus, why, layout);
        }

        @Override
        public String toString() {
            return tool + " " + args + (why.isEmpty() ? "" : "  [" + why + "]");
        }
    }

    private static final String USAGE_255 = "2.0.2 exits 255 on wrong usage, 3.x 129";
    private static final String USAGE_1 = "2.0.2 exits 1 on wrong usage, 3.x 129";

    static final List<Case> CASES = List.of(
            // ---------------------------------------------------------------- cgget
            Case.same("cgget", Kind.READ, "-g cpu ^"),
            Case.same("cgget", Kind.READ, "-r {w} -r {q} ^"),
            Case.same("cgget", Kind.READ, "^"),
            Case.same("cgget", Kind.READ, "-a ^/a"),
            Case.same("cgget", Kind.READ, "-a ^/a/b"),
            Case.same("cgget", Kind.READ, "-n -v -r {w} ^"),
            Case.same("cgget", Kind.READ, "-r cpu.stat ^"),
            Case.same("cgget", Kind.READ, "-r cpu.stat -v ^"),
            Case.same("cgget", Kind.READ, "-r {w} ^ ^/a"),
            Case.same("cgget", Kind.READ, "-n -r {w} ^ ^"),
            Case.same("cgget", Kind.READ, "-g cpu:^ -g pids:^/a"),
            Case.same("cgget", Kind.READ, "-g cpu,pids:^ -g pids:/"),
            Case.same("cgget", Kind.READ, "-g cpu -g pids ^ ^/a"),
            Case.same("cgget", Kind.READ, "-g cpu -g cpu ^"),
            Case.same("cgget", Kind.READ, "^ -r {w}"),
            Case.same("cgget", Kind.READ, "-r {w} -- ^"),
            Case.same("cgget", Kind.READ, "-nvr {w} ^"),
            Case.same("cgget", Kind.READ, "-r{w} ^"),
            Case.same("cgget", Kind.READ, "--variable={w} --values-only ^"),
            Case.same("cgget", Kind.READ, "-r {w} -r pids.max -r {q} ^"),
            Case.same("cgget", Kind.READ, "-g cpu -v ^"),
            Case.same("cgget", Kind.READ, "-r memory.force_empty ^").when(Layout.V1_MEMORY),
            Case.same("cgget", Kind.READ, "-r memory.events ^").when(Layout.V2_MEMORY),
            Case.same("cgget", Kind.READ, "-r {w} /"),
            Case.same("cgget", Kind.READ, "-g cpu ^/missing"),
            Case.same("cgget", Kind.READ, "-g bogus ^"),
            Case.same("cgget", Kind.READ, "-g :^"),
            Case.same("cgget", Kind.READ, "-n -n -r {w} ^"),
            Case.same("cgget", Kind.READ, "-r cpu.nonexistent ^"),
            Case.same("cgget", Kind.READ, "-r {w} ^/missing"),
            Case.same("cgget", Kind.READ, "-r bogus.x ^"),
            Case.same("cgget", Kind.READ, "-r noDot ^"),
            Case.same("cgget", Kind.READ, "-r {w} -r {w} ^"),
            Case.same("cgget", Kind.READ, "-g cpu:^ -g cpu:^/a -g pids"),
            Case.same("cgget", Kind.READ, "-r {w} ^ ^/missing"),
            Case.jcg("cgget", Kind.READ, "-g cpu:^ ^", 129, USAGE_255),
            Case.jcg("cgget", Kind.READ, "-r {w} -g cpu ^", 129, USAGE_1),
            Case.jcg("cgget", Kind.READ, "-r {w}", 129, USAGE_255),
            Case.jcg("cgget", Kind.READ, "", 129, USAGE_1),
            Case.jcg("cgget", Kind.READ, "-x ^", 129, USAGE_1),
            Case.jcg("cgget", Kind.READ, "-m", 0, "2.0.2 has no -m; 3.x prints the mode line"),
            // ---------------------------------------------------------------- lscgroup
            Case.same("lscgroup", Kind.READ, "cpu:^"),
            Case.same("lscgroup", Kind.READ, "-g cpu:/^/"),
            Case.same("lscgroup", Kind.READ, "cpu:^/a"),
            Case.same("lscgroup", Kind.READ, "pids,cpu:^"),
            Case.same("lscgroup", Kind.READ, "memory:^ cpu:^"),
            Case.same("lscgroup", Kind.READ, "cpuacct:^"),
            Case.same("lscgroup", Kind.READ, "cpu:^/a/b cpuacct:/^"),
            Case.same("lscgroup", Kind.READ, "cpu:^/missing"),
            Case.same("lscgroup", Kind.READ, "bogus:/"),
            Case.same("lscgroup", Kind.READ, "bogus:/ cpu:^/a"),
            Case.jcg("lscgroup", Kind.READ, "^", 129, USAGE_255),
            Case.jcg("lscgroup", Kind.READ, "-g :/", 129, USAGE_255),
            // ---------------------------------------------------------------- cgset
            Case.same("cgset", Kind.SET, "-r {w}=512 @"),
            Case.same("cgset", Kind.SET, "-r {w}=abc @"),
            Case.same("cgset", Kind.SET, "-r bogus.file=1 @"),
            Case.same("cgset", Kind.SET, "-r cpu.nonexistent=1 @"),
            Case.same("cgset", Kind.SET, "-r {w}=100 @/missing"),
            Case.same("cgset", Kind.SET, "-r {q}=500 @"),
            Case.same("cgset", Kind.SET, "-r {w}=512 -r {q}=50000 @"),
            Case.same("cgset", Kind.SET, "-r {w}=401 -r bogus.x=1 @"),
            Case.same("cgset", Kind.SET, "-r {w}=300 -r pids.max=10 @"),
            Case.same("cgset", Kind.SET, "-r pids.max=max @"),
            Case.same("cgset", Kind.SET, "-r pids.max=-5 @"),
            Case.same("cgset", Kind.SET, "-r {mem}=64M @"),
            Case.same("cgset", Kind.SET, "-r cpu.cfs_period_us=50000 -r {q}=25000 @").when(Layout.V1_CPU),
            Case.same("cgset", Kind.SET, "-r cpu.max=25000~50000 @").when(Layout.V2_CPU),
            Case.same("cgset", Kind.SET, "@ -r {w}=300"),
            Case.same("cgset", Kind.SET, "-r {w}=300 -- @"),
            Case.same("cgset", Kind.SET, "--copy-from & @"),
            Case.output("cgset", Kind.SET, "-r {w}=300 @ @/missing", "2.0.2 changes the first group before failing; jcg changes nothing"),
            Case.output("cgset", Kind.SET, "-r {w}=400 -r {q}=10 @", "2.0.2 writes {w} before failing; jcg writes nothing"),
            Case.jcg("cgset", Kind.SET, "-r {w}=1 @", 96, "the kernel clamps 1 to 2 and 2.0.2 exits 0; jcg refuses with the range 2..262144")
                    .when(Layout.V1_CPU),
            Case.same("cgset", Kind.SET, "-r {w}=0 @").when(Layout.V2_CPU),
            Case.same("cgset", Kind.SET, "-r {w}=10001 @").when(Layout.V2_CPU),
            Case.jcg("cgset", Kind.SET, "-r {w}= @", 129, USAGE_255),
            Case.jcg("cgset", Kind.SET, "-r {w} @", 129, "2.0.2 segfaults (139) without =value"),
            Case.jcg("cgset", Kind.SET, "-r =5 @", 129, "2.0.2 exits 0 and sets nothing"),
            Case.jcg("cgset", Kind.SET, "@", 129, USAGE_255),
            Case.jcg("cgset", Kind.SET, "-r {w}=5", 129, USAGE_255),
            Case.jcg("cgset", Kind.SET, "--copy-from & -r {w}=5 @", 129, USAGE_255),
            Case.jcg("cgset", Kind.SET, "--copy-from @/missing @", 82, "2.0.2 reports the missing group but exits 0"),
            Case.jcg("cgset", Kind.SET, "-r {w}=5 -r {w}=6 @", 90, "2.0.2 reports it but exits 0"),
            // ---------------------------------------------------------------- cgcreate
            Case.same("cgcreate", Kind.CREATE, "-g cpu,pids:@/a"),
            Case.same("cgcreate", Kind.CREATE, "-g cpu:@/a -g pids:@/b/c"),
            Case.same("cgcreate", Kind.CREATE, "-g cpu:@"),
            Case.same("cgcreate", Kind.CREATE, "-g bogus:@/a"),
            Case.same("cgcreate", Kind.CREATE, "-d 0700 -f 0600 -g cpu:@/a"),
            Case.same("cgcreate", Kind.CREATE, "-a root:root -t root:root -g cpu:@/a"),
            Case.output("cgcreate", Kind.CREATE, "-g {cpu}:@/a -g cpu,bogus:@/b", "2.0.2 leaves @/a behind; jcg removes it"),
            Case.jcg("cgcreate", Kind.CREATE, "-g cpu", 129, USAGE_255),
            Case.jcg("cgcreate", Kind.CREATE, "-g cpu:@/a extra", 129, USAGE_255),
            Case.jcg("cgcreate", Kind.CREATE, "", 129, USAGE_255),
            Case.jcg("cgcreate", Kind.CREATE, "-d 75 -g cpu:@/a", 129, "2.0.2 prints 'wrong mode format' on stdout and exits 255"),
            Case.jcg("cgcreate", Kind.CREATE, "-a nosuchuser -g cpu:@/a", 129, "2.0.2 reports the user, creates nothing, exits 0"),
            Case.jcg("cgcreate", Kind.CREATE, "-g :@/v2only", 0, "2.0.2 cannot parse :path; 3.x creates a v2-only group")
                    .when(Layout.HAS_V2),
            Case.jcg("cgcreate", Kind.CREATE, "-g :@/v2only", 84, "2.0.2 cannot parse :path; with no v2 hierarchy 3.x fails"
                    + " building the path (ECGOTHER, 96, 'can't create cgroup: Success'); jcg names the missing v2 hierarchy"
                    + " with libcgroup's code for it, ECGROUPSUBSYSNOTMOUNTED (84), and creates nothing").when(Layout.NO_V2),
            // ---------------------------------------------------------------- cgdelete
            Case.same("cgdelete", Kind.DELETE, "cpu:@/c"),
            Case.same("cgdelete", Kind.DELETE, "cpu,pids:@/a"),
            Case.same("cgdelete", Kind.DELETE, "-r cpu:@/a"),
            Case.same("cgdelete", Kind.DELETE, "cpu:@/missing"),
            Case.same("cgdelete", Kind.DELETE, "-g cpu:@/c cpu:@/missing"),
            Case.same("cgdelete", Kind.DELETE, "bogus:@/c"),
            Case.same("cgdelete", Kind.DELETE, "cpu:@/a/b cpu:@/c"),
            Case.same("cgdelete", Kind.DELETE, "cpu:/"),
            Case.jcg("cgdelete", Kind.DELETE, "", 129, "2.0.2 (and 3.0) exit 0 without arguments; 3.1 and later print the usage error and exit 129"),
            Case.output("cgdelete", Kind.DELETE, "-r cpu,pids:@/a", "2.0.2 removes the group from the first controller's hierarchy only"),
            Case.jcg("cgdelete", Kind.DELETE, "@/c", 129, USAGE_255),
            // ---------------------------------------------------------------- cgclassify
            Case.same("cgclassify", Kind.CLASSIFY, "-g cpu:@ %"),
            Case.same("cgclassify", Kind.CLASSIFY, "-g cpu,pids:@ %"),
            Case.same("cgclassify", Kind.CLASSIFY, "-g cpu:@/missing %"),
            Case.same("cgclassify", Kind.CLASSIFY, "-g cpu:@ abc % 2147483000"),
            Case.same("cgclassify", Kind.CLASSIFY, "-g cpu:@ 2147483000 abc"),
            Case.same("cgclassify", Kind.CLASSIFY, "-g cpu:@"),
            Case.same("cgclassify", Kind.CLASSIFY, "--sticky -g cpu:@ %"),
            Case.same("cgclassify", Kind.CLASSIFY, "--cancel-sticky -g cpu:@ %"),
            Case.same("cgclassify", Kind.CLASSIFY, "-g bogus:@ %"),
            Case.same("cgclassify", Kind.CLASSIFY, "-g cpu:@ -g pids:@ % %"),
            Case.same("cgclassify", Kind.CLASSIFY, "-g cpu:@ -- %"),
            Case.jcg("cgclassify", Kind.CLASSIFY, "% -g cpu:@", 2, "without -g libcgroup applies cgrules.conf and prints its error on stdout; jcg has no rules"),
            Case.jcg("cgclassify", Kind.CLASSIFY, "", 129, "2.0.2 exits 2 on wrong usage, 3.x 129"),
            Case.jcg("cgclassify", Kind.CLASSIFY, "-g cpu %", 129, USAGE_255));

    private static KernelFixture kernel;
    private static final List<String> REPORT = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        KernelFixture.skipUnless(Peer.installed("cgget") && Peer.installed("cgset") && Peer.installed("cgcreate")
                && Peer.installed("cgdelete") && Peer.installed("cgclassify") && Peer.installed("lscgroup"),
                "libcgroup's tools are not installed (apt-get install cgroup-tools)");
        kernel = KernelFixture.require();
        String weight = kernel.weightFile();
        boolean v2Cpu = kernel.onV2(Controller.CPU);
        kernel.create("r/a/b", kernel.cpuControllers() + ",pids,memory");
        kernel.create("r/zeta", "cpu");
        kernel.create("r/alpha", "cpu");
        kernel.group("r", "cpu").write(weight, "512");
        kernel.group("r", "pids").write("pids.max", "42");
        kernel.create("src", "cpu,pids");
        kernel.group("src", "cpu").write(weight, "777");
        kernel.group("src", "cpu").write(v2Cpu ? "cpu.max" : "cpu.cfs_quota_us", v2Cpu ? "30000 100000" : "30000");
        kernel.group("src", "pids").write("pids.max", "42");
        System.out.println("libcgroup (peer) vs jcg on the " + KernelFixture.layoutName() + " layout (" + kernel.host.mode()
                + "; cpu on " + kernel.hierarchy(Controller.CPU).version() + ", memory on "
                + kernel.hierarchy(Controller.MEMORY).version() + ")");
    }

    @AfterAll
    static void tearDown() {
        if (kernel != null) {
            kernel.close();
            System.out.println("libcgroup (peer) vs jcg, " + REPORT.size() + " invocations:");
            REPORT.forEach(System.out::println);
        }
    }

    @TestFactory
    Stream<DynamicTest> jcgBehavesAsLibcgroup() {
        int[] n = {0};
        return CASES.stream().filter(c -> c.layout.holds(kernel)).map(c -> c.on(kernel))
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> compare(c, ++n[0])));
    }

    private static void compare(Case c, int number) {
        Side peer = new Side(c.kind == Kind.READ ? kernel.path("r") : kernel.path("c" + number + "p"));
        Side jcg = new Side(c.kind == Kind.READ ? kernel.path("r") : kernel.path("c" + number + "j"));
        try {
            peer.prepare(c.kind);
            jcg.prepare(c.kind);
            Run theirs = Peer.run(c.tool, peer.args(c.args));
            Run ours = Run.as(c.tool, jcg.args(c.args).toArray(String[]::new));
            String theirState = peer.state(c.kind);
            String ourState = jcg.state(c.kind);
            REPORT.add(String.format("  %-4s peer %3d  jcg %3d  %s", c.check == Check.SAME ? "=" : c.check == Check.SAME_OUTPUT ? "=out" : "3.x",
                    theirs.status(), ours.status(), c));
            if (ours.status() == 0) {
                assertThat(ours.err()).as("jcg prints nothing on stderr on success").isEmpty();
            } else {
                assertThat(ours.err()).as("jcg explains a failure on stderr").isNotEmpty();
            }
            if (c.check == Check.JCG_ONLY) {
                assertThat(ours.status()).as(ours.toString()).isEqualTo(c.jcgStatus);
                return;
            }
            assertThat(jcg.normalize(ours.out())).as("stdout").isEqualTo(peer.normalize(theirs.out()));
            assertThat(ours.status()).as("exit status; libcgroup said " + theirs.err() + "; jcg said " + ours.err())
                    .isEqualTo(theirs.status());
            if (c.check == Check.SAME) {
                assertThat(jcg.normalize(ourState)).as("state afterwards").isEqualTo(peer.normalize(theirState));
            }
        } finally {
            peer.stop();
            jcg.stop();
        }
    }

    /** One side of a comparison: its group, its sleeping process, and how to read its state. */
    private static final class Side {
        private final String base;
        private Process sleeper;

        Side(String base) {
            this.base = base;
        }

        void prepare(Kind kind) {
            switch (kind) {
                case READ -> {
                }
                case SET -> create(base, "cpu,pids,memory");
                case CREATE -> create(base, "cpu");
                case DELETE -> {
                    create(base + "/a/b", "cpu,pids");
                    create(base + "/c", "cpu");
                    sleeper = kernel.sleeper();
                    kernel.host.group(base + "/c", io.github.jcg.core.ControllerSelection.parse("cpu")).attach(sleeper.pid());
                }
                case CLASSIFY -> {
                    create(base, "cpu,pids");
                    sleeper = kernel.sleeper();
                }
            }
        }

        private static void create(String path, String controllers) {
            kernel.host.group(path, io.github.jcg.core.ControllerSelection.parse(controllers)).create();
        }

        List<String> args(String template) {
            List<String> args = new ArrayList<>();
            for (String word : template.isEmpty() ? new String[0] : template.split(" ")) {
                args.add(word.replace("~", " ").replace("@", base).replace("^", kernel.path("r")).replace("&", kernel.path("src"))
                        .replace("%", sleeper == null ? "%" : Long.toString(sleeper.pid())));
            }
            return args;
        }

        String normalize(String text) {
            String t = text.replace(base, "<G>");
            return sleeper == null ? t : t.replace(Long.toString(sleeper.pid()), "<PID>");
        }

        /** What a changing command may have changed: values, the group tree, or where the sleeper is. */
        String state(Kind kind) {
            return switch (kind) {
                case READ -> "";
                case SET -> values();
                case CREATE -> tree();
                case DELETE -> tree() + placement();
                case CLASSIFY -> placement();
            };
        }

        private String values() {
            StringBuilder out = new StringBuilder();
            // both versions' names: the other version's read as unreadable on both sides
            for (String file : List.of("cpu.shares", "cpu.weight", "cpu.cfs_quota_us", "cpu.cfs_period_us", "cpu.max", "pids.max",
                    "memory.limit_in_bytes", "memory.max")) {
                String value;
                try {
                    value = kernel.host.group(base).read(file).strip();
                } catch (CgroupException e) {
                    value = "(unreadable)";
                }
                out.append(file).append('=').append(value).append('\n');
            }
            return out.toString();
        }

        private String tree() {
            List<String> dirs = new ArrayList<>();
            for (Hierarchy h : kernel.host.layout().hierarchies()) {
                Path top = h.mountPoint().resolve(base);
                if ((h.controllers().isEmpty() && h.version() == CgroupVersion.V1) || !Files.isDirectory(top)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(top)) {
                    walk.filter(Files::isDirectory).forEach(d -> dirs.add(h.label() + ":" + top.relativize(d)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            dirs.sort(null);
            return String.join("\n", dirs) + "\n";
        }

        private String placement() {
            return sleeper == null ? "" : Arrays.stream(new Controller[] {Controller.CPU, Controller.PIDS})
                    .map(c -> c.kernelName() + ":" + kernel.groupOf(sleeper.pid(), c)).reduce("", (a, b) -> a + b + "\n");
        }

        void stop() {
            if (sleeper != null) {
                sleeper.destroyForcibly();
            }
        }
    }
}
