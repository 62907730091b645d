package io.github.jcg.core.kernel;

import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.ProcessIds;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Shared set-up for tests that need root and this host's real cgroup hierarchies. Every
 * group a test makes lives under one uniquely named parent that {@link #close()} removes,
 * killing anything left in it, so a failing test leaves nothing behind.
 *
 * <p>Processes are only ever attached to groups in hierarchies other than memory: the
 * machine's own supervisor keeps its processes in memory groups we must not take them out of.
 */
final class RealKernel implements AutoCloseable {
    /** The controllers tests may attach processes in. */
    static final ControllerSelection ATTACHABLE = ControllerSelection.parse("cpu,cpuacct,pids,freezer");

    final CgroupHost host = CgroupHost.discover();
    final String parent = "jcg-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Process> started = new ArrayList<>();

    /** Skips (with a printed reason) unless we are root on a host with writable v1 controllers. */
    static RealKernel requireV1() {
        requireRoot();
        CgroupHost host = CgroupHost.discover();
        Optional<Hierarchy> cpu = host.layout().hierarchyOf(Controller.CPU);
        skipUnless(cpu.isPresent() && cpu.get().version() == CgroupVersion.V1 && Files.isWritable(cpu.get().mountPoint()),
                "no writable cgroup v1 cpu hierarchy on this host (mode " + host.mode() + ")");
        return new RealKernel();
    }

    /** Skips unless there is a writable v2 hierarchy (the unified mount of a hybrid host, or a v2 host). */
    static RealKernel requireV2() {
        requireRoot();
        CgroupHost host = CgroupHost.discover();
        skipUnless(host.layout().unified().map(h -> Files.isWritable(h.mountPoint())).orElse(false),
                "no writable cgroup v2 hierarchy on this host (mode " + host.mode() + ")");
        return new RealKernel();
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

    static long uid() {
        try {
            return ProcessIds.current().effectiveUid();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** A path under this test's parent. */
    String path(String child) {
        return parent + "/" + child;
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
