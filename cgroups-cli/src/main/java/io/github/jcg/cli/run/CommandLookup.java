package io.github.jcg.cli.run;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the program a command names before anything is made for it, as a shell would: a name
 * with {@code /} is a path, any other is looked for in PATH. What a shell reports with 127 (not
 * found) or 126 (found, not executable) is reported the same way, before a group exists.
 */
public final class CommandLookup {
    private CommandLookup() {
    }

    /**
     * The outcome of a lookup.
     *
     * @param status  0 when found and executable, else 126 or 127
     * @param problem one line saying what is wrong; empty when found
     */
    public record Found(int status, String problem) {
    }

    /** Looks {@code name} up in {@code path} (a PATH value; null or empty means none). */
    public static Found find(String name, String path) {
        if (name.isEmpty()) {
            return new Found(127, "'': command not found (the command is an empty word)");
        }
        if (name.indexOf('/') >= 0) {
            return check(Path.of(name), name);
        }
        boolean foundNotExecutable = false;
        for (String dir : (path == null ? "" : path).split(":", -1)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate)) {
                if (Files.isExecutable(candidate)) {
                    return new Found(0, "");
                }
                foundNotExecutable = true;
            }
        }
        return foundNotExecutable
                ? new Found(126, name + ": permission denied (found in PATH, but not executable)")
                : new Found(127, name + ": command not found (not in PATH)");
    }

    private static Found check(Path file, String name) {
        if (!Files.exists(file)) {
            return new Found(127, name + ": no such file or directory");
        }
        if (Files.isDirectory(file)) {
            return new Found(126, name + ": is a directory");
        }
        if (!Files.isExecutable(file)) {
            return new Found(126, name + ": permission denied (not executable; chmod +x " + name + ")");
        }
        return new Found(0, "");
    }
}
