package io.github.jcg.cli.top;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.limit.CpuWeight;
import io.github.jcg.core.limit.Resources;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Groups for top's real-kernel tests: everything lives under one {@code jcg-test-top-<random>}
 * parent that {@link #close()} removes, killing what is left in it, even when a test failed.
 * Busy loops go only into cpu, cpuacct and pids groups we made; never into the memory
 * hierarchy, where the machine's own supervisor keeps its processes.
 */
final class KernelGroups implements AutoCloseable {
    final CgroupHost host = CgroupHost.discover();
    final String parent = "jcg-test-top-" + UUID.randomUUID().toString().substring(0, 8);
    final ControllerSelection controllers;
    private final List<Process> started = new ArrayList<>();

    private KernelGroups(ControllerSelection controllers) {
        this.controllers = controllers;
        // the most CPU weight there is, so a loaded machine (CI, other builds) cannot starve our
        // busy loops below their quota: the quota, not the neighbours, is what the tests measure
        host.group(parent, controllers).create().apply(HEAVY);
    }

    private static final Resources HEAVY = Resources.builder().cpuWeight(CpuWeight.shares(262_144)).build();

    /** Skips, with the reason printed, unless we are root with a writable cpu controller (v1 or v2). */
    static KernelGroups require() {
        String why = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            why = "these tests create cgroups and need root";
        } else if (!Files.isDirectory(Path.of("/sys/fs/cgroup"))) {
            why = "no /sys/fs/cgroup on this host";
        }
        ControllerSelection selection = null;
        if (why == null) {
            CgroupHost host = CgroupHost.discover();
            Optional<Hierarchy> cpu = host.layout().hierarchyOf(Controller.CPU);
            if (cpu.isEmpty() || !Files.isWritable(cpu.get().mountPoint())) {
                why = "no writable cpu controller (mode " + host.mode() + ")";
            } else if (cpu.get().version() == CgroupVersion.V1) {
                selection = ControllerSelection.parse(host.layout().hierarchyOf(Controller.PIDS).isPresent()
                        ? "cpu,cpuacct,pids" : "cpu,cpuacct");
            } else {
                selection = ControllerSelection.parse(host.layout().hierarchyOf(Controller.PIDS).isPresent() ? "cpu,pids" : "cpu");
            }
        }
        if (why != null) {
            System.err.println("SKIPPED jcg top real-kernel test: " + why);
        }
        Assumptions.assumeTrue(why == null, why);
        return new KernelGroups(selection);
    }

    /** A group below the parent ({@code name} may have slashes), created. */
    Cgroup group(String name) {
        return host.group(parent + "/" + name, controllers).create();
    }

    Cgroup parentGroup() {
        return host.group(parent, controllers);
    }

    /** A group limited to {@code cores} CPUs with a busy loop in it. */
    Cgroup busyLoop(String name, double cores) throws IOException {
        return busyLoop(name, cores, 100_000);
    }

    /** A group limited to {@code cores} CPUs per CFS period of {@code periodMicros}, with a busy loop in it. */
    Cgroup busyLoop(String name, double cores, long periodMicros) throws IOException {
        Cgroup g = group(name);
        g.apply(HEAVY);
        if (cores > 0) {
            g.apply(Resources.builder().cpuCores(cores, periodMicros).build());
        }
        startIn(g, "while :; do :; done");
        return g;
    }

    /** Starts {@code sh -c script} and moves it into the group. */
    Process startIn(Cgroup g, String script) throws IOException {
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        started.add(p);
        g.attach(p.pid());
        return p;
    }

    /**
     * {@code jcg top ARGS} as its own process, the way a script runs it: standard output a pipe
     * (so batch output is systemd-cgtop's lines, whatever this JVM's own output is attached to;
     * in the VM lane that is the console, a terminal), standard input empty.
     */
    Process startJcg(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "io.github.jcg.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    void remove(Cgroup g) {
        g.delete(DeleteOptions.defaults().recursively().onPopulated(DeleteOptions.OnPopulated.KILL).ignoringMissing());
    }

    @Override
    public void close() {
        for (Process p : started) {
            p.destroyForcibly();
        }
        host.group(parent, controllers)
                .delete(DeleteOptions.defaults().recursively().onPopulated(DeleteOptions.OnPopulated.KILL).ignoringMissing());
    }
}
