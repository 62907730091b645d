package io.github.jcg.cli;

import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.HostPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A hybrid host laid out under a temporary directory, as this project's machines are: v1 cpu,
 * pids and memory hierarchies, and a v2 mount offering hugetlb (or, from {@link #unified}, a
 * cgroup v2-only host). Commands see it through
 * {@link Hosts#use} until {@link #close()}. Control files are plain files, so a test sees
 * what a command wrote (the kernel's range checks are not there). jcg writes as the kernel
 * wants, without truncating, so on a plain file a shorter value leaves the old tail behind:
 * tests write values at least as long as the ones they replace.
 */
public final class FakeHost implements AutoCloseable {
    private static final String MOUNTINFO = """
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;
    private static final String PROC_CGROUPS = """
            #subsys_name\thierarchy\tnum_cgroups\tenabled
            cpu\t1\t1\t1
            memory\t4\t1\t1
            net_cls\t0\t1\t1
            hugetlb\t0\t1\t1
            pids\t8\t1\t1
            """;
    private static final String SELF_CGROUP = "8:pids:/\n4:memory:/\n1:cpu:/\n0::/\n";

    /** The same hybrid host with a v1 cpuset hierarchy as well. */
    private static final String CPUSET_MOUNT = "33 31 0:30 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset\n";

    /** A v2-only host (Debian 12): one cgroup2 mount at /sys/fs/cgroup, every controller on it. */
    private static final String UNIFIED_MOUNTINFO = """
            22 28 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
            28 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
            30 29 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate
            """;
    private static final String UNIFIED_PROC_CGROUPS = """
            #subsys_name\thierarchy\tnum_cgroups\tenabled
            cpuset\t0\t5\t1
            cpu\t0\t5\t1
            memory\t0\t5\t1
            freezer\t0\t5\t1
            pids\t0\t5\t1
            """;
    private static final String UNIFIED_CONTROLLERS = "cpuset cpu memory pids\n";

    public final Path root;
    private final Hosts.Scope scope;

    private FakeHost(Path root, String mountinfo, String procCgroups, String selfCgroup, Runnable rootGroups) {
        this.root = root;
        write(root.resolve("proc/self/mountinfo"), mountinfo);
        write(root.resolve("proc/cgroups"), procCgroups);
        write(root.resolve("proc/self/cgroup"), selfCgroup);
        write(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\nweb:x:1001:1002::/home/web:/bin/sh\n");
        write(root.resolve("etc/group"), "root:x:0:\nweb:x:1002:\n");
        rootGroups.run();
        this.scope = Hosts.use(CgroupHost.discover(HostPaths.under(root)));
    }

    public static FakeHost hybrid(Path root) {
        return new FakeHost(root, MOUNTINFO, PROC_CGROUPS, SELF_CGROUP, () -> hybridRoots(root));
    }

    /** {@link #hybrid} with a v1 cpuset hierarchy too. */
    public static FakeHost hybridWithCpuset(Path root) {
        return new FakeHost(root, MOUNTINFO + CPUSET_MOUNT, PROC_CGROUPS + "cpuset\t3\t1\t1\n", "3:cpuset:/\n" + SELF_CGROUP, () -> {
            hybridRoots(root);
            groupUnder(root, "cpuset", "/", Map.of("cgroup.procs", "", "tasks", "", "cpuset.cpus", "0-3\n", "cpuset.mems", "0\n",
                    "cpuset.effective_cpus", "0-3\n", "cpuset.effective_mems", "0\n", "cpuset.cpu_exclusive", "1\n"));
        });
    }

    /**
     * A cgroup v2-only host: the root offers cpuset, cpu, memory and pids and enables them all
     * for its children; add groups with {@link #v2Group}.
     */
    public static FakeHost unified(Path root) {
        return new FakeHost(root, UNIFIED_MOUNTINFO, UNIFIED_PROC_CGROUPS, "0::/\n", () -> groupUnder(root, "", "/", Map.of(
                "cgroup.procs", "1\n", "cgroup.controllers", UNIFIED_CONTROLLERS, "cgroup.subtree_control", UNIFIED_CONTROLLERS,
                "cpu.stat", "usage_usec 0\nuser_usec 0\nsystem_usec 0\n", "cpuset.cpus.effective", "0-3\n",
                "cpuset.mems.effective", "0\n")));
    }

    private static void hybridRoots(Path root) {
        groupUnder(root, "cpu", "/", Map.of("cgroup.procs", "", "tasks", "", "cpu.shares", "1024\n", "cpu.cfs_quota_us", "-1\n",
                "cpu.cfs_period_us", "100000\n"));
        groupUnder(root, "pids", "/", Map.of("cgroup.procs", "", "tasks", ""));
        groupUnder(root, "memory", "/", Map.of("cgroup.procs", "", "memory.limit_in_bytes", "9223372036854771712\n"));
        groupUnder(root, "unified", "/", Map.of("cgroup.procs", "", "cgroup.controllers", "hugetlb\n", "cgroup.subtree_control", "\n"));
    }

    /**
     * A group of a {@link #unified} host with the files a 6.1 kernel gives a child whose parent
     * enables cpuset, cpu, memory and pids, at their defaults; {@code values} replaces some.
     * Files are listed in the kernel's directory order.
     */
    public Path v2Group(String path, Map<String, String> values) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cgroup.controllers", UNIFIED_CONTROLLERS);
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

    public Path pidsGroup(String path, String max) {
        return group("pids", path, Map.of("cgroup.procs", "", "tasks", "", "pids.max", max + "\n", "pids.current", "0\n"));
    }

    public Path memoryGroup(String path, String limit) {
        return group("memory", path, Map.of("cgroup.procs", "", "tasks", "", "memory.limit_in_bytes", limit + "\n",
                "memory.soft_limit_in_bytes", "9223372036854771712\n", "memory.memsw.limit_in_bytes", "9223372036854771712\n"));
    }

    /** A group directory in one hierarchy, with these files. */
    public Path group(String hierarchy, String path, Map<String, String> files) {
        return groupUnder(root, hierarchy, path, files);
    }

    private static Path groupUnder(Path root, String hierarchy, String path, Map<String, String> files) {
        Path dir = dirUnder(root, hierarchy, path);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.forEach((name, text) -> write(dir.resolve(name), text));
        return dir;
    }

    /** A group's directory in one hierarchy ("" for the v2 mount of a {@link #unified} host). */
    public Path dir(String hierarchy, String path) {
        return dirUnder(root, hierarchy, path);
    }

    private static Path dirUnder(Path root, String hierarchy, String path) {
        Path base = root.resolve("sys/fs/cgroup").resolve(hierarchy);
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.isEmpty() ? base : base.resolve(relative);
    }

    public String read(String hierarchy, String path, String file) {
        try {
            return Files.readString(dir(hierarchy, path).resolve(file));
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

    @Override
    public void close() {
        scope.close();
    }
}
