package io.github.jcg.demo;

import io.github.jcg.core.CgroupException;

import java.io.PrintWriter;

/**
 * Stops the workload and removes the group exactly once, whichever way the demo ends: at the
 * end of the run, on an exception, or from a shutdown hook on Ctrl-C (SIGINT/SIGTERM). With
 * {@code --keep} the group stays, but the workload is still stopped.
 */
final class Cleanup implements AutoCloseable {
    private final DemoGroup group;
    private final boolean keep;
    private final PrintWriter err;
    private WorkloadProcess workload;
    private boolean done;
    private volatile boolean interrupted;
    private Thread hook;
    private String outcome = "";

    Cleanup(DemoGroup group, boolean keep, PrintWriter err) {
        this.group = group;
        this.keep = keep;
        this.err = err;
    }

    /** Runs {@link #run()} if the JVM is asked to exit (Ctrl-C) before the demo ends. */
    Cleanup installHook() {
        hook = new Thread(() -> {
            interrupted = true;
            String what = run();
            err.println("jcg demo: interrupted; " + what);
            err.flush();
        }, "jcg-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    synchronized void track(WorkloadProcess process) {
        this.workload = process;
    }

    /** Whether the cleanup ran because the JVM is shutting down. */
    boolean interrupted() {
        return interrupted;
    }

    /** Stops the workload and removes the group (once); says what it did. */
    synchronized String run() {
        if (done) {
            return outcome;
        }
        done = true;
        if (workload != null && workload.isAlive()) {
            workload.kill();
        }
        if (keep) {
            outcome = "kept group " + group.path() + " (--keep): " + String.join(", ", group.directories())
                    + "; remove it with rmdir " + String.join(" ", group.directories());
            return outcome;
        }
        try {
            group.remove();
            outcome = "stopped the workload and removed group " + group.path();
        } catch (CgroupException e) {
            outcome = "could not remove group " + group.path() + ": " + e.getMessage();
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
}
