package io.github.jcg.demo;

import io.github.jcg.fibtest.Fibtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of the workload's JVM: the same {@code java} binary and class path as this
 * one (a shaded jar or a class-path directory alike), fibtest's main class, and the hidden
 * options that make it join the group first and stop when its stdin closes.
 */
final class WorkloadCommand {
    /** Seconds the workload may run past the planned end before it stops on its own. */
    static final int SAFETY_SECONDS = 120;
    private static final Path SHELL = Path.of("/bin/sh");

    private WorkloadCommand() {
    }

    static List<String> build(String java, String classPath, DemoSettings settings, String group, String controllers) {
        return build(java, classPath, settings.threads(), settings.totalSeconds() + SAFETY_SECONDS, settings.warmupSeconds(),
                group, controllers);
    }

    /** The command for {@code threads} fast threads that stop on their own after {@code seconds}. */
    static List<String> build(String java, String classPath, int threads, int seconds, double warmupSeconds, String group,
                              String controllers) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        // a small heap and the serial collector: one GC thread, nothing in the group but the work
        cmd.add("-Xms16m");
        cmd.add("-Xmx64m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(Fibtest.class.getName());
        cmd.add("-t");
        cmd.add(Integer.toString(threads));
        cmd.add("-f");
        cmd.add(Integer.toString(threads));
        cmd.add("-s");
        cmd.add(Integer.toString(seconds));
        cmd.add("-w");
        cmd.add(String.format(Locale.ROOT, "%.3f", warmupSeconds));
        cmd.add("--agent");
        cmd.add("--until-eof");
        cmd.add("--cgroup");
        cmd.add(group);
        cmd.add("--cgroup-controllers");
        cmd.add(controllers);
        return cmd;
    }

    /**
     * The command wrapped so the workload ignores SIGINT. Ctrl-C signals the terminal's whole
     * foreground process group, the workload included; the agent should be the one to stop it
     * (and report), not the signal. A JVM started with SIGINT ignored leaves it ignored, and
     * {@code exec} keeps the process id, so the wrapper costs nothing. Without {@code /bin/sh}
     * the command is returned as it is.
     */
    static List<String> ignoringSigint(List<String> command) {
        if (!Files.isExecutable(SHELL)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>();
        wrapped.add(SHELL.toString());
        wrapped.add("-c");
        wrapped.add("trap '' INT; exec \"$0\" \"$@\"");
        wrapped.addAll(command);
        return wrapped;
    }

    /** This JVM's own executable, so the workload runs on the same Java. */
    static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static String currentClassPath() {
        return System.getProperty("java.class.path");
    }
}
