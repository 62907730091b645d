package io.github.jcg.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The host's real cgroup hierarchies, and the one uniquely named parent group
 * ({@code jcg-it-<pid>-<random>}) every host test of this run works under.
 *
 * <p>Everything here is done with plain file operations, not with jcg: setting up and
 * cleaning up must not depend on the code under test. The parent is made in every hierarchy
 * on first use and removed (its processes killed first) by {@link #removeParent()}, which the
 * last test class and a shutdown hook call. Processes are only ever placed in groups made here,
 * and never in the memory hierarchy: the machine's supervisor keeps processes in memory groups
 * no test may move them out of.
 */
public final class HostCgroups {
    public static final String PREFIX = "jcg-it-";
    private static final Path PROC = Path.of("/proc");
    private static HostCgroups instance;

    private final List<CgroupMount> hierarchies;
    private final String parent;
    private boolean created;

    private HostCgroups(List<CgroupMount> hierarchies, String parent) {
        this.hierarchies = hierarchies;
        this.parent = parent;
    }

    /** The host's hierarchies as this process sees them (first mount of each). */
    public static List<CgroupMount> hostHierarchies() {
        try {
            return CgroupMount.firstPerHierarchy(CgroupMount.parse(Files.readString(PROC.resolve("self/mountinfo"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This run's parent, created in every hierarchy; skips (saying why) unless we are root on a
     * host whose cpu hierarchy is writable.
     */
    public static synchronized HostCgroups require() {
        Skip.unless(uid() == 0, "host tests create cgroups and need root (uid is " + uid() + ")");
        List<CgroupMount> all = hostHierarchies();
        Optional<CgroupMount> cpu = all.stream().filter(m -> m.controllers().contains("cpu")).findFirst()
                .or(() -> all.stream().filter(CgroupMount::v2).findFirst());
        Skip.unless(cpu.isPresent(), "this host has no cpu cgroup hierarchy");
        Skip.unless(Files.isWritable(Path.of(cpu.get().mountPoint())) && cpu.get().root().equals("/"),
                "the cpu hierarchy at " + cpu.get().mountPoint() + " is not writable here (root " + cpu.get().root() + ")");
        if (instance == null) {
            String name = PREFIX + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
            instance = new HostCgroups(all.stream().filter(m -> m.root().equals("/")).toList(), name);
            removeGroupsOfDeadRuns();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::removeParentQuietly, "jcg-it cgroup cleanup"));
        }
        instance.createParent();
        return instance;
    }

    /** The parent's name, e.g. {@code jcg-it-1234-a1b2c3}. */
    public String parent() {
        return parent;
    }

    /** {@code <parent>/<child>}, a group path relative to the hierarchy roots. */
    public String path(String child) {
        return parent + "/" + child;
    }

    public List<CgroupMount> hierarchies() {
        return hierarchies;
    }

    /** The hierarchy holding a v1 controller (or {@code name=X}); "" means the v2 one. */
    public CgroupMount hierarchy(String controller) {
        return find(controller).orElseThrow(() -> new IllegalStateException("no hierarchy for '" + controller + "' here"));
    }

    public Optional<CgroupMount> find(String controller) {
        if (controller.isEmpty()) {
            return hierarchies.stream().filter(CgroupMount::v2).findFirst();
        }
        if (controller.startsWith("name=")) {
            return hierarchies.stream().filter(m -> m.name().equals(Optional.of(controller.substring(5)))).findFirst();
        }
        return hierarchies.stream().filter(m -> m.controllers().contains(controller)).findFirst();
    }

    /** The directory of {@code group} (relative to the root) in {@code controller}'s hierarchy. */
    public Path dir(String controller, String group) {
        return Path.of(hierarchy(controller).mountPoint()).resolve(strip(group));
    }

    /** Makes {@code group} (and missing ancestors) in each named hierarchy. */
    public void mkdirs(String group, String... controllers) {
        for (String c : controllers) {
            try {
                Files.createDirectories(dir(c, group));
            } catch (IOException e) {
                throw new UncheckedIOException("mkdir " + dir(c, group), e);
            }
        }
    }

    public String read(String controller, String group, String file) {
        try {
            return Files.readString(dir(controller, group).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String controller, String group, String file, String value) {
        try {
            Files.writeString(dir(controller, group).resolve(file), value);
        } catch (IOException e) {
            throw new UncheckedIOException("write " + value + " to " + dir(controller, group).resolve(file), e);
        }
    }

    /** The hierarchies (by mount point) in which {@code group} exists. */
    public List<String> whereExists(String group) {
        return hierarchies.stream().filter(m -> Files.isDirectory(Path.of(m.mountPoint()).resolve(strip(group))))
                .map(CgroupMount::mountPoint).toList();
    }

    private synchronized void createParent() {
        if (created) {
            return;
        }
        for (CgroupMount m : hierarchies) {
            Path dir = Path.of(m.mountPoint()).resolve(parent);
            try {
                Files.createDirectories(dir);
                if (m.controllers().contains("cpuset")) {
                    // a new cpuset group has no CPUs: give the parent the root's, so its children can
                    for (String f : List.of("cpuset.cpus", "cpuset.mems")) {
                        Files.writeString(dir.resolve(f), Files.readString(Path.of(m.mountPoint(), f)).strip());
                    }
                }
            } catch (IOException e) {
                removeParentQuietly();
                throw new UncheckedIOException("could not create the test parent " + dir, e);
            }
        }
        created = true;
    }

    /** Removes {@code group} and everything below it in every hierarchy, killing what runs there. */
    public void removeTree(String group) {
        List<String> failures = new ArrayList<>();
        for (CgroupMount m : hierarchies) {
            Path top = Path.of(m.mountPoint()).resolve(strip(group));
            if (!top.startsWith(Path.of(m.mountPoint(), parent))) {
                throw new IllegalArgumentException("refusing to remove " + top + ": not under this run's parent");
            }
            if (Files.isDirectory(top)) {
                removeDir(top, failures);
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("could not remove " + group + ": " + String.join("; ", failures));
        }
    }

    /** Removes this run's parent, if a test made it. */
    public static synchronized void removeThisRunsParent() {
        if (instance != null) {
            instance.removeParent();
        }
    }

    /** Removes the parent everywhere. */
    public synchronized void removeParent() {
        if (created) {
            removeTree(parent);
        }
        created = false;
    }

    private void removeParentQuietly() {
        try {
            removeParent();
        } catch (RuntimeException | AssertionError e) {
            System.err.println("jcg-it: cleanup of " + parent + " failed: " + e.getMessage());
        }
    }

    private static void removeDir(Path top, List<String> failures) {
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(top)) {
            dirs = walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            failures.add("walk " + top + ": " + e);
            return;
        }
        for (Path d : dirs) {
            emptyGroup(d);
            IOException last = null;
            for (int attempt = 0; attempt < 50 && Files.exists(d); attempt++) {
                try {
                    Files.delete(d);
                } catch (NoSuchFileException gone) {
                    break;
                } catch (IOException e) {
                    // EBUSY while a killed task is still exiting
                    last = e;
                    sleep(100);
                }
            }
            if (Files.exists(d)) {
                failures.add("rmdir " + d + ": " + last);
            }
        }
    }

    /** Thaws and kills whatever is in one group (never this JVM), and waits until it is gone. */
    private static void emptyGroup(Path d) {
        writeQuietly(d.resolve("freezer.state"), "THAWED");
        writeQuietly(d.resolve("cgroup.freeze"), "0");
        long self = ProcessHandle.current().pid();
        for (int round = 0; round < 50; round++) {
            List<Long> pids = pids(d);
            if (pids.isEmpty()) {
                return;
            }
            for (long pid : pids) {
                if (pid == self || pid == 1) {
                    throw new AssertionError(d + " holds " + (pid == 1 ? "init" : "the test JVM itself")
                            + "; something moved it there and the tests will not kill it");
                }
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            sleep(100);
        }
    }

    private static List<Long> pids(Path group) {
        Path procs = group.resolve("cgroup.procs");
        try {
            return Files.readAllLines(procs).stream().filter(s -> !s.isBlank()).map(Long::parseLong).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void writeQuietly(Path file, String value) {
        if (Files.exists(file)) {
            try {
                Files.writeString(file, value);
            } catch (IOException ignored) {
                // not every group has a writable one (the root, a v1 group outside freezer)
            }
        }
    }

    /**
     * Removes the {@code jcg-it-*} groups of earlier runs whose JVM is gone (a run killed midway,
     * by a timeout or a session's end, never reaches its cleanup), saying which. They are this
     * suite's own groups by name; a run still alive beside this one keeps its groups.
     *
     * @return the groups removed
     */
    public static synchronized List<Path> removeGroupsOfDeadRuns() {
        List<Path> orphans = leftovers(false);
        List<String> failures = new ArrayList<>();
        for (Path p : orphans) {
            System.err.println("jcg-it: removing " + p + ", left by an earlier run that was killed before its cleanup");
            removeDir(p, failures);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("could not remove the groups of an earlier run: " + String.join("; ", failures));
        }
        return orphans;
    }

    /**
     * {@code jcg-it-*} groups left in any hierarchy's root: this run's, and those of runs whose
     * JVM is gone (a live one belongs to a run in progress beside this one).
     */
    public static List<Path> leftovers(boolean includeOwn) {
        List<Path> out = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        for (CgroupMount m : hostHierarchies()) {
            if (!m.root().equals("/")) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(m.mountPoint()), PREFIX + "*")) {
                for (Path p : ds) {
                    Optional<Long> owner = ownerPid(p.getFileName().toString());
                    boolean own = owner.isPresent() && owner.get() == self;
                    boolean orphan = owner.isEmpty() || ProcessHandle.of(owner.get()).isEmpty();
                    if ((own && includeOwn) || (!own && orphan)) {
                        out.add(p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The pid in {@code jcg-it-<pid>-<hex>}. */
    static Optional<Long> ownerPid(String name) {
        String[] parts = name.substring(PREFIX.length()).split("-");
        try {
            return Optional.of(Long.parseLong(parts[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static long uid() {
        try {
            for (String line : Files.readAllLines(PROC.resolve("self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.split("\\s+")[1]);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static String strip(String group) {
        return group.startsWith("/") ? group.substring(1) : group;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
