package io.github.jcg.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake host under a temporary directory: {@code proc/self/mountinfo}, {@code proc/cgroups},
 * {@code proc/self/cgroup}, and plain directories and files where the cgroup filesystems
 * would be mounted. Paths given to it are host paths ({@code /sys/fs/cgroup/cpu/web/cpu.shares})
 * and land under the temporary root, as {@link HostPaths#under(Path)} expects.
 *
 * <p>Two things a fake tree cannot do, which tests must allow for: the kernel's control files
 * do not appear when a group directory is made (create them with {@link #file}), and a write to a
 * regular file keeps the tail of a longer old value, where cgroupfs parses each write on its own
 * (see {@link #afterWrite}).
 */
public final class FakeHost {
    public static final String PROC_CGROUPS_HEADER = "#subsys_name\thierarchy\tnum_cgroups\tenabled\n";
    private static final String MOUNT_OPTIONS = "rw,nosuid,nodev,noexec,relatime";

    private final Path root;
    private final List<String> mountinfo = new ArrayList<>();
    private String procCgroups = PROC_CGROUPS_HEADER;
    private String selfCgroup = "";
    private int nextMountId = 40;
    private int nextMinor = 40;

    private FakeHost(Path root) {
        this.root = root;
    }

    /**
     * A host with /proc, /sys and the tmpfs that holds the cgroup mounts (as on a systemd host),
     * but no cgroup filesystem yet.
     */
    public static FakeHost at(Path root) {
        FakeHost host = new FakeHost(root);
        host.mountinfo("""
                22 1 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
                23 1 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:2 - sysfs sysfs rw
                25 23 0:24 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:4 - tmpfs tmpfs ro,mode=755
                """);
        return host;
    }

    /**
     * The hybrid host the fixtures were copied from ({@code fixtures/hybrid-host}): its
     * mountinfo, /proc/cgroups and /proc/self/cgroup verbatim, a directory for each cgroup mount,
     * and the v2 root's {@code cgroup.controllers}. Control files of the groups are up to the test.
     */
    public static FakeHost hybridFixture(Path root) {
        FakeHost host = new FakeHost(root);
        host.mountinfo(Fixtures.text("hybrid-host/proc/self/mountinfo"));
        host.procCgroups = Fixtures.text("hybrid-host/proc/cgroups");
        host.selfCgroup = Fixtures.text("hybrid-host/proc/self/cgroup");
        host.file("/sys/fs/cgroup/unified/cgroup.controllers", Fixtures.text("hybrid-host/unified/cgroup.controllers"));
        host.file("/sys/fs/cgroup/unified/cgroup.subtree_control", "");
        return host;
    }

    /** A unified (v2 only) host whose root offers {@code controllers} (space-separated). */
    public static FakeHost unified(Path root, String controllers) {
        FakeHost host = at(root).v2("/sys/fs/cgroup", controllers);
        for (String c : List.of("cpuset", "cpu", "cpuacct", "blkio", "memory", "devices", "freezer", "net_cls",
                "perf_event", "net_prio", "hugetlb", "pids", "rdma", "misc")) {
            host.controllers(c + "\t0\t1\t1");
        }
        return host.selfCgroup("0::/user.slice/user-1000.slice/session-3.scope\n");
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
        return dir(mountPoint);
    }

    /** A device number no other mount uses yet: a new hierarchy. */
    public String newDevice() {
        return "0:" + nextMinor++;
    }

    /** Appends rows to /proc/cgroups, e.g. {@code "memory\t0\t1\t0"}. */
    public FakeHost controllers(String rows) {
        procCgroups += rows.endsWith("\n") ? rows : rows + "\n";
        return this;
    }

    public FakeHost selfCgroup(String text) {
        selfCgroup = text;
        return this;
    }

    /** Creates or replaces a file at a host path, with its parent directories. */
    public FakeHost file(String hostPath, String content) {
        Path p = path(hostPath);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public FakeHost dir(String hostPath) {
        try {
            Files.createDirectories(path(hostPath));
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
        try {
            return Files.readString(path(hostPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String hostPath) {
        return Files.exists(path(hostPath));
    }

    /**
     * What a regular file that held {@code before} reads after one write of {@code value} at
     * offset 0: the value, then whatever of the old text was longer. cgroupfs would read back
     * the new setting alone; this is the fake tree's equivalent of it.
     */
    public static String afterWrite(String before, String value) {
        return before.length() > value.length() ? value + before.substring(value.length()) : value;
    }

    public HostPaths paths() {
        file("/proc/self/mountinfo", String.join("\n", mountinfo) + "\n");
        file("/proc/cgroups", procCgroups);
        file("/proc/self/cgroup", selfCgroup);
        return HostPaths.under(root);
    }

    public CgroupHost discover() {
        return CgroupHost.discover(paths());
    }

    public HostLayout layout() {
        return discover().layout();
    }

    static String escape(String path) {
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

    /** Decodes {@code \ooo} escapes; written apart from the parser under test on purpose. */
    static String decodeOctal(String field) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < field.length()) {
            if (field.charAt(i) == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 4;
            } else {
                out.append(field.charAt(i));
                i++;
            }
        }
        return out.toString();
    }
}
