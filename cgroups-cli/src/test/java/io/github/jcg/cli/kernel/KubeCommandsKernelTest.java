package io.github.jcg.cli.kernel;

import io.github.jcg.cli.Run;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jcg kube} on the real kernel, in whatever layout this is (the host, the VM lane's v2, v1
 * and split guests): what {@code apply} writes is exactly what {@code --plan} printed, read back
 * from the kernel file by file, for a Burstable and a Guaranteed pod; {@code exec} runs in the
 * container's group with its status passed on; a memory limit OOM-kills; {@code delete} leaves
 * nothing behind, the cgroup root it made included.
 *
 * <p>On a real host with v1 memory, {@code exec} places its command in the cpu, cpuacct and pids
 * groups only ({@code --controllers}): the machine's supervisor keeps this process in a memory
 * group that is not ours to take its children out of; the OOM case runs in the VM lane.
 */
class KubeCommandsKernelTest {
    private static final String BURSTABLE = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: app
                resources:
                  requests: {cpu: 250m, memory: 64Mi}
                  limits: {cpu: 500m, memory: 128Mi}
              - name: log
                resources:
                  requests: {cpu: 100m}
            """;
    private static final String GUARANTEED = """
            apiVersion: v1
            kind: Pod
            metadata: {name: db}
            spec:
              containers:
              - name: pg
                resources:
                  limits: {cpu: "1", memory: 256Mi}
            """;
    private static final Pattern GROUP = Pattern.compile("\\{\"path\":\"([^\"]+)\",\"role\":\"[a-z]+\",\"container\":[^,]+,\"files\":\\{([^}]*)}");
    private static final Pattern FILE = Pattern.compile("\"([^\"]+)\":\"([^\"]*)\"");

    private static KernelFixture kernel;
    private static String controllers;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        kernel = KernelFixture.require();
        Hierarchy memory = kernel.host.layout().hierarchyOf(Controller.MEMORY).orElseThrow();
        boolean memoryIsOurs = !"host".equals(KernelFixture.layoutName()) || memory.version() == CgroupVersion.V2
                || "/".equals(kernel.groupOf(ProcessHandle.current().pid(), Controller.MEMORY));
        controllers = memoryIsOurs ? null : (kernel.onV2(Controller.CPU) ? "cpu,pids" : "cpu,cpuacct,pids");
    }

    @AfterAll
    static void tearDown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private Run kube(String root, String... args) {
        List<String> argv = new ArrayList<>(List.of("kube", args[0], "--cgroup-root", "/" + kernel.path(root),
                "--state-dir", tmp.resolve("state").toString()));
        argv.addAll(List.of(args).subList(1, args.length));
        return Run.as("jcg", argv.toArray(new String[0]));
    }

    private Path manifest(String name, String text) throws IOException {
        Path f = tmp.resolve(name + ".yaml");
        Files.writeString(f, text);
        return f;
    }

    /** Every group of a plan printed with -o json: path to file to value, in order. */
    private static Map<String, Map<String, String>> groups(String json) {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        Matcher g = GROUP.matcher(json);
        while (g.find()) {
            Map<String, String> files = new LinkedHashMap<>();
            Matcher f = FILE.matcher(g.group(2));
            while (f.find()) {
                files.put(f.group(1), f.group(2));
            }
            groups.put(g.group(1), files);
        }
        return groups;
    }

    private static void assertKernelHolds(String pod, Map<String, Map<String, String>> planned) {
        assertThat(planned).isNotEmpty();
        // printed for the record (the VM lane's console logs keep it): planned and read back, per layout
        System.out.println("kube " + KernelFixture.layoutName() + " " + pod + ": group, file, planned, written");
        planned.forEach((path, files) -> files.forEach((file, value) -> {
            String actual = kernel.host.group(path).read(file).strip();
            System.out.println("  " + path.replaceFirst("^/" + kernel.parent, "") + "  " + file + "  " + value + "  " + actual);
            assertThat(actual).as(path + "/" + file).isEqualTo(value);
        }));
    }

    private static void assertGone(String root) {
        for (Hierarchy h : kernel.host.layout().hierarchies()) {
            assertThat(h.mountPoint().resolve(kernel.path(root))).as("the cgroup root jcg made is removed").doesNotExist();
        }
    }

    @Test
    void applyWritesExactlyWhatThePlanSaysForBurstableAndGuaranteedPods() throws IOException {
        Path web = manifest("web", BURSTABLE);
        Path db = manifest("db", GUARANTEED);
        for (Path pod : List.of(web, db)) {
            Run plan = kube("apply", "apply", "-f", pod.toString(), "--plan", "-o", "json");
            assertThat(plan.status()).as(plan.toString()).isZero();
            Run applied = kube("apply", "apply", "-f", pod.toString(), "-o", "json");
            assertThat(applied.status()).as(applied.toString()).isZero();
            assertThat(groups(applied.out())).isEqualTo(groups(plan.out()));
            assertKernelHolds(pod.getFileName().toString(), groups(applied.out()));
        }
        Run delete = kube("apply", "delete", "-f", web.toString(), "-f", db.toString());
        assertThat(delete.status()).as(delete.toString()).isZero();
        assertThat(delete.out()).contains("pod \"web\" deleted").contains("pod \"db\" deleted");
        assertGone("apply");
        assertThat(tmp.resolve("state")).isDirectoryNotContaining("glob:**.json");
    }

    @Test
    void aSecondPodRaisesTheBurstableTiersSharesAndDeletingItLowersThemAgain() throws IOException {
        Path web = manifest("web", BURSTABLE);
        Path other = manifest("other", BURSTABLE.replace("name: web", "name: other").replace("cpu: 250m, memory", "cpu: 450m, memory"));
        Run first = kube("tier", "apply", "-f", web.toString());
        assertThat(first.status()).as(first.toString()).isZero();
        String tier = "/" + kernel.path("tier") + "/kubepods/burstable";
        String cpuFile = kernel.onV2(Controller.CPU) ? "cpu.weight" : "cpu.shares";
        String one = kernel.host.group(tier).read(cpuFile).strip();
        Run second = kube("tier", "apply", "-f", other.toString());
        assertThat(second.status()).as(second.toString()).isZero();
        String two = kernel.host.group(tier).read(cpuFile).strip();
        assertThat(Long.parseLong(two)).isGreaterThan(Long.parseLong(one));
        if (!kernel.onV2(Controller.CPU)) {
            assertThat(one).isEqualTo("358");  // web's 250m + 100m = 350m: 350 x 1024 / 1000
            assertThat(two).isEqualTo("921");  // and other's 450m + 100m: 900m x 1024 / 1000
        }
        assertThat(kube("tier", "delete", "-f", other.toString()).status()).isZero();
        assertThat(kernel.host.group(tier).read(cpuFile).strip()).isEqualTo(one);
        assertThat(kube("tier", "delete", "-f", web.toString()).status()).isZero();
        assertGone("tier");
    }

    @Test
    void execRunsInTheContainersGroupAndPassesItsStatusOn() throws IOException {
        Path web = manifest("web", BURSTABLE);
        Path seen = tmp.resolve("cgroup");
        List<String> args = new ArrayList<>(List.of("exec", "-f", web.toString(), "-c", "app"));
        if (controllers != null) {
            args.addAll(List.of("--controllers", controllers));
        }
        args.addAll(List.of("--", "sh", "-c", "cat /proc/self/cgroup > " + seen + "; exit 7"));
        Run r = kube("exec", args.toArray(new String[0]));
        assertThat(r.status()).as(r.toString()).isEqualTo(7);
        assertThat(Files.readString(seen)).contains("/" + kernel.path("exec") + "/kubepods/burstable/pod");
        assertThat(Files.readString(seen)).contains("/app\n");
        assertGone("exec"); // a pod applied for the run goes with it
    }

    @Test
    void overItsMemoryLimitAContainerIsOomKilled() throws IOException {
        KernelFixture.skipUnless(controllers == null,
                "processes may not join this host's v1 memory hierarchy (its supervisor's groups live there); the VM lane runs this");
        Path hog = manifest("hog", """
                apiVersion: v1
                kind: Pod
                metadata: {name: hog}
                spec:
                  containers:
                  - name: tail
                    resources:
                      limits: {memory: 32Mi}
                """);
        Run r = kube("oom", "exec", "-f", hog.toString(), "--", "sh", "-c", "x=aaaaaaaaaaaaaaaa; while :; do x=$x$x; done");
        assertThat(r.status()).as(r.toString()).isEqualTo(137);
        assertThat(r.err()).contains("hog/tail was OOM-killed at its memory limit (32Mi)");
        assertGone("oom");
    }
}
