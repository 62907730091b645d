package io.github.jcg.cli.compat;

import io.github.jcg.core.CgroupException;
import io.github.jcg.core.Errno;

import java.util.List;
import java.util.Optional;

/**
 * What one of libcgroup's tools prints on stderr for a failure, which scripts (and libcgroup's
 * own functional tests) match on. Run under a libcgroup name, jcg prints these words first on
 * the line and its own explanation after them: {@code cgdelete: cannot remove group 'web': No
 * such file or directory; it does not exist in …}.
 *
 * @param text the words, without the tool's name
 * @param afterName whether libcgroup puts {@code <tool>: } before them
 */
public record LibcgroupWords(String text, boolean afterName) {
    /** libcgroup's ECGOTHER (50016): the failure is the system call's, and its text is strerror(errno). */
    private static final int ECGOTHER_STATUS = 50016 % 256;
    private static final int FIRST_STATUS = 50000 % 256;

    /** cgroup_strerror's texts for ECGROUPNOTCOMPILED (50000) … ECGNOVERSIONCONVERT (50031), in order. */
    private static final List<String> CGROUP_STRERROR = List.of(
            "Cgroup is not compiled in",
            "Cgroup is not mounted",
            "Cgroup does not exist",
            "Cgroup has not been created",
            "Cgroup one of the needed subsystems is not mounted",
            "Cgroup, request came in from non owner",
            "Cgroup controllers are bound to different mount points",
            "Cgroup, operation not allowed",
            "Cgroup value set exceeds maximum",
            "Cgroup controller already exists",
            "Cgroup value already exists",
            "Cgroup invalid operation",
            "Cgroup, creation of controller failed",
            "Cgroup operation failed",
            "Cgroup not initialized",
            "Cgroup, requested group parameter does not exist",
            "Cgroup generic error",
            "Cgroup values are not equal",
            "Cgroup controllers are different",
            "Cgroup parsing failed",
            "Cgroup, rules file does not exist",
            "Cgroup mounting failed",
            "",
            "End of File or iterator",
            "Failed to parse config file",
            "Have multiple paths for the same namespace",
            "Controller in namespace does not exist",
            "Either mount or namespace keyword has to be specified in the configuration file",
            "This kernel does not support this feature",
            "Value setting does not succeed",
            "Failed to remove a non-empty group",
            "Failed to convert from cgroup v1 to/from cgroup v2");

    /** Words libcgroup prints after {@code <tool>: }. */
    public static LibcgroupWords afterName(String text) {
        return new LibcgroupWords(text, true);
    }

    /** Words libcgroup prints at the start of the line, without the tool's name. */
    public static LibcgroupWords alone(String text) {
        return new LibcgroupWords(text, false);
    }

    /** The line's start as libcgroup prints it for the tool {@code toolName}. */
    public String render(String toolName) {
        return afterName ? toolName + ": " + text : text;
    }

    /**
     * What libcgroup's {@code cgroup_strerror} says for the error code behind an exit status
     * (the code modulo 256): its text, or for ECGOTHER, {@code strerror(errno)}.
     */
    public static String strerror(int status, Errno errno) {
        if (status == ECGOTHER_STATUS) {
            return errno == Errno.UNKNOWN ? CGROUP_STRERROR.get(ECGOTHER_STATUS - FIRST_STATUS) : errno.description();
        }
        int index = status - FIRST_STATUS;
        return index >= 0 && index < CGROUP_STRERROR.size() ? CGROUP_STRERROR.get(index) : CGROUP_STRERROR.get(ECGOTHER_STATUS - FIRST_STATUS);
    }

    /** The errno behind a failure: the first one named on the way down its causes. */
    public static Optional<Errno> errnoOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CgroupException c && c.errno().isPresent() && c.errno().get() != Errno.UNKNOWN) {
                return c.errno();
            }
        }
        return Optional.empty();
    }
}
