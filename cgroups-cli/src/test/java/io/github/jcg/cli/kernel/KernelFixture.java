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
 * Root on a host with v1 cpu, cpuacct, pids and memory hierarchies (this project's hybrid
 * machines). Every group lives under one uniquely named parent that {@link #close()} removes,
 * killing what is left in it, so a failing test leaves nothing behind. Test processes are only
 * ever put into cpu, cpuacct, pids or freezer groups, never moved in or out of memory groups:
 * the machine's supervisor keeps its own processes in memory groups.
 */
final class KernelFixture implements AutoCloseable {
    final CgroupHost host = CgroupHost.discover();
    final String parent = "jcg-test-cli-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Process> started = new ArrayList<>();

    /** Skips (with the reason printed) unless we are root on a host with the v1 hierarchies the tests use. */
    static KernelFixture require() {
        skipUnless(uid() == 0, "these tests create cgroups and need root (uid is " + uid() + ")");
        CgroupHost host = CgroupHost.discover();
        for (Controller c : List.of(Controller.CPU, Controller.CPUACCT, Controller.PIDS, Controller.MEMORY)) {
            Optional<Hierarchy> h = host.layout().hierarchyOf(c);
            skipUnless(h.isPresent() && h.get().version() == CgroupVersion.V1 && Files.isWritable(h.get().mountPoint()),
                    "no writable cgroup v1 " + c + " hierarchy on this host (mode " + host.mode() + ")");
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

    /** The group a process is in, in one v1 hierarchy, from {@code /proc/<pid>/cgroup}. */
    static String groupOf(long pid, String controller) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/cgroup"))) {
                String[] fields = line.split(":", 3);
                if (List.of(fields[1].split(",")).contains(controller)) {
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
