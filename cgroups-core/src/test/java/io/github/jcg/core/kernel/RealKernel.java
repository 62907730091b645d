package io.github.jcg.core.kernel;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.ProcessIds;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Shared set-up for tests that need root and a real kernel: this machine's hierarchies, or one
 * of the VM lane's layouts (pure v2, v1 only, split), whichever the JVM runs on. Every group a
 * test makes lives under one uniquely named parent that {@link #close()} removes, killing
 * anything left in it, so a failing test leaves nothing behind.
 *
 * <p>Tests are version-aware rather than version-specific: they ask where a controller lives
 * ({@link #onV2(Controller)}) and assert the files of that version. A test skips only where the
 * layout lacks the feature, saying why.
 *
 * <p>On a real host, processes are only ever attached in the cpu, cpuacct, pids and freezer
 * hierarchies and in the controller-less v2 mount of a hybrid host, never in the memory
 * hierarchy: the machine's own supervisor keeps its processes in memory groups we must not take
 * them out of. {@link #attach(Cgroup, long)} enforces that. Inside the VM lane's guest (system
 * property {@code jcg.vm.layout}) any hierarchy is ours.
 */
final class RealKernel implements AutoCloseable {
    /** The controllers tests may attach processes in on a real host. */
    static final ControllerSelection ATTACHABLE = ControllerSelection.parse("cpu,cpuacct,pids,freezer");
    /** The VM lane's layout ({@code v2}, {@code v1}, {@code split}); empty on a real host. */
    static final Optional<String> VM_LAYOUT = Optional.ofNullable(System.getProperty("jcg.vm.layout"));

    final CgroupHost host = CgroupHost.discover();
    final String parent = "jcg-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Process> started = new ArrayList<>();

    /** Skips (with a printed reason) unless we are root with at least one writable cgroup hierarchy. */
    static RealKernel require() {
        requireRoot();
        CgroupHost host = CgroupHost.discover();
        skipUnless(host.layout().hierarchies().stream().anyMatch(h -> Files.isWritable(h.mountPoint())),
                "no writable cgroup hierarchy on this host (mode " + host.mode() + ")");
        return new RealKernel();
    }

    /**
     * Skips unless there is a writable v2 hierarchy that holds every controller named: with none
     * named, the unified mount of a hybrid host (core files only) will do.
     */
    static RealKernel requireV2(Controller... controllers) {
        RealKernel kernel = require();
        Optional<Hierarchy> unified = kernel.host.layout().unified();
        skipUnless(unified.map(h -> Files.isWritable(h.mountPoint())).orElse(false),
                "no writable cgroup v2 hierarchy in this layout (" + kernel.describe() + ")");
        for (Controller c : controllers) {
            skipUnless(kernel.onV2(c), "the " + c + " controller is not on the cgroup v2 hierarchy in this layout ("
                    + kernel.describe() + ")");
        }
        return kernel;
    }

    static void requireRoot() {
        skipUnless(uid() == 0, "these tests create cgroups and need root (uid is " + uid() + ")");
    }

    static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.err.println("SKIPPED real-kernel test: " + reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }

    static boolean inVm() {
        return VM_LAYOUT.isPresent();
    }

    static long uid() {
        try {
            return ProcessIds.current().effectiveUid();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- where things live

    /** "the VM's split layout: cpu,cpuacct on v1 …" — for skip reasons and failure messages. */
    String describe() {
        String where = VM_LAYOUT.map(l -> "the VM's " + l + " layout").orElse("this host, mode " + host.mode());
        return where + ": " + host.layout().hierarchies().stream()
                .map(h -> h.label() + " " + h.version()).collect(Collectors.joining(", "));
    }

    boolean has(Controller c) {
        return host.layout().hierarchyOf(c).isPresent();
    }

    Hierarchy hierarchyOf(Controller c) {
        return host.layout().hierarchyOf(c).orElseThrow(() -> new AssertionError(c + " is not mounted in " + describe()));
    }

    boolean onV2(Controller c) {
        return host.layout().hierarchyOf(c).map(h -> h.version() == CgroupVersion.V2).orElse(false);
    }

    /** The version that holds a controller's files; fails when the controller is not mounted. */
    CgroupVersion versionOf(Controller c) {
        return hierarchyOf(c).version();
    }

    /**
     * The named controllers this layout has, as a selection: {@code cpu,cpuacct} on v1 is
     * {@code cpu} on v2, where cpuacct's accounting is cpu.stat. Every name given must be
     * mounted except cpuacct (v2 has none).
     */
    ControllerSelection select(String names) {
        Set<String> kept = new LinkedHashSet<>();
        for (String name : names.split(",")) {
            Controller c = Controller.byName(name).orElseThrow();
            if (has(c)) {
                kept.add(name);
            } else if (c != Controller.CPUACCT) {
                throw new AssertionError(name + " is not mounted in " + describe());
            }
        }
        return ControllerSelection.parse(String.join(",", kept));
    }

    /**
     * {@link #select(String)} plus what freezing needs: the v1 freezer where it is mounted;
     * otherwise the group must reach the v2 mount (cgroup.freeze, cgroup.kill), so on a split
     * layout whose named controllers are all on v1 a v2 controller is added.
     */
    ControllerSelection freezable(String names) {
        if (has(Controller.FREEZER) && !onV2(Controller.FREEZER)) {
            return select(names + ",freezer");
        }
        ControllerSelection base = select(names);
        if (host.hierarchiesFor(base).stream().anyMatch(h -> h.version() == CgroupVersion.V2)) {
            return base;
        }
        Controller onV2 = Stream.of(Controller.PIDS, Controller.MEMORY, Controller.IO).filter(this::onV2).findFirst()
                .orElseThrow(() -> new AssertionError("neither a v1 freezer nor a v2 controller in " + describe()));
        return select(names + "," + onV2.kernelName());
    }

    /** A path under this test's parent. */
    String path(String child) {
        return parent + "/" + child;
    }

    Cgroup group(String child, String controllers) {
        return host.group(path(child), select(controllers));
    }

    Cgroup group(String child, ControllerSelection selection) {
        return host.group(path(child), selection);
    }

    /** The group's directory in the hierarchy that holds a controller. */
    Path dir(Cgroup g, Controller c) {
        return g.directory(hierarchyOf(c));
    }

    // ---------------------------------------------------------------- version-aware reads

    /** The CFS quota in µs, -1 for none: cpu.cfs_quota_us on v1, the first field of cpu.max on v2. */
    long quotaMicros(Cgroup g) {
        if (onV2(Controller.CPU)) {
            String max = g.read("cpu.max").strip().split("\\s+")[0];
            return max.equals("max") ? -1 : Long.parseLong(max);
        }
        return Long.parseLong(g.read("cpu.cfs_quota_us").strip());
    }

    /** The CFS period in µs: cpu.cfs_period_us on v1, the second field of cpu.max on v2. */
    long periodMicros(Cgroup g) {
        if (onV2(Controller.CPU)) {
            return Long.parseLong(g.read("cpu.max").strip().split("\\s+")[1]);
        }
        return Long.parseLong(g.read("cpu.cfs_period_us").strip());
    }

    /** A controller's file by version: {@code v1File} where it is on v1, {@code v2File} on v2. */
    String read(Cgroup g, Controller c, String v1File, String v2File) {
        return g.read(onV2(c) ? v2File : v1File).strip();
    }

    // ---------------------------------------------------------------- processes

    /** Whether a test may put processes into every hierarchy of this group (see the class comment). */
    boolean mayAttach(Cgroup g) {
        return inVm() || g.hierarchies().stream().allMatch(this::attachableOnHost);
    }

    private boolean attachableOnHost(Hierarchy h) {
        if (h.has(Controller.MEMORY)) {
            return false;
        }
        if (h.version() == CgroupVersion.V2) {
            // the hybrid host's v2 mount has only core files (no memory): our own children may move there
            return true;
        }
        return !h.controllers().isEmpty() && h.controllers().stream().allMatch(ATTACHABLE::includes);
    }

    /** {@link Cgroup#attach}, refused where this host's rule forbids it (a test bug, not a kernel one). */
    void attach(Cgroup g, long pid) {
        if (!mayAttach(g)) {
            throw new AssertionError("test bug: on this host processes may not join " + g.hierarchies()
                    + " (only " + ATTACHABLE + " and the v2 core mount)");
        }
        g.attach(pid);
    }

    /** A CPU-burning shell loop, killed by {@link #close()} if the test does not end it. */
    Process busyLoop() throws IOException {
        return start("sh", "-c", "while :; do :; done");
    }

    Process sleeper() throws IOException {
        return start("sleep", "300");
    }

    Process start(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return p;
    }

    /**
     * A shell that waits for a line on stdin before running {@code script}, so a test can attach
     * it first: {@link Waiting#go()} lets it run. Its output (stdout and stderr) can be read.
     */
    Waiting waiting(String script) throws IOException {
        return waiting(List.of("sh", "-c", "read go; " + script));
    }

    Waiting waiting(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(p);
        return new Waiting(p);
    }

    /**
     * A second JVM that only sleeps: a real multi-threaded process (GC, compiler, signal threads
     * and two of its own), returned once all of them have started.
     */
    Process sleepingJvm() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Waiting jvm = waiting(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m",
                "-cp", System.getProperty("java.class.path"), SleepingJvm.class.getName()));
        String first = jvm.readLine();
        if (!"ready".equals(first)) {
            throw new AssertionError("the sleeping JVM did not start: " + first);
        }
        return jvm.process;
    }

    /** Thread ids of a process, from /proc. */
    static List<Long> threadsOf(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return tasks.map(t -> Long.parseLong(t.getFileName().toString())).sorted().toList();
        }
    }

    /**
     * The number after {@code key} in a flat keyed file ({@code pids.events}, {@code cgroup.stat}:
     * one {@code key value} pair a line); empty when the key is not there.
     */
    static OptionalLong keyed(String text, String key) {
        return text.lines().map(l -> l.strip().split("\\s+"))
                .filter(words -> words.length == 2 && words[0].equals(key))
                .mapToLong(words -> Long.parseLong(words[1])).findFirst();
    }

    /** Whether any of the group's directories is left, in any hierarchy selected for it (a half-made or half-removed group). */
    static boolean existsInAnyHierarchy(Cgroup group) {
        return group.hierarchies().stream().anyMatch(h -> Files.isDirectory(group.directory(h), LinkOption.NOFOLLOW_LINKS));
    }

    /** A process's (or thread's) line for the v2 hierarchy in /proc/PID/cgroup, e.g. {@code 0::/a/b}. */
    static String v2CgroupOf(String procEntry) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + procEntry + "/cgroup")).stream()
                .filter(l -> l.startsWith("0::")).findFirst().orElse("");
    }

    /** A started shell held at its first {@code read}. */
    static final class Waiting {
        final Process process;
        private final BufferedReader out;

        Waiting(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        long pid() {
            return process.pid();
        }

        /** Lets the shell run its script. */
        void go() throws IOException {
            process.getOutputStream().write('\n');
            process.getOutputStream().flush();
        }

        /** Closes its stdin (a second {@code read} then returns). */
        void closeInput() throws IOException {
            process.getOutputStream().close();
        }

        String readLine() {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Everything it prints until it exits, and its exit status on the last line. */
        String outputAndExit() throws IOException, InterruptedException {
            StringBuilder text = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                text.append(line).append('\n');
            }
            return text.append("exit ").append(process.waitFor()).toString();
        }
    }

    @Override
    public void close() {
        for (Process p : started) {
            p.destroyForcibly();
        }
        DeleteOptions everything = DeleteOptions.defaults().recursively().onPopulated(DeleteOptions.OnPopulated.KILL).ignoringMissing();
        host.group(parent, ControllerSelection.all()).delete(everything);
        for (Hierarchy h : host.layout().hierarchies()) {
            if (Files.exists(h.mountPoint().resolve(parent))) {
                throw new AssertionError("test parent " + parent + " was left in " + h.mountPoint());
            }
        }
    }
}
