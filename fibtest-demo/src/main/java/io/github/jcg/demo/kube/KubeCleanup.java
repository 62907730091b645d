package io.github.jcg.demo.kube;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.demo.WorkloadProcess;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stops every workload and removes the whole cgroupRoot exactly once, whichever way act two
 * ends: at the end of the run, on an exception, or from a shutdown hook on Ctrl-C
 * (SIGINT/SIGTERM). On cgroup v2 the controllers that creating the groups enabled in the root's
 * {@code cgroup.subtree_control} are disabled again (where nothing else uses them now).
 */
final class KubeCleanup implements AutoCloseable {
    private final CgroupHost host;
    private final String cgroupRoot;
    private final PrintWriter err;
    private final List<WorkloadProcess> workloads = new ArrayList<>();
    private final Set<String> rootControllersBefore;
    private boolean done;
    private volatile boolean interrupted;
    private Thread hook;
    private String outcome = "";

    KubeCleanup(CgroupHost host, String cgroupRoot, PrintWriter err) {
        this.host = host;
        this.cgroupRoot = cgroupRoot;
        this.err = err;
        this.rootControllersBefore = v2RootControllers();
    }

    /** Runs {@link #run()} if the JVM is asked to exit (Ctrl-C) before the act ends. */
    KubeCleanup installHook() {
        hook = new Thread(() -> {
            interrupted = true;
            String what = run();
            err.println("jcg demo --kube: interrupted; " + what);
            err.flush();
        }, "jcg-demo-kube-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    synchronized void track(WorkloadProcess workload) {
        workloads.add(workload);
    }

    boolean interrupted() {
        return interrupted;
    }

    /** Stops the workloads and removes the cgroupRoot in every hierarchy (once); says what it did. */
    synchronized String run() {
        if (done) {
            return outcome;
        }
        done = true;
        for (WorkloadProcess w : workloads) {
            if (w.isAlive()) {
                w.kill();
            }
        }
        try {
            // every process left under the root (a hog the step did not get to) is killed first
            root().delete(DeleteOptions.defaults().recursively().onPopulated(DeleteOptions.OnPopulated.KILL).ignoringMissing());
            restoreV2Root();
            outcome = "stopped the workloads and removed " + cgroupRoot + " and everything under it";
        } catch (CgroupException e) {
            // a pod group half removed (gone from some hierarchies, not others) trips the merged
            // recursive delete: remove what is left hierarchy by hierarchy, deepest first
            String left = removeDirectories();
            outcome = left.isEmpty() ? "stopped the workloads and removed " + cgroupRoot + " and everything under it"
                    : "could not remove " + cgroupRoot + ": " + e.getMessage() + "; left: " + left;
        }
        return outcome;
    }

    @Override
    public void close() {
        run();
        if (hook != null && !interrupted) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already; the hook finds the work done
            }
        }
    }

    synchronized String outcome() {
        return outcome;
    }

    /** The root in every hierarchy with a controller, and the v2 one. */
    private Cgroup root() {
        return host.group(cgroupRoot, ControllerSelection.all());
    }

    /** Whether anything of the root is left in any hierarchy. */
    boolean leftBehind() {
        for (Hierarchy h : host.layout().hierarchies()) {
            if (Files.exists(h.mountPoint().resolve(cgroupRoot.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    /** rmdir of every group left under the root, per hierarchy; returns what could not be removed. */
    private String removeDirectories() {
        List<String> left = new ArrayList<>();
        for (Hierarchy h : host.layout().hierarchies()) {
            Path top = h.mountPoint().resolve(cgroupRoot.substring(1));
            if (!Files.isDirectory(top)) {
                continue;
            }
            try (var walk = Files.walk(top)) {
                List<Path> dirs = walk.filter(Files::isDirectory).sorted(java.util.Comparator.reverseOrder()).toList();
                for (Path d : dirs) {
                    try {
                        Files.delete(d);
                    } catch (IOException e) {
                        left.add(d.toString());
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                left.add(top.toString());
            }
        }
        return String.join(", ", left);
    }

    private Set<String> v2RootControllers() {
        return host.layout().unified().map(h -> words(h.mountPoint().resolve("cgroup.subtree_control"))).orElse(Set.of());
    }

    private void restoreV2Root() {
        host.layout().unified().filter(h -> h.version() == CgroupVersion.V2).ifPresent(h -> {
            Path control = h.mountPoint().resolve("cgroup.subtree_control");
            Set<String> now = words(control);
            for (String controller : now) {
                if (!rootControllersBefore.contains(controller)) {
                    try {
                        Files.writeString(control, "-" + controller);
                    } catch (IOException e) {
                        // another group uses it there now (EBUSY): it is no longer only ours to disable
                    }
                }
            }
        });
    }

    private static Set<String> words(Path file) {
        try {
            Set<String> out = new LinkedHashSet<>();
            for (String w : Files.readString(file).strip().split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
            return out;
        } catch (IOException e) {
            return Set.of();
        }
    }
}
