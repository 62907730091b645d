package io.github.jcg.core;

import io.github.jcg.core.limit.CpuList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One uniquely named group tree on the real (hybrid) kernel, for {@link BadInputTest}.
 *
 * <pre>
 * P = jcg-test-badinput-&lt;random&gt;      cpu,cpuacct,pids,memory,freezer   cpu.cfs_quota_us 50000 / 100000
 * P/child                               same                               quota 20000/100000, shares 512,
 *                                                                           pids.max 100, memory 256M (memsw 512M),
 *                                                                           soft limit 128M
 * P/busy                                cpu,cpuacct,pids,freezer            holds a sleep process we started
 * P/halfcpu                             cpu only                            (exists in cpu, not in pids)
 * P, P/narrow, P/narrow/x               cpuset                              narrow and x hold one CPU
 * P                                     cgroup2 (unified)                   cgroup.max.depth 1
 * </pre>
 *
 * The sleep process is only ever moved between cpu/cpuacct/pids/freezer groups made here; the
 * memory hierarchy is never asked to move a process. Nothing outside P is written.
 */
final class RealHostFixture implements AutoCloseable {
    static final String SELECTION = "cpu,cpuacct,pids,memory,freezer";
    /** For every handle that attaches a process: never the memory hierarchy. */
    static final String NO_MEMORY = "cpu,cpuacct,pids,freezer";

    /** The limit files (and task lists) whose text must not change when bad input is refused. */
    private static final List<String> WATCHED_FILES = List.of(
            "cpu.cfs_quota_us", "cpu.cfs_period_us", "cpu.cfs_burst_us", "cpu.shares",
            "pids.max",
            "memory.limit_in_bytes", "memory.soft_limit_in_bytes", "memory.memsw.limit_in_bytes", "memory.swappiness",
            "freezer.state",
            "cpuset.cpus", "cpuset.mems", "cpuset.cpu_exclusive",
            "cgroup.procs", "cgroup.max.depth", "cgroup.subtree_control");

    private static final List<Controller> REQUIRED = List.of(
            Controller.CPU, Controller.CPUACCT, Controller.PIDS, Controller.MEMORY, Controller.FREEZER);

    final CgroupHost host;
    /** The parent group's name, e.g. jcg-test-badinput-1a2b3c4d. */
    final String name;
    Process sleeper;
    long sleeperPid;
    /** A pid whose process has exited (and been reaped). */
    long exitedPid;
    boolean hasMemsw;
    boolean hasBurst;
    /** CPU held by P/narrow (empty when the cpuset part could not be set up). */
    Optional<Integer> narrowCpu = Optional.empty();
    /** A CPU of the host that P/narrow does not hold. */
    int otherCpu;
    /** A memory node the host does not have. */
    int missingNode;
    boolean hasUnifiedParent;
    /** The directories the fixture made, as {@link #snapshot()} keys them. */
    private Set<String> fixtureDirs = Set.of();

    private RealHostFixture(CgroupHost host, String name) {
        this.host = host;
        this.name = name;
    }

