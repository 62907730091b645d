package io.github.jcg.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A fake host under a directory: {@code proc/self/mountinfo}, {@code proc/cgroups},
 * {@code proc/self/cgroup}, and plain directories and files where the cgroup filesystems would
 * be mounted. Paths given to it are host paths ({@code /sys/fs/cgroup/cpu/web/cpu.shares}) and
 * land under {@link #root()}, the layout cgroups-core's {@code HostPaths.under(root)} reads.
 *
 * <p>It only writes files: it knows nothing of cgroups-core, so that cgroups-core's own tests
 * can use it (a dependency back on the core would be a cycle in the build). A test discovers
 * the tree itself, with {@code CgroupHost.discover(HostPaths.under(fake.root()))}. The three
 * {@code /proc} files are rewritten whenever a mount, a {@code /proc/cgroups} row or the own
 * cgroup is added, so the tree can be discovered at any point.
 *
 * <p>Two things a fake tree cannot do, which tests must allow for: the kernel's control files
 * do not appear when a group directory is made (create them with {@link #file} or the group
 * helpers), and there are no range checks. And a write to a regular file keeps the tail of a
 * longer old value, where cgroupfs parses each write on its own: jcg writes as the kernel wants,
 * without truncating, so tests either write values at least as long as the ones they replace
 * or expect {@link #afterWrite}.
 *
 * <p>The hosts ready-made here:
 * <ul>
 * <li>{@link #empty}, {@link #at}: no cgroup mount yet, for tests that lay one out themselves;</li>
 * <li>{@link #hybridFixture}: the hybrid host the {@link Fixtures} were copied from;</li>
 * <li>{@link #hybrid}, {@link #hybridWithCpuset}: a small hybrid host (v1 cpu, pids and memory,
 * a v2 mount offering hugetlb) with the root groups' files, as the command tests want it;</li>
 * <li>{@link #split}: controllers split between v1 and v2;</li>
 * <li>{@link #unified(Path, String)}, {@link #unifiedAllEnabled}: v2 only;</li>
 * <li>{@link #unifiedWithLinks}: v2 only, with symbolic links out of the hierarchy.</li>
 * </ul>
 */
public final class FakeHost {
    public static final String PROC_CGROUPS_HEADER = "#subsys_name\thierarchy\tnum_cgroups\tenabled\n";
    private static final String MOUNT_OPTIONS = "rw,nosuid,nodev,noexec,relatime";
    /** The cgroup mount point of every host here, under which {@link #groupDir} finds hierarchies. */
    private static final String CGROUP_ROOT = "/sys/fs/cgroup";

    /** mountinfo of a v2-only host (Debian 12): one cgroup2 mount at /sys/fs/cgroup. */
    public static final String V2_ONLY_MOUNTINFO = """
            22 28 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
            28 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
            30 29 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate
            """;

    /** {@link #hybrid}: v1 cpu, pids and memory hierarchies and a v2 mount, as this project's machines have them. */
    private static final String HYBRID_MOUNTINFO = """
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;
    private static final String HYBRID_PROC_CGROUPS = """
            cpu\t1\t1\t1
            memory\t4\t1\t1
            net_cls\t0\t1\t1
            hugetlb\t0\t1\t1
            pids\t8\t1\t1
            """;
    private static final String HYBRID_SELF_CGROUP = "8:pids:/\n4:memory:/\n1:cpu:/\n0::/\n";
    /** {@link #hybridWithCpuset}: the same host with a v1 cpuset hierarchy as well. */
    private static final String CPUSET_MOUNT = "33 31 0:30 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset\n";

    /** {@link #unifiedAllEnabled}: the controllers its v2 root offers and enables for its children. */
    private static final String ALL_ENABLED_CONTROLLERS = "cpuset cpu memory pids\n";
    private static final String ALL_ENABLED_PROC_CGROUPS = """
            cpuset\t0\t5\t1
            cpu\t0\t5\t1
            memory\t0\t5\t1
            freezer\t0\t5\t1
            pids\t0\t5\t1
            """;

    /** {@link #unifiedWithLinks}: mountinfo and /proc/cgroups as a v2-only host (Debian 12, 6.1) prints them. */
    private static final String WITH_LINKS_MOUNTINFO = """
            22 28 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
            26 28 0:24 / /run rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw,size=1632960k,mode=755
            28 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
            30 29 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
            """;
    private static final String WITH_LINKS_PROC_CGROUPS = """
            cpuset\t0\t58\t1
            cpu\t0\t58\t1
            cpuacct\t0\t58\t1
            blkio\t0\t58\t1
            memory\t0\t58\t1
            devices\t0\t58\t1
            freezer\t0\t58\t1
            net_cls\t0\t58\t1
            perf_event\t0\t58\t1
            net_prio\t0\t58\t1
            hugetlb\t0\t58\t1
            pids\t0\t58\t1
            rdma\t0\t58\t1
            misc\t0\t58\t1
            """;
    /** The cpu.max every group of {@link #unifiedWithLinks} starts with, and the one outside the tree. */
    public static final String ORIGINAL_CPU_MAX = "max 100000\n";

    private final Path root;
    private final List<String> mountinfo = new ArrayList<>();
    private String procCgroups = PROC_CGROUPS_HEADER;
    private String selfCgroup = "";
    private int nextMountId = 40;
    private int nextMinor = 40;

    private FakeHost(Path root) {
        this.root = root;
        writeProc();
    }

    // ------------------------------------------------------------------ hosts

    /** A host with no mount at all: an empty mountinfo, a /proc/cgroups of its header alone. */
    public static FakeHost empty(Path root) {
        return new FakeHost(root);
    }

    /**
     * A host with /proc, /sys and the tmpfs that holds the cgroup mounts (as on a systemd host),
     * but no cgroup filesystem yet.
     */
    public static FakeHost at(Path root) {
        return empty(root).mountinfo("""
                22 1 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
                23 1 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:2 - sysfs sysfs rw
                25 23 0:24 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:4 - tmpfs tmpfs ro,mode=755
                """);
    }

    /**
     * The hybrid host the fixtures were copied from ({@code fixtures/hybrid-host}): its
     * mountinfo, /proc/cgroups and /proc/self/cgroup verbatim, a directory for each cgroup mount,
     * and the v2 root's {@code cgroup.controllers}. Control files of the groups are up to the test.
     */
    public static FakeHost hybridFixture(Path root) {
        FakeHost host = empty(root).mountinfo(Fixtures.text("hybrid-host/proc/self/mountinfo"));
        host.procCgroups = Fixtures.text("hybrid-host/proc/cgroups");
        host.selfCgroup = Fixtures.text("hybrid-host/proc/self/cgroup");
        host.writeProc();
        host.file("/sys/fs/cgroup/unified/cgroup.controllers", Fixtures.text("hybrid-host/unified/cgroup.controllers"));
        host.file("/sys/fs/cgroup/unified/cgroup.subtree_control", "");
        return host;
    }

    /**
     * A small hybrid host: v1 cpu, pids and memory hierarchies and a v2 mount at
     * {@code /sys/fs/cgroup/unified} offering hugetlb, the root groups' usual files, and an
     * {@code /etc/passwd} and {@code /etc/group} that know the user and group {@code web}
     * (see {@link #users}). Add groups with {@link #cpuGroup}, {@link #pidsGroup},
     * {@link #memoryGroup} or {@link #group}.
     */
    public static FakeHost hybrid(Path root) {
        return empty(root).mountinfo(HYBRID_MOUNTINFO).controllers(HYBRID_PROC_CGROUPS).selfCgroup(HYBRID_SELF_CGROUP)
                .users().hybridRoots();
    }

    /** {@link #hybrid} with a v1 cpuset hierarchy too, its root holding CPUs 0-3 and node 0. */
    public static FakeHost hybridWithCpuset(Path root) {
        FakeHost host = empty(root).mountinfo(HYBRID_MOUNTINFO + CPUSET_MOUNT)
                .controllers(HYBRID_PROC_CGROUPS + "cpuset\t3\t1\t1\n").selfCgroup("3:cpuset:/\n" + HYBRID_SELF_CGROUP)
                .users().hybridRoots();
        host.group("cpuset", "/", Map.of("cgroup.procs", "", "tasks", "", "cpuset.cpus", "0-3\n", "cpuset.mems", "0\n",
                "cpuset.effective_cpus", "0-3\n", "cpuset.effective_mems", "0\n", "cpuset.cpu_exclusive", "1\n"));
        return host;
    }

    private FakeHost hybridRoots() {
        group("cpu", "/", Map.of("cgroup.procs", "", "tasks", "", "cpu.shares", "1024\n", "cpu.cfs_quota_us", "-1\n",
                "cpu.cfs_period_us", "100000\n"));
        group("pids", "/", Map.of("cgroup.procs", "", "tasks", ""));
        group("memory", "/", Map.of("cgroup.procs", "", "memory.limit_in_bytes", "9223372036854771712\n"));
        group("unified", "/", Map.of("cgroup.procs", "", "cgroup.controllers", "hugetlb\n", "cgroup.subtree_control", "\n"));
        return this;
    }

    /**
     * A host with its controllers split between the versions, as a systemd host booted with
     * {@code systemd.unified_cgroup_hierarchy=0} and {@code cgroup_no_v1=memory,pids,blkio} has
     * them: cpu, cpuacct and cpuset on their own v1 mounts, and memory, pids and io offered by
     * the cgroup2 mount at {@code /sys/fs/cgroup/unified}.
     */
    public static FakeHost split(Path root) {
        return at(root)
                .v1("/sys/fs/cgroup/cpu", "rw,cpu")
                .v1("/sys/fs/cgroup/cpuacct", "rw,cpuacct")
                .v1("/sys/fs/cgroup/cpuset", "rw,cpuset")
                .v2("/sys/fs/cgroup/unified", "memory pids io")
                .controllers("cpuset\t3\t1\t1\ncpu\t1\t1\t1\ncpuacct\t2\t1\t1\nblkio\t0\t1\t1\nmemory\t0\t1\t1\n"
                        + "pids\t0\t1\t1")
                .selfCgroup("3:cpuset:/\n2:cpuacct:/\n1:cpu:/\n0::/\n");
    }

    /**
     * A unified (v2 only) host whose root offers {@code controllers} (space-separated) and enables
     * none; /proc/cgroups lists every controller of a 6.x kernel, and the own cgroup is a session
     * scope.
     */
    public static FakeHost unified(Path root, String controllers) {
        FakeHost host = at(root).v2(CGROUP_ROOT, controllers);
        for (String c : List.of("cpuset", "cpu", "cpuacct", "blkio", "memory", "devices", "freezer", "net_cls",
                "perf_event", "net_prio", "hugetlb", "pids", "rdma", "misc")) {
            host.controllers(c + "\t0\t1\t1");
        }
        return host.selfCgroup("0::/user.slice/user-1000.slice/session-3.scope\n");
    }

    /**
     * A cgroup v2-only host (Debian 12): the root offers cpuset, cpu, memory and pids and enables
     * them all for its children, with the users of {@link #users}; add groups with {@link #v2Group}.
     */
    public static FakeHost unifiedAllEnabled(Path root) {
        FakeHost host = empty(root).mountinfo(V2_ONLY_MOUNTINFO).controllers(ALL_ENABLED_PROC_CGROUPS).selfCgroup("0::/\n")
                .users();
        host.group("", "/", Map.of("cgroup.procs", "1\n", "cgroup.controllers", ALL_ENABLED_CONTROLLERS,
                "cgroup.subtree_control", ALL_ENABLED_CONTROLLERS, "cpu.stat", "usage_usec 0\nuser_usec 0\nsystem_usec 0\n",
                "cpuset.cpus.effective", "0-3\n", "cpuset.mems.effective", "0\n"));
        return host;
    }

    /**
     * A cgroup v2-only host with symbolic links planted in the hierarchy that point out of it,
     * and a root that does not offer io or rdma:
     *
     * <pre>
     * /sys/fs/cgroup/                the v2 mount; offers cpu memory pids, enables cpu memory
     * /sys/fs/cgroup/g/              an ordinary group (cpu and memory files, no pids.max)
     * /sys/fs/cgroup/linked/         like g, but its cpu.max is a link to /outside/cpu.max
     * /sys/fs/cgroup/escape          a link to the directory /outside/tree
     * /outside/tree/inner/           a group-like directory reached through escape/inner
     * </pre>
     *
     * Every cpu.max, the one outside included, holds {@link #ORIGINAL_CPU_MAX}.
     */
    public static FakeHost unifiedWithLinks(Path root) {
        FakeHost host = empty(root).mountinfo(WITH_LINKS_MOUNTINFO).controllers(WITH_LINKS_PROC_CGROUPS).selfCgroup("0::/\n")
                .file("/sys/fs/cgroup/cgroup.controllers", "cpu memory pids\n")
                .file("/sys/fs/cgroup/cgroup.subtree_control", "cpu memory\n")
                .file("/sys/fs/cgroup/cgroup.procs", "1\n")
                .file("/sys/fs/cgroup/cgroup.max.depth", "max\n");
        host.cpuMemoryGroupFiles("/sys/fs/cgroup/g");
        host.cpuMemoryGroupFiles("/sys/fs/cgroup/linked");
        host.delete("/sys/fs/cgroup/linked/cpu.max");
        host.file("/outside/cpu.max", ORIGINAL_CPU_MAX);
        host.link("/sys/fs/cgroup/linked/cpu.max", "/outside/cpu.max");
        host.cpuMemoryGroupFiles("/outside/tree/inner");
        return host.link("/sys/fs/cgroup/escape", "/outside/tree");
    }

    /** The files of a v2 group whose parent enables cpu and memory (values from a 6.1 kernel). */
    private void cpuMemoryGroupFiles(String dir) {
        file(dir + "/cgroup.controllers", "cpu memory\n");
        file(dir + "/cgroup.subtree_control", "");
        file(dir + "/cgroup.procs", "");
        file(dir + "/cgroup.threads", "");
        file(dir + "/cgroup.type", "domain\n");
        file(dir + "/cgroup.events", "populated 0\nfrozen 0\n");
        file(dir + "/cgroup.freeze", "0\n");
        file(dir + "/cgroup.kill", "");
        file(dir + "/cgroup.max.depth", "max\n");
        file(dir + "/cpu.max", ORIGINAL_CPU_MAX);
        file(dir + "/cpu.max.burst", "0\n");
        file(dir + "/cpu.weight", "100\n");
        file(dir + "/cpu.weight.nice", "0\n");
        file(dir + "/cpu.stat", "usage_usec 0\nuser_usec 0\nsystem_usec 0\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n");
        file(dir + "/memory.max", "max\n");
        file(dir + "/memory.high", "max\n");
        file(dir + "/memory.low", "0\n");
        file(dir + "/memory.min", "0\n");
        file(dir + "/memory.swap.max", "max\n");
        file(dir + "/memory.current", "0\n");
    }

    // ------------------------------------------------------------------ mounts and /proc

    /** Adds mountinfo lines verbatim, and a directory for each cgroup or cgroup2 mount among them. */
    public FakeHost mountinfo(String lines) {
        for (String line : lines.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            mountinfo.add(line);
            String[] fields = line.split(" ");
            int separator = List.of(fields).indexOf("-");
            if (separator > 0 && separator + 1 < fields.length
                    && (fields[separator + 1].equals("cgroup") || fields[separator + 1].equals("cgroup2"))) {
                dir(decodeOctal(fields[4]));
            }
        }
        writeProc();
        return this;
    }

    /** A v1 hierarchy mounted whole at {@code mountPoint}; super options name its controllers. */
    public FakeHost v1(String mountPoint, String superOptions) {
        return mount(newDevice(), "/", mountPoint, "cgroup", superOptions);
    }

    /** A v2 hierarchy mounted whole at {@code mountPoint}, its root offering {@code controllers}. */
    public FakeHost v2(String mountPoint, String controllers) {
        mount(newDevice(), "/", mountPoint, "cgroup2", "rw,nsdelegate,memory_recursiveprot");
        file(mountPoint + "/cgroup.controllers", controllers.isEmpty() ? "" : controllers + "\n");
        file(mountPoint + "/cgroup.subtree_control", "");
        file(mountPoint + "/cgroup.procs", "");
        return this;
    }

    /**
     * One cgroup mount with everything chosen: the same {@code device} twice is two mounts of one
     * hierarchy; a {@code mountRoot} other than "/" is a bind mount or a cgroup namespace's view.
     * The mount point is written octal-escaped, as the kernel does.
     */
    public FakeHost mount(String device, String mountRoot, String mountPoint, String fsType, String superOptions) {
        int id = nextMountId++;
        mountinfo.add(id + " 25 " + device + " " + escape(mountRoot) + " " + escape(mountPoint) + " " + MOUNT_OPTIONS
                + " shared:" + id + " - " + fsType + " " + fsType + " " + superOptions);
        writeProc();
        return dir(mountPoint);
    }

    /** A device number no other mount uses yet: a new hierarchy. */
    public String newDevice() {
        return "0:" + nextMinor++;
    }

    /** Appends rows to /proc/cgroups, e.g. {@code "memory\t0\t1\t0"}; an empty string adds none. */
    public FakeHost controllers(String rows) {
        if (!rows.isEmpty()) {
            procCgroups += rows.endsWith("\n") ? rows : rows + "\n";
            writeProc();
        }
        return this;
    }

    /** The text of /proc/self/cgroup. */
    public FakeHost selfCgroup(String text) {
        selfCgroup = text;
        writeProc();
        return this;
    }

    /** {@code /etc/passwd} and {@code /etc/group} with root and {@code web} (uid 1001, gid 1002). */
    public FakeHost users() {
        file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nweb:x:1001:1002::/home/web:/bin/sh\n");
        return file("/etc/group", "root:x:0:\nweb:x:1002:\n");
    }

    private void writeProc() {
        file("/proc/self/mountinfo", String.join("\n", mountinfo) + "\n");
        file("/proc/cgroups", procCgroups);
        file("/proc/self/cgroup", selfCgroup);
    }

    // ------------------------------------------------------------------ groups by hierarchy

    /**
     * A group of a {@link #unifiedAllEnabled} host with the files a 6.1 kernel gives a child whose
     * parent enables cpuset, cpu, memory and pids, at their defaults; {@code values} replaces some.
     * Files are written in the kernel's directory order.
     */
    public Path v2Group(String path, Map<String, String> values) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cgroup.controllers", ALL_ENABLED_CONTROLLERS);
        files.put("cgroup.subtree_control", "");
        files.put("cgroup.procs", "");
        files.put("cgroup.freeze", "0\n");
        files.put("cpu.weight", "100\n");
        files.put("cpu.max", "max 100000\n");
        files.put("cpu.max.burst", "0\n");
        files.put("cpu.stat", "usage_usec 0\nuser_usec 0\nsystem_usec 0\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n");
        files.put("cpuset.cpus", "\n");
        files.put("cpuset.mems", "\n");
        files.put("cpuset.cpus.effective", "0-3\n");
        files.put("cpuset.mems.effective", "0\n");
        files.put("cpuset.cpus.partition", "member\n");
        files.put("memory.max", "max\n");
        files.put("memory.high", "max\n");
        files.put("memory.swap.max", "max\n");
        files.put("pids.max", "max\n");
        values.forEach((file, text) -> files.put(file, text.endsWith("\n") || text.isEmpty() ? text : text + "\n"));
        return group("", path, files);
    }

    /** A v1 cpu group with the usual files and the given values. */
    public Path cpuGroup(String path, String shares, String quota) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cgroup.procs", "");
        files.put("tasks", "");
        files.put("cpu.shares", shares + "\n");
        files.put("cpu.cfs_quota_us", quota + "\n");
        files.put("cpu.cfs_period_us", "100000\n");
        files.put("cpu.stat", "nr_periods 0\nnr_throttled 0\nthrottled_time 0\n");
        return group("cpu", path, files);
    }

    /** A v1 pids group. */
    public Path pidsGroup(String path, String max) {
        return group("pids", path, Map.of("cgroup.procs", "", "tasks", "", "pids.max", max + "\n", "pids.current", "0\n"));
    }

    /** A v1 memory group, its soft and memory+swap limits unlimited. */
    public Path memoryGroup(String path, String limit) {
        return group("memory", path, Map.of("cgroup.procs", "", "tasks", "", "memory.limit_in_bytes", limit + "\n",
                "memory.soft_limit_in_bytes", "9223372036854771712\n", "memory.memsw.limit_in_bytes", "9223372036854771712\n"));
    }

    /**
     * A group directory in the hierarchy mounted at {@code /sys/fs/cgroup/<hierarchy>} ("" for a
     * v2 mount at /sys/fs/cgroup itself), with these files; returns the directory.
     */
    public Path group(String hierarchy, String path, Map<String, String> files) {
        Path dir = groupDir(hierarchy, path);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.forEach((name, text) -> write(dir.resolve(name), text));
        return dir;
    }

    /** A group's directory in one hierarchy ("" for the v2 mount of a v2-only host); not created. */
    public Path groupDir(String hierarchy, String path) {
        Path base = path(CGROUP_ROOT).resolve(hierarchy);
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.isEmpty() ? base : base.resolve(relative);
    }

    /** The text of a group's file in one hierarchy. */
    public String read(String hierarchy, String path, String file) {
        return read(groupDir(hierarchy, path).resolve(file));
    }

    // ------------------------------------------------------------------ files by host path

    /** The directory the fake host lies under: what {@code HostPaths.under} takes. */
    public Path root() {
        return root;
    }

    /** Creates or replaces a file at a host path, with its parent directories. */
    public FakeHost file(String hostPath, String content) {
        write(path(hostPath), content);
        return this;
    }

    /** Creates a directory at a host path, with its parents. */
    public FakeHost dir(String hostPath) {
        try {
            Files.createDirectories(path(hostPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A symbolic link at a host path to the fake tree's {@code targetHostPath} (absolute on this machine). */
    public FakeHost link(String hostPath, String targetHostPath) {
        Path link = path(hostPath);
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, path(targetHostPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Removes the file, link or empty directory at a host path. */
    public FakeHost delete(String hostPath) {
        try {
            Files.delete(path(hostPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Where a host path lies in the fake tree. */
    public Path path(String hostPath) {
        String relative = hostPath.startsWith("/") ? hostPath.substring(1) : hostPath;
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    public String read(String hostPath) {
        return read(path(hostPath));
    }

    public boolean exists(String hostPath) {
        return Files.exists(path(hostPath));
    }

    /**
     * Every entry under the root, without following links: directories ({@code "<dir>"}), each
     * file's text, and each link's target ({@code "<link to ...>"}), keyed by host path.
     */
    public Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String key = "/" + root.relativize(p);
                if (Files.isSymbolicLink(p)) {
                    out.put(key, "<link to " + Files.readSymbolicLink(p) + ">");
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(key + "/", "<dir>");
                } else {
                    out.put(key, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * What a regular file that held {@code before} reads after one write of {@code value} at
     * offset 0: the value, then whatever of the old text was longer. cgroupfs would read back
     * the new setting alone; this is the fake tree's equivalent of it.
     */
    public static String afterWrite(String before, String value) {
        return before.length() > value.length() ? value + before.substring(value.length()) : value;
    }

    /** A path as mountinfo writes it: space, tab, newline and backslash octal-escaped. */
    private static String escape(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) {
            switch (c) {
                case ' ' -> out.append("\\040");
                case '\t' -> out.append("\\011");
                case '\n' -> out.append("\\012");
                case '\\' -> out.append("\\134");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Decodes {@code \ooo} escapes; written apart from cgroups-core's parser on purpose. */
    private static String decodeOctal(String field) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < field.length()) {
            if (field.charAt(i) == '\\' && i + 4 <= field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 4;
            } else {
                out.append(field.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
