package io.github.jcg.cli.top;

import io.github.jcg.cli.Main;
import io.github.jcg.core.Cgroup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live view as a person sees it: {@code jcg top} in a detached tmux session of a known
 * size, keys sent as typed, the screen read back with {@code capture-pane}. Needs root (for
 * the groups it watches) and tmux; skipped with the reason printed otherwise.
 */
@Tag("root")
class TopTmuxTest {
    private static final String EXITED = "JCG-TOP-EXITED";

    @TempDir
    Path tmp;

    private final String socket = "jcg-top-test-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void keysSortToggleChangeTheIntervalAndQQuitsRestoringTheTerminal() throws Exception {
        requireTmux();
        try (KernelGroups k = KernelGroups.require()) {
            Cgroup busy = k.busyLoop("busy", 0.5);
            k.group("idle");
            try {
                start("top", "--depth=1", "/" + k.parent);
                String busyPath = busy.path().toString();
                String screen = waitFor(s -> row(s, busyPath) != null && !cells(row(s, busyPath))[2].equals("-"),
                        "a %CPU for the busy group");
                String[] lines = screen.split("\n");
                assertThat(lines[0]).startsWith("jcg top — ").contains("CPUs").contains("refresh 1s").contains("root /" + k.parent);
                assertThat(lines[1]).contains("Order: cpu").contains("Counting: tasks");
                assertThat(lines[2]).contains("Control Group").contains("%CPU").contains("Memory").contains("CPULim").contains("Thr%");
                String[] busyRow = cells(row(screen, busyPath));
                assertThat(Double.parseDouble(busyRow[2])).as("busy %%CPU on screen:\n%s", screen).isBetween(35.0, 65.0);
                assertThat(busyRow[6]).as("CPU limit").isEqualTo("0.50");
                assertThat(row(screen, "/" + k.parent + "/idle")).as("idle row on screen:\n%s", screen).isNotNull();
                assertThat(tmux("display-message", "-p", "-t", "top", "#{alternate_on}").strip()).isEqualTo("1");

                keys("m");
                waitFor(s -> s.split("\n")[1].contains("Order: memory"), "order by memory");
                keys("c");
                waitFor(s -> s.split("\n")[1].contains("Order: cpu"), "order by CPU");
                keys("%");
                screen = waitFor(s -> s.split("\n")[2].contains("CPU Time"), "CPU as time");
                assertThat(cells(row(screen, busyPath))[2]).matches("[0-9].*s");
                keys("%");
                waitFor(s -> s.split("\n")[2].contains("%CPU"), "CPU as percentage again");
                keys("+");
                screen = waitFor(s -> s.split("\n")[0].contains("refresh 2s"), "a longer interval");
                assertThat(screen).contains("Increased delay to 2s.");
                keys("-");
                waitFor(s -> s.split("\n")[0].contains("refresh 1s"), "the interval back");
                keys("p");
                waitFor(s -> s.split("\n")[1].contains("Order: path"), "order by path");

                tmux("resize-window", "-t", "top", "-x", "90", "-y", "20");
                screen = waitFor(s -> s.split("\n").length > 3 && s.split("\n")[2].startsWith("Control Group")
                        && !s.split("\n")[2].contains("CPULim") && row(s, busyPath) != null,
                        "the limit columns hidden when they do not fit");
                for (String line : screen.split("\n")) {
                    assertThat(line.length()).isLessThanOrEqualTo(90);
                }
                assertThat(row(screen, busyPath)).isNotNull();

                keys("q");
                screen = waitFor(s -> s.contains(EXITED), "jcg top to exit on q");
                assertThat(screen).contains(EXITED + " rc=0").doesNotContain("Control Group");
                assertThat(tmux("display-message", "-p", "-t", "top", "#{alternate_on}").strip()).isEqualTo("0");
            } finally {
                killServer();
            }
        }
    }

    @Test
    void ctrlCQuitsAndRestoresTheTerminal() throws Exception {
        requireTmux();
        try (KernelGroups k = KernelGroups.require()) {
            k.group("idle");
            try {
                start("top", "--depth=1", "/" + k.parent);
                waitFor(s -> s.startsWith("jcg top — "), "the live view");
                tmux("send-keys", "-t", "top", "C-c");
                String screen = waitFor(s -> s.contains(EXITED), "jcg top to exit on Ctrl-C");
                assertThat(screen).contains(EXITED + " rc=0");
                assertThat(tmux("display-message", "-p", "-t", "top", "#{alternate_on}").strip()).isEqualTo("0");
                // the line discipline is back: what we type is echoed by the shell's tty again
                tmux("send-keys", "-t", "top", "echo typed-after-exit", "Enter");
                waitFor(s -> s.contains("typed-after-exit"), "the terminal to echo again");
            } finally {
                killServer();
            }
        }
    }

    @Test
    void sigtermRestoresTheTerminal() throws Exception {
        requireTmux();
        try (KernelGroups k = KernelGroups.require()) {
            try {
                start("top", "--depth=1", "/" + k.parent);
                waitFor(s -> s.startsWith("jcg top — "), "the live view");
                ProcessHandle top = ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().map(c -> c.contains(Main.class.getName()) && c.contains("/" + k.parent)).orElse(false))
                        .findFirst().orElseThrow(() -> new AssertionError("no jcg top process"));
                top.destroy(); // SIGTERM
                String screen = waitFor(s -> s.contains(EXITED), "jcg top to exit on SIGTERM");
                assertThat(screen).contains(EXITED + " rc=143");
                assertThat(tmux("display-message", "-p", "-t", "top", "#{alternate_on}").strip()).isEqualTo("0");
            } finally {
                killServer();
            }
        }
    }

    private void requireTmux() {
        String why = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            why = "needs root";
        } else if (!onPath("tmux")) {
            why = "tmux is not installed (apt-get install tmux)";
        }
        if (why != null) {
            System.err.println("SKIPPED jcg top tmux test: " + why);
        }
        Assumptions.assumeTrue(why == null, why);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Starts jcg with {@code args} in a new 160×40 tmux session; after it exits, the shell prints its status and waits. */
    private void start(String... args) throws Exception {
        StringBuilder script = new StringBuilder("export JCG_INVOKED_AS=jcg\n");
        script.append('\'').append(Path.of(System.getProperty("java.home"), "bin", "java")).append("' -XX:TieredStopAtLevel=1 -cp '")
                .append(System.getProperty("java.class.path")).append("' ").append(Main.class.getName());
        for (String a : args) {
            script.append(" '").append(a).append('\'');
        }
        script.append("\necho ").append(EXITED).append(" rc=$?\nexec sh\n");
        Path file = tmp.resolve("run-top.sh");
        Files.writeString(file, script.toString());
        tmux("new-session", "-d", "-s", "top", "-x", "160", "-y", "40", "sh " + file);
    }

    private void keys(String key) throws Exception {
        tmux("send-keys", "-t", "top", "-l", key);
    }

    /** Polls the screen until {@code ready} holds (or 20 s pass); returns it. */
    private String waitFor(Predicate<String> ready, String what) throws Exception {
        String screen = "";
        for (long deadline = System.nanoTime() + 20_000_000_000L; System.nanoTime() < deadline; Thread.sleep(100)) {
            screen = tmux("capture-pane", "-p", "-t", "top");
            if (ready.test(screen)) {
                return screen;
            }
        }
        throw new AssertionError("timed out waiting for " + what + "; the screen was:\n" + screen);
    }

    /** The screen line whose first cell is {@code path}, or null. */
    private static String row(String screen, String path) {
        for (String line : screen.split("\n")) {
            if (line.startsWith(path + " ")) {
                return line;
            }
        }
        return null;
    }

    private static String[] cells(String line) {
        return line.trim().split("\\s+");
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        if (status != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + status + "): " + out);
        }
        return out;
    }

    private void killServer() {
        try {
            tmux("kill-server");
        } catch (IOException | InterruptedException e) {
            // already gone
        }
    }
}
