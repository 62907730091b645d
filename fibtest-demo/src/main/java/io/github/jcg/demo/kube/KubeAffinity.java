package io.github.jcg.demo.kube;

import io.github.jcg.demo.DemoException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU affinity of a whole process, every thread of it, through {@code taskset -a -p -c} (util-linux,
 * or busybox's applet): step 1b confines both pods' JVMs to one CPU and gives them their CPUs back.
 * The JDK cannot set another process's affinity, and taskset is on nearly every Linux host.
 */
final class KubeAffinity {
    static final long TASKSET_TIMEOUT_MILLIS = 10_000;
    private static final String ALLOWED = "Cpus_allowed_list:";

    private final List<String> taskset;
    private final Path proc;

    KubeAffinity(List<String> taskset, Path proc) {
        this.taskset = List.copyOf(taskset);
        this.proc = proc;
    }

    /** @return taskset as found on PATH: util-linux's, or else busybox's applet; empty when neither is there */
    static Optional<KubeAffinity> find() {
        String path = System.getenv("PATH");
        Optional<Path> utilLinux = onPath(path, "taskset");
        if (utilLinux.isPresent()) {
            return Optional.of(new KubeAffinity(List.of(utilLinux.get().toString()), Path.of("/proc")));
        }
        return onPath(path, "busybox").filter(KubeAffinity::hasTaskset)
                .map(busybox -> new KubeAffinity(List.of(busybox.toString(), "taskset"), Path.of("/proc")));
    }

    static Optional<Path> onPath(String path, String name) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether this busybox was built with the taskset applet ({@code busybox --list}). */
    private static boolean hasTaskset(Path busybox) {
        try {
            return run(List.of(busybox.toString(), "--list")).lines().anyMatch("taskset"::equals);
        } catch (DemoException e) {
            return false;
        }
    }

    /** @return the command, for the report ({@code /usr/bin/taskset}, {@code /bin/busybox taskset}) */
    String command() {
        return String.join(" ", taskset);
    }

    /**
     * @param pid a process
     * @return its (main thread's) {@code Cpus_allowed_list}, as {@code /proc/PID/status} writes it
     */
    String allowedList(long pid) {
        return allowedList(proc.resolve(Long.toString(pid)).resolve("status"))
                .orElseThrow(() -> new DemoException("process " + pid + " has ended or its /proc status has no " + ALLOWED));
    }

    /** @return every thread's {@code Cpus_allowed_list}, threads that ended meanwhile left out */
    List<String> threadLists(long pid) {
        List<String> out = new ArrayList<>();
        Path tasks = proc.resolve(Long.toString(pid)).resolve("task");
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                allowedList(thread.resolve("status")).ifPresent(out::add);
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new DemoException("cannot list the threads of process " + pid + " (" + tasks + "): " + e.getMessage(), e);
        }
        return out;
    }

    private static Optional<String> allowedList(Path status) {
        try {
            return Files.readAllLines(status, StandardCharsets.US_ASCII).stream().filter(l -> l.startsWith(ALLOWED))
                    .map(l -> l.substring(ALLOWED.length()).strip()).findFirst();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DemoException("cannot read " + status + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the affinity of every thread of a process and checks that each thread has it.
     *
     * @param pid  the process
     * @param list the CPUs, as a list ({@code 1}, {@code 0-3})
     * @return how many threads have it now
     * @throws DemoException when taskset fails or a thread kept other CPUs
     */
    int set(long pid, String list) {
        List<String> command = new ArrayList<>(taskset);
        command.addAll(List.of("-a", "-p", "-c", list, Long.toString(pid)));
        run(command);
        List<String> threads = threadLists(pid);
        List<String> other = threads.stream().filter(l -> !cpus(l).equals(cpus(list))).toList();
        if (!other.isEmpty()) {
            throw new DemoException(String.join(" ", command) + " left " + other.size() + " of " + threads.size()
                    + " threads of process " + pid + " on other CPUs (" + other.get(0) + ")");
        }
        return threads.size();
    }

    private static String run(List<String> command) {
        String words = String.join(" ", command);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            if (!process.waitFor(TASKSET_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new DemoException(words + " did not finish within " + TASKSET_TIMEOUT_MILLIS / 1000 + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new DemoException(words + " failed with exit status " + process.exitValue() + ": " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new DemoException("cannot run " + words + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted while running " + words);
        }
    }

    /**
     * @param list a kernel CPU list ({@code 0-3,8,10-11})
     * @return its CPUs
     * @throws IllegalArgumentException when it is not one
     */
    static TreeSet<Integer> cpus(String list) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : list.strip().split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                int dash = part.indexOf('-');
                int first = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
                int last = dash < 0 ? first : Integer.parseInt(part.substring(dash + 1));
                if (first < 0 || last < first) {
                    throw new IllegalArgumentException("not a CPU list: " + list);
                }
                for (int cpu = first; cpu <= last; cpu++) {
                    out.add(cpu);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CPU list: " + list, e);
            }
        }
        return out;
    }

    /**
     * The CPU step 1b contends for: the last online CPU every process may run on.
     *
     * @param online  the online CPUs ({@code /sys/devices/system/cpu/online})
     * @param allowed each process's allowed CPUs
     * @return the CPU, or empty when the processes share no online CPU
     */
    static Optional<Integer> lastCommon(String online, List<String> allowed) {
        TreeSet<Integer> common = cpus(online);
        for (String list : allowed) {
            common.retainAll(cpus(list));
        }
        return common.isEmpty() ? Optional.empty() : Optional.of(common.last());
    }

    /** @return the online CPUs as the kernel lists them; {@code 0-(n-1)} where sysfs does not say */
    static String onlineCpus(int configured) {
        try {
            return Files.readString(Path.of("/sys/devices/system/cpu/online"), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return configured <= 1 ? "0" : "0-" + (configured - 1);
        }
    }
}
