package io.github.jcg.cli.kernel;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.ProcessIds;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Root on a kernel with the cpu, pids and memory controllers, on whatever versions this host
 * mounts them: this project's hybrid machines (v1 controllers, an empty v2 mount), and the VM
 * lane's pure v2, v1-only (cpu,cpuacct co-mounted) and split layouts. Every group lives under
 * one uniquely named parent that {@link #close()} removes, killing what is left in it, so a
 * failing test leaves nothing behind. Test processes are only ever put into cpu, cpuacct and
 * pids groups (and, on v2, the one hierarchy that holds them), never moved in or out of a v1
 * memory hierarchy: on the project's machines the supervisor keeps its own processes there.
 */
final class KernelFixture implements AutoCloseable {
    final CgroupHost host = CgroupHost.discover();
    final String parent = "jcg-test-cli-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Process> started = new ArrayList<>();

    /** Skips (with the reason printed) unless we are root with writable cpu, pids and memory controllers. */
    static KernelFixture require() {
        skipUnless(uid() == 0, "these tests create cgroups and need root (uid is " + uid() + ")");
        CgroupHost host = CgroupHost.discover();
        List<Controller> needed = new ArrayList<>(List.of(Controller.CPU, Controller.PIDS, Controller.MEMORY));
        if (host.layout().hierarchyOf(Controller.CPU).map(h -> h.version() == CgroupVersion.V1).orElse(false)) {
            needed.add(Controller.CPUACCT);
        }
        for (Controller c : needed) {
            Optional<Hierarchy> h = host.layout().hierarchyOf(c);
            skipUnless(h.isPresent() && Files.isWritable(h.get().mountPoint()),
                    "no writable " + c.kernelName() + " controller on this host (mode " + host.mode() + ")");
        }
        return new KernelFixture();
    }

    static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.err.println("SKIPPED real-kernel test: " + reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }

    static long uid() {
        try {
            return ProcessIds.current().effectiveUid();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The VM lane's layout ({@code v2}, {@code v1}, {@code split}), or {@code host} outside the VM. */
    static String layoutName() {
        return System.getProperty("jcg.vm.layout", "host");
    }

    Hierarchy hierarchy(Controller c) {
        return host.layout().hierarchyOf(c).orElseThrow();
    }

    /** Whether {@code c} is on the v2 hierarchy here. */
    boolean onV2(Controller c) {
        return hierarchy(c).version() == CgroupVersion.V2;
    }

    /** Whether the host has a v2 hierarchy at all (a group without controllers needs one). */
    boolean hasV2() {
        return host.layout().unified().isPresent();
    }

    /** cpu with its accounting: {@code cpu,cpuacct} where cpu is on v1, {@code cpu} on v2 (no cpuacct there). */
    String cpuControllers() {
        return onV2(Controller.CPU) ? "cpu" : "cpu,cpuacct";
    }

    /** A path under this fixture's parent. */
    String path(String child) {
        return parent + "/" + child;
    }

    Cgroup group(String child, String controllers) {
        return host.group(path(child), ControllerSelection.parse(controllers));
    }

    Cgroup create(String child, String controllers) {
        return group(child, controllers).create();
    }

    Process sleeper() {
        try {
            Process p = new ProcessBuilder("sleep", "600").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            started.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The group a process is in, in the hierarchy of {@code controller}, from
     * {@code /proc/<pid>/cgroup}: the v1 line that names the controller, or the {@code 0::}
     * line where the controller is on v2.
     */
    String groupOf(long pid, Controller controller) {
        return groupOf(pid, onV2(controller), controller.kernelName());
    }

    /** The group a process is in on the v2 hierarchy ({@code 0::} line). */
    static String v2GroupOf(long pid) {
        return groupOf(pid, true, "");
    }

    private static String groupOf(long pid, boolean v2, String controller) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/cgroup"))) {
                String[] fields = line.split(":", 3);
                boolean match = v2 ? fields[0].equals("0") && fields[1].isEmpty()
                        : List.of(fields[1].split(",")).contains(controller);
                if (match) {
                    return fields[2];
                }
            }
        } catch (IOException e) {
            return "(gone)";
        }
        return "(none)";
    }

    String read(String child, String file) {
        return host.group(path(child)).read(file).strip();
    }

    /**
     * The group's CFS limit as cgroup v2's {@code cpu.max} writes it ({@code "50000 100000"},
     * {@code "max 100000"}): that file on v2, {@code cpu.cfs_quota_us} and
     * {@code cpu.cfs_period_us} on v1 (quota -1 is {@code max}).
     */
    String cpuMax(String child) {
        if (onV2(Controller.CPU)) {
            return read(child, "cpu.max");
        }
        String quota = read(child, "cpu.cfs_quota_us");
        return (quota.equals("-1") ? "max" : quota) + " " + read(child, "cpu.cfs_period_us");
    }

    /** The memory limit as v2 writes it (bytes or {@code max}), from memory.max or memory.limit_in_bytes. */
    String memoryMax(String child) {
        if (onV2(Controller.MEMORY)) {
            return read(child, "memory.max");
        }
        String limit = read(child, "memory.limit_in_bytes");
        return limit.equals("9223372036854771712") ? "max" : limit;
    }

    /** The relative CPU weight file on the cpu controller's version, and its kernel default. */
    String weightFile() {
        return onV2(Controller.CPU) ? "cpu.weight" : "cpu.shares";
    }

    String defaultWeight() {
        return onV2(Controller.CPU) ? "100" : "1024";
    }

    @Override
    public void close() {
        started.forEach(Process::destroyForcibly);
        DeleteOptions everything = DeleteOptions.defaults().recursively().onPopulated(DeleteOptions.OnPopulated.KILL).ignoringMissing();
        host.group(parent, ControllerSelection.all()).delete(everything);
        for (Hierarchy h : host.layout().hierarchies()) {
            if (Files.exists(h.mountPoint().resolve(parent))) {
                throw new AssertionError("test parent " + parent + " was left in " + h.mountPoint());
            }
        }
    }
}