    /** Why the real-kernel rows cannot run here, or empty when they can. */
    static Optional<String> whyNotRunnable() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.of("not Linux");
        }
        if (!isRoot()) {
            return Optional.of("not running as root (uid 0)");
        }
        CgroupHost host;
        try {
            host = CgroupHost.discover();
        } catch (RuntimeException e) {
            return Optional.of("cgroup discovery failed: " + e.getMessage());
        }
        for (Controller c : REQUIRED) {
            Optional<Hierarchy> h = host.layout().hierarchyOf(c);
            if (h.isEmpty() || h.get().version() != CgroupVersion.V1) {
                return Optional.of("the " + c + " controller is not on a cgroup v1 hierarchy (mode " + host.mode() + ")");
            }
            if (!Files.isWritable(h.get().mountPoint())) {
                return Optional.of(h.get().mountPoint() + " is not writable");
            }
        }
        return Optional.empty();
    }

    private static boolean isRoot() {
        try {
            return ProcessIds.current().isRoot();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static RealHostFixture create() throws Exception {
        CgroupHost host = CgroupHost.discover();
        String name = "jcg-test-badinput-" + HexFormat.of().formatHex(SecureRandom.getSeed(4));
        RealHostFixture f = new RealHostFixture(host, name);
        try {
            f.build();
        } catch (Throwable t) {
            f.close();
            throw t;
        }
        return f;
    }

    private void build() throws Exception {
        host.group(name, ControllerSelection.parse(SELECTION)).create();
        set(Controller.CPU, "", "cpu.cfs_quota_us", "50000");

        host.group(name + "/child", ControllerSelection.parse(SELECTION)).create();
        hasMemsw = Files.exists(dir(Controller.MEMORY, "child").resolve("memory.memsw.limit_in_bytes"));
        hasBurst = Files.exists(dir(Controller.CPU, "child").resolve("cpu.cfs_burst_us"));
        setKnownLimits();

        host.group(name + "/busy", ControllerSelection.parse(NO_MEMORY)).create();
        sleeper = new ProcessBuilder("sleep", "600").redirectErrorStream(true).start();
        sleeperPid = sleeper.pid();
        host.group(name + "/busy", ControllerSelection.parse(NO_MEMORY)).attach(sleeperPid);

        host.group(name + "/halfcpu", ControllerSelection.parse("cpu")).create();

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        exitedPid = gone.pid();

        buildCpuset();
        buildUnified();
        fixtureDirs = snapshot().keySet().stream().filter(k -> k.endsWith("/")).collect(Collectors.toSet());
    }

    /** The limits P/child starts with; rewritten after a row that changed something by mistake. */
    void setKnownLimits() {
        set(Controller.CPU, "child", "cpu.cfs_period_us", "100000");
        set(Controller.CPU, "child", "cpu.cfs_quota_us", "20000");
        if (hasBurst) {
            set(Controller.CPU, "child", "cpu.cfs_burst_us", "0");
        }
        set(Controller.CPU, "child", "cpu.shares", "512");
        set(Controller.PIDS, "child", "pids.max", "100");
        set(Controller.MEMORY, "child", "memory.limit_in_bytes", Long.toString(256L << 20));
        if (hasMemsw) {
            set(Controller.MEMORY, "child", "memory.memsw.limit_in_bytes", Long.toString(512L << 20));
        }
        set(Controller.MEMORY, "child", "memory.limit_in_bytes", Long.toString(256L << 20));
        set(Controller.MEMORY, "child", "memory.soft_limit_in_bytes", Long.toString(128L << 20));
    }

    /**
     * P/narrow gets one CPU so that its child can be asked for one outside it. No group is made
     * cpu_exclusive: that would stop other groups at the root from inheriting every CPU.
     */
    private void buildCpuset() throws IOException {
        Optional<Hierarchy> cpuset = host.layout().hierarchyOf(Controller.CPUSET)
                .filter(h -> h.version() == CgroupVersion.V1 && Files.isWritable(h.mountPoint()));
        if (cpuset.isEmpty()) {
            return;
        }
        int[] cpus = CpuList.parse(Files.readString(cpuset.get().mountPoint().resolve("cpuset.cpus"))).toArray();
        CpuList nodes = CpuList.parse(Files.readString(cpuset.get().mountPoint().resolve("cpuset.mems")));
        if (cpus.length < 2) {
            return;
        }
        ControllerSelection sel = ControllerSelection.parse("cpuset");
        host.group(name, sel).create();
        host.group(name + "/narrow", sel).create();
        set(Controller.CPUSET, "narrow", "cpuset.cpus", Integer.toString(cpus[0]));
        host.group(name + "/narrow/x", sel).create();
        narrowCpu = Optional.of(cpus[0]);
        otherCpu = cpus[1];
        missingNode = 0;
        while (nodes.contains(missingNode)) {
            missingNode++;
        }
    }

    private void buildUnified() throws IOException {
        Optional<Hierarchy> unified = host.layout().unified();
        if (unified.isEmpty() || !Files.isWritable(unified.get().mountPoint())) {
            return;
        }
        host.group(name, ControllerSelection.none()).create();
        Files.writeString(unified.get().mountPoint().resolve(name).resolve("cgroup.max.depth"), "1", StandardOpenOption.WRITE);
        hasUnifiedParent = true;
    }

    // ------------------------------------------------------------------ handles for the rows

    /** P/rel with the parent's selection; {@code rel} is not checked here (the library does that). */
    Cgroup group(String rel) {
        return host.group(name + "/" + rel, ControllerSelection.parse(SELECTION));
    }

    Cgroup group(String rel, String selection) {
        return host.group(name + "/" + rel, ControllerSelection.parse(selection));
    }

    Cgroup parent() {
        return host.group(name, ControllerSelection.parse(SELECTION));
    }

    Cgroup child() {
        return group("child");
    }

    Cgroup busy() {
        return group("busy", NO_MEMORY);
    }

    Cgroup narrowX() {
        return group("narrow/x", "cpuset");
    }

    /** Placeholders a row's expected words may use. */
    Map<String, String> vars() {
        return Map.of("${P}", name, "${PID}", Long.toString(sleeperPid), "${EXITED}", Long.toString(exitedPid));
    }

    // ------------------------------------------------------------------ what is on disk

    /**
     * Every directory of P's subtree in every mounted hierarchy, and the text of the watched
     * files in each, keyed {@code <hierarchy>:/relative/dir[/file]}.
     */
    Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        for (Hierarchy h : host.layout().hierarchies()) {
            Path top = h.mountPoint().resolve(name);
            if (!Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> dirs = Files.walk(top)) {
                for (Path dir : dirs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    String key = h.label() + ":/" + h.mountPoint().relativize(dir);
                    out.put(key + "/", "<dir>");
                    for (String file : WATCHED_FILES) {
                        Path p = dir.resolve(file);
                        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                            out.put(key + "/" + file, readQuietly(p));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<unreadable: " + e.getMessage() + ">";
        }
    }

    /**
     * After a row that changed something: put the known limits back, the sleeper back into
     * P/busy, and remove groups the row made, so later rows start from the same state.
     */
    void repair() {
        try {
            set(Controller.CPU, "", "cpu.cfs_quota_us", "50000");
            setKnownLimits();
            host.group(name + "/busy", ControllerSelection.parse(NO_MEMORY)).attach(sleeperPid);
        } catch (RuntimeException e) {
            System.err.println("BadInputTest: could not restore the fixture: " + e.getMessage());
        }
        for (Hierarchy h : host.layout().hierarchies()) {
            Path top = h.mountPoint().resolve(name);
            if (!Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(top)) {
                List<Path> extra = walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                        .filter(p -> !fixtureDirs.contains(h.label() + ":/" + h.mountPoint().relativize(p) + "/"))
                        .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
                for (Path dir : extra) {
                    Files.deleteIfExists(dir);
                }
            } catch (IOException e) {
                System.err.println("BadInputTest: could not remove a group a row left behind: " + e.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------ cleanup

    /** Kills the sleeper and removes P everywhere, with the library and then by hand. */
    @Override
    public void close() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
            try {
                sleeper.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            host.group(name, ControllerSelection.all())
                    .delete(new DeleteOptions(true, DeleteOptions.OnPopulated.KILL, true));
        } catch (RuntimeException e) {
            System.err.println("BadInputTest: library delete of " + name + " failed, removing by hand: " + e.getMessage());
        }
        List<String> left = new ArrayList<>();
        for (Hierarchy h : host.layout().hierarchies()) {
            Path top = h.mountPoint().resolve(name);
            if (Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
                removeByHand(top);
                if (Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
                    left.add(top.toString());
                }
            }
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("test groups left behind: " + left);
        }
    }

    private static void removeByHand(Path top) {
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(top)) {
            dirs = walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
        } catch (IOException e) {
            System.err.println("BadInputTest: cannot list " + top + ": " + e.getMessage());
            return;
        }
        for (Path dir : dirs) {
            Path state = dir.resolve("freezer.state");
            if (Files.exists(state)) {
                try {
                    Files.writeString(state, "THAWED", StandardOpenOption.WRITE);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
        for (Path dir : dirs) {
            for (int attempt = 0; attempt < 50; attempt++) {
                try {
                    Files.deleteIfExists(dir);
                    break;
                } catch (IOException e) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ raw file access for setup

    private Path dir(Controller c, String rel) {
        Path top = host.layout().hierarchyOf(c).orElseThrow().mountPoint().resolve(name);
        return rel.isEmpty() ? top : top.resolve(rel);
    }

    /** Written directly, not through the library, so the fixture does not depend on what is tested. */
    private void set(Controller c, String rel, String file, String value) {
        try {
            Files.writeString(dir(c, rel).resolve(file), value, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("setting up " + dir(c, rel).resolve(file) + " = " + value, e);
        }
    }
}
