package io.github.jcg.it.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Tests of commands that are still being written on other branches (create, set, get, …) run
 * once the command is in the jar and skip, saying so, until then. Only a command that is not
 * there is skipped: one that is there but whose {@code --help} fails makes the test fail.
 *
 * <p>How "not there" looks: picocli answers {@code jcg <unknown> --help} with jcg's own usage
 * and status 0 (the help request wins over the unmatched argument), and {@code jcg <unknown>}
 * with "Unmatched argument" and status 129.
 */
public final class CommandGate {
    /** What each place (host launcher, one container image) has answered, per command. */
    private static final Map<String, Boolean> BUILT = new ConcurrentHashMap<>();

    private CommandGate() {
    }

    /**
     * Skips the calling test unless {@code jcg <command>} exists where {@code jcg} runs.
     *
     * @param where a key for the place {@code jcg} runs (results are cached per place)
     * @param jcg   runs jcg there with the given arguments
     */
    public static void requireBuilt(String where, String command, Function<String[], Result> jcg) {
        boolean built = BUILT.computeIfAbsent(where + " " + command, k -> isBuilt(command, jcg));
        if (!built) {
            Skip.because("jcg " + command + ": command not built yet (jcg " + command + " --help shows no such command)");
        }
    }

    static boolean isBuilt(String command, Function<String[], Result> jcg) {
        Result help = jcg.apply(new String[] {command, "--help"});
        String first = help.out().lines().findFirst().orElse("");
        if (help.exit() == 0 && first.matches("Usage: jcg " + java.util.regex.Pattern.quote(command) + "(\\s.*)?")) {
            return true;
        }
        if (help.exit() == 0 && first.startsWith("Usage: jcg [")) {
            return false;
        }
        String err = help.err();
        if (help.exit() != 0 && (err.contains("Unmatched argument") || err.contains("Unknown subcommand")
                || err.contains("Wrong input parameters"))) {
            return false;
        }
        throw new AssertionError("jcg " + command + " --help neither shows the command's usage nor says there is no"
                + " such command: " + help);
    }
}
