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
 * pids and memory hierarchies, and a v2 mount offering hugetlb. Commands see it through
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

    public final Path root;
    private final Hosts.Scope scope;

    private FakeHost(Path root) {
        this.root = root;
        write(root.resolve("proc/self/mountinfo"), MOUNTINFO);
        write(root.resolve("proc/cgroups"), PROC_CGROUPS);
        write(root.resolve("proc/self/cgroup"), SELF_CGROUP);
        write(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\nweb:x:1001:1002::/home/web:/bin/sh\n");
        write(root.resolve("etc/group"), "root:x:0:\nweb:x:1002:\n");
        group("cpu", "/", Map.of("cgroup.procs", "", "tasks", "", "cpu.shares", "1024\n", "cpu.cfs_quota_us", "-1\n",
                "cpu.cfs_period_us", "100000\n"));
        group("pids", "/", Map.of("cgroup.procs", "", "tasks", ""));
        group("memory", "/", Map.of("cgroup.procs", "", "memory.limit_in_bytes", "9223372036854771712\n"));
        group("unified", "/", Map.of("cgroup.procs", "", "cgroup.controllers", "hugetlb\n", "cgroup.subtree_control", "\n"));
        this.scope = Hosts.use(CgroupHost.discover(HostPaths.under(root)));
    }

    public static FakeHost hybrid(Path root) {
        return new FakeHost(root);
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
        Path dir = dir(hierarchy, path);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.forEach((name, text) -> write(dir.resolve(name), text));
        return dir;
    }

    public Path dir(String hierarchy, String path) {
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
