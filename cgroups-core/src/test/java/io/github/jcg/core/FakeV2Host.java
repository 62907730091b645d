package io.github.jcg.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A cgroup v2-only host built from plain files under a temporary directory, for the cases the
 * hybrid test machine cannot show: a v2 root that does not offer a controller, {@code cpu.max},
 * and symbolic links planted in the hierarchy that point out of it.
 *
 * <pre>
 * root/proc/self/mountinfo, root/proc/cgroups, root/proc/self/cgroup
 * root/sys/fs/cgroup/                the v2 mount; offers cpu memory pids, enables cpu memory
 * root/sys/fs/cgroup/g/              an ordinary group (cpu and memory files, no pids.max)
 * root/sys/fs/cgroup/linked/         like g, but its cpu.max is a link to root/outside/cpu.max
 * root/sys/fs/cgroup/escape          a link to the directory root/outside/tree
 * root/outside/tree/inner/           a group-like directory reached through escape/inner
 * </pre>
 */
final class FakeV2Host {
    /** mountinfo, /proc/cgroups and /proc/self/cgroup as a v2-only host (Debian 12, 6.1) prints them. */
    private static final String MOUNTINFO = """
            22 28 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
            26 28 0:24 / /run rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw,size=1632960k,mode=755
            28 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
            30 29 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
            """;
    private static final String PROC_CGROUPS = """
            #subsys_name\thierarchy\tnum_cgroups\tenabled
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
    static final String ORIGINAL_CPU_MAX = "max 100000\n";

    final Path root;
    final Path mount;
    final Path outside;
    final CgroupHost host;

    private FakeV2Host(Path root) {
        this.root = root;
        this.mount = root.resolve("sys/fs/cgroup");
        this.outside = root.resolve("outside");
        try {
            write(root.resolve("proc/self/mountinfo"), MOUNTINFO);
            write(root.resolve("proc/cgroups"), PROC_CGROUPS);
            write(root.resolve("proc/self/cgroup"), "0::/\n");

            write(mount.resolve("cgroup.controllers"), "cpu memory pids\n");
            write(mount.resolve("cgroup.subtree_control"), "cpu memory\n");
            write(mount.resolve("cgroup.procs"), "1\n");
            write(mount.resolve("cgroup.max.depth"), "max\n");

            groupFiles(mount.resolve("g"));
            groupFiles(mount.resolve("linked"));
            Files.delete(mount.resolve("linked/cpu.max"));
            write(outside.resolve("cpu.max"), ORIGINAL_CPU_MAX);
            Files.createSymbolicLink(mount.resolve("linked/cpu.max"), outside.resolve("cpu.max"));

            groupFiles(outside.resolve("tree/inner"));
            Files.createSymbolicLink(mount.resolve("escape"), outside.resolve("tree"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.host = CgroupHost.discover(HostPaths.under(root));
    }

    static FakeV2Host under(Path root) {
        return new FakeV2Host(root);
    }

    /** The files of a v2 group whose parent enables cpu and memory (values from a 6.1 kernel). */
    private static void groupFiles(Path dir) throws IOException {
        write(dir.resolve("cgroup.controllers"), "cpu memory\n");
        write(dir.resolve("cgroup.subtree_control"), "");
        write(dir.resolve("cgroup.procs"), "");
        write(dir.resolve("cgroup.threads"), "");
        write(dir.resolve("cgroup.type"), "domain\n");
        write(dir.resolve("cgroup.events"), "populated 0\nfrozen 0\n");
        write(dir.resolve("cgroup.freeze"), "0\n");
        write(dir.resolve("cgroup.kill"), "");
        write(dir.resolve("cgroup.max.depth"), "max\n");
        write(dir.resolve("cpu.max"), ORIGINAL_CPU_MAX);
        write(dir.resolve("cpu.max.burst"), "0\n");
        write(dir.resolve("cpu.weight"), "100\n");
        write(dir.resolve("cpu.weight.nice"), "0\n");
        write(dir.resolve("cpu.stat"), "usage_usec 0\nuser_usec 0\nsystem_usec 0\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n");
        write(dir.resolve("memory.max"), "max\n");
        write(dir.resolve("memory.high"), "max\n");
        write(dir.resolve("memory.low"), "0\n");
        write(dir.resolve("memory.min"), "0\n");
        write(dir.resolve("memory.swap.max"), "max\n");
        write(dir.resolve("memory.current"), "0\n");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    Cgroup group(String path) {
        return host.group(path, ControllerSelection.parse("cpu,memory"));
    }

    Map<String, String> vars() {
        return Map.of("${ROOT}", root.toString());
    }

    /**
     * Every entry under the fake root, the outside directory included, without following links:
     * directories, each file's text, and each link's target.
     */
    Map<String, String> snapshot() {
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
}
