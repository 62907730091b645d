package io.github.jcg.core.limit;

import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.internal.controller.ControllerModule;
import io.github.jcg.core.internal.controller.Controllers;
import io.github.jcg.core.internal.controller.RawValues;

import java.util.Optional;

/**
 * Checks a raw value for a control file jcg knows before it is written, so a typo is
 * refused with the accepted range instead of reaching the kernel (which answers only
 * "Invalid argument"). A controller's files are checked by its module (cpu's ranges, memory's
 * byte counts, io's device rules …); the core's files ({@code cgroup.*}, {@code tasks}) here.
 * Files jcg does not know go to the kernel unchecked.
 */
public final class ControlFileRules {
    private ControlFileRules() {
    }

    /**
     * Checks a raw value for a control file before it is written: the file's controller knows
     * its form and range ({@code cpu.max}, {@code memory.max}, {@code pids.max},
     * {@code io.max} …), the core its own files ({@code cgroup.procs},
     * {@code cgroup.subtree_control} …). A file jcg does not know is left to the kernel.
     *
     * @param file  the control file's name, such as {@code cpu.cfs_quota_us}
     * @param value the text to be written
     * @throws InvalidValueException when the value cannot be right for the file, with the accepted
     *                               form or range in its message
     */
    public static void check(String file, String value) {
        Optional<ControllerModule> owner = Controllers.owning(file);
        if (owner.isPresent()) {
            owner.get().check(file, value);
            return;
        }
        String v = value.strip();
        switch (file) {
            case "cgroup.freeze" -> RawValues.oneOf(file, v, "0", "1");
            case "cgroup.kill" -> RawValues.oneOf(file, v, "1");
            case "cgroup.procs", "cgroup.threads", "tasks" -> {
                if (RawValues.number(file, v, "a process id") < 0) {
                    throw new InvalidValueException(file, v, "must be a process id (0 means the writer itself)");
                }
            }
            case "cgroup.subtree_control" -> checkSubtreeControl(v);
            default -> {
                // unknown to jcg: the kernel is the judge
            }
        }
    }

    private static void checkSubtreeControl(String v) {
        for (String token : v.split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if ((token.charAt(0) != '+' && token.charAt(0) != '-') || token.length() == 1) {
                throw new InvalidValueException("cgroup.subtree_control", "'" + token + "'",
                        "takes +name to enable and -name to disable a controller (e.g. '+cpu -io')");
            }
        }
    }
}
