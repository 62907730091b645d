package io.github.jcg.cli;

import io.github.jcg.core.CgroupException;
import io.github.jcg.core.ControllerNotAvailableException;
import io.github.jcg.core.Errno;
import io.github.jcg.core.GroupBusyException;
import io.github.jcg.core.GroupNotFoundException;
import io.github.jcg.core.InvalidGroupPathException;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.KernelRefusedException;
import io.github.jcg.core.UnmappableSettingException;

import java.util.EnumMap;
import java.util.Map;

/**
 * Exit statuses, as libcgroup's tools give them: the library error code (ECG…, 50000 and up)
 * modulo 256, which is what a shell sees. The same failure has a different code in different
 * tools (a missing group is ECGROUPVALUENOTEXIST to cgset but ECGOTHER to cgget and cgdelete),
 * so the mapping is per tool; the table below is the one place that says which.
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** ECGROUPNOTEXIST (50002). */
    public static final int GROUP_NOT_FOUND = ecg(50002);
    /** ECGROUPSUBSYSNOTMOUNTED (50004): a controller that is not mounted. */
    public static final int CONTROLLER_NOT_MOUNTED = ecg(50004);
    /** ECGROUPNOTOWNER (50005): cgcreate's mkdir refused with EPERM. */
    public static final int NOT_OWNER = ecg(50005);
    /** ECGROUPNOTALLOWED (50007): permission denied, or an operation libcgroup refuses. */
    public static final int NOT_ALLOWED = ecg(50007);
    /** ECGMAXVALUESEXCEEDED (50008): cgget's {@code -g <controller>} after two {@code -g <controllers>:<path>}. */
    public static final int MAX_VALUES_EXCEEDED = ecg(50008);
    /** ECGVALUEEXISTS (50010): the same setting named twice. */
    public static final int VALUE_EXISTS = ecg(50010);
    /** ECGINVAL (50011). */
    public static final int INVALID = ecg(50011);
    /** ECGFAIL (50013): lscgroup's "cannot find group", cgxset's unconvertible number. */
    public static final int FAIL = ecg(50013);
    /** ECGROUPVALUENOTEXIST (50015): cgset's missing group or control file. */
    public static final int VALUE_NOT_FOUND = ecg(50015);
    /** ECGOTHER (50016): the kernel refused, with errno. */
    public static final int OTHER = ecg(50016);
    /** ECGNOVERSIONCONVERT (50031): cgxget/cgxset setting with no equivalent in the other version. */
    public static final int NO_VERSION_CONVERT = ecg(50031);
    /** Wrong usage (libcgroup 3.x's EXIT_BADARGS; 2.0.2 exits 255 or 1). */
    public static final int USAGE = 129;
    /** cgclassify: moving a process failed. */
    public static final int CLASSIFY_FAILED = 1;
    /** cgclassify: an argument was not a process id. */
    public static final int CLASSIFY_BAD_PID = 2;

    /** The libcgroup tools, each with its own idea of which code a failure gets. */
    public enum Tool { CGCREATE, CGDELETE, CGSET, CGGET, CGCLASSIFY, LSCGROUP, LSSUBSYS }

    /** What went wrong, independent of the tool that reports it. */
    enum Failure {
        GROUP_MISSING, CONTROLLER_MISSING, BAD_VALUE, BAD_PATH, FILE_MISSING,
        /** EACCES (and a read-only mount): libcgroup's open() fails before it can tell why. */
        ACCESS_DENIED,
        /** EPERM. */
        NOT_PERMITTED,
        BUSY, REFUSED,
        /**
         * The file was opened and its write(2) failed, whatever the errno (ENOENT included):
         * libcgroup's cg_set_control_value returns ECGOTHER for every failed write.
         */
        VALUE_REFUSED
    }

    /*
     * Found in libcgroup's sources and checked against 2.0.2 on a real host:
     * cgset: missing group/file ECGROUPVALUENOTEXIST, bad value the kernel's EINVAL (ECGOTHER),
     * unknown controller ECGROUPSUBSYSNOTMOUNTED; cgget: every read failure ECGOTHER;
     * cgdelete: rmdir/ENOENT ECGOTHER; cgcreate: mkdir refusals ECGROUPNOTALLOWED (EPERM:
     * ECGROUPNOTOWNER); a non-root cgset gets EACCES on open(), which libcgroup reports as
     * ECGROUPVALUENOTEXIST; a write(2) the kernel refuses once the file is open is ECGOTHER in
     * every tool (3.x src/api.c, cg_set_control_value). Columns in Failure order.
     */
    private static final Map<Tool, Map<Failure, Integer>> TABLE = new EnumMap<>(Tool.class);

    static {
        // group missing, controller missing, bad value, bad path, file missing, EACCES, EPERM, busy, refused, value refused
        row(Tool.CGCREATE, OTHER, CONTROLLER_NOT_MOUNTED, INVALID, INVALID, OTHER, NOT_ALLOWED, NOT_OWNER, OTHER, NOT_ALLOWED, OTHER);
        row(Tool.CGDELETE, OTHER, CONTROLLER_NOT_MOUNTED, INVALID, INVALID, OTHER, OTHER, OTHER, OTHER, OTHER, OTHER);
        row(Tool.CGSET, VALUE_NOT_FOUND, CONTROLLER_NOT_MOUNTED, OTHER, INVALID, VALUE_NOT_FOUND, VALUE_NOT_FOUND, NOT_ALLOWED, OTHER,
                OTHER, OTHER);
        row(Tool.CGGET, OTHER, OTHER, INVALID, INVALID, OTHER, OTHER, OTHER, OTHER, OTHER, OTHER);
        row(Tool.CGCLASSIFY, CLASSIFY_FAILED, CLASSIFY_FAILED, CLASSIFY_FAILED, CLASSIFY_FAILED, CLASSIFY_FAILED,
                CLASSIFY_FAILED, CLASSIFY_FAILED, CLASSIFY_FAILED, CLASSIFY_FAILED, CLASSIFY_FAILED);
        row(Tool.LSCGROUP, OTHER, FAIL, INVALID, INVALID, OTHER, OTHER, OTHER, OTHER, OTHER, OTHER);
        row(Tool.LSSUBSYS, OTHER, OTHER, INVALID, INVALID, OTHER, OTHER, OTHER, OTHER, OTHER, OTHER);
    }

    private ExitCodes() {
    }

    private static int ecg(int code) {
        return code % 256;
    }

    /** One tool's codes, in {@link Failure} order. */
    private static void row(Tool tool, int... codes) {
        Map<Failure, Integer> byFailure = new EnumMap<>(Failure.class);
        for (Failure f : Failure.values()) {
            byFailure.put(f, codes[f.ordinal()]);
        }
        TABLE.put(tool, byFailure);
    }

    /** The exit status for a failure of a command that is not a libcgroup tool ({@code jcg info}). */
    static int of(Exception e) {
        return of(e, null);
    }

    /** The exit status the libcgroup tool {@code tool} gives this failure ({@code null}: a jcg-only command). */
    public static int of(Exception e, Tool tool) {
        if (e instanceof ToolException t) {
            return t.status();
        }
        if (e instanceof UnmappableSettingException u) {
            return of(u);
        }
        Failure failure = classify(e);
        if (tool == null) {
            return generic(failure);
        }
        return TABLE.get(tool).get(failure);
    }

    /**
     * cgxget's and cgxset's code for a setting they cannot translate, whatever the tool:
     * ECGINVAL for a name with no known counterpart, ECGNOVERSIONCONVERT for one without an
     * equivalent, ECGFAIL for a value that cannot be converted.
     */
    static int of(UnmappableSettingException e) {
        return switch (e.reason()) {
            case UNKNOWN_NAME -> INVALID;
            case NO_EQUIVALENT -> NO_VERSION_CONVERT;
            case UNCONVERTIBLE_VALUE -> FAIL;
        };
    }

    private static int generic(Failure failure) {
        return switch (failure) {
            case GROUP_MISSING -> GROUP_NOT_FOUND;
            case CONTROLLER_MISSING -> CONTROLLER_NOT_MOUNTED;
            case BAD_VALUE, BAD_PATH -> INVALID;
            default -> OTHER;
        };
    }

    static Failure classify(Exception e) {
        if (e instanceof GroupNotFoundException) {
            return Failure.GROUP_MISSING;
        }
        if (e instanceof ControllerNotAvailableException) {
            return Failure.CONTROLLER_MISSING;
        }
        if (e instanceof InvalidGroupPathException) {
            return Failure.BAD_PATH;
        }
        if (e instanceof InvalidValueException) {
            return Failure.BAD_VALUE;
        }
        if (e instanceof GroupBusyException) {
            return Failure.BUSY;
        }
        if (e instanceof KernelRefusedException k && k.valueRefused()) {
            return Failure.VALUE_REFUSED;
        }
        if (e instanceof CgroupException c) {
            Errno errno = c.errno().orElse(Errno.UNKNOWN);
            return switch (errno) {
                case ENOENT -> Failure.FILE_MISSING;
                case EACCES, EROFS -> Failure.ACCESS_DENIED;
                case EPERM -> Failure.NOT_PERMITTED;
                case EBUSY, ENOTEMPTY -> Failure.BUSY;
                default -> Failure.REFUSED;
            };
        }
        return Failure.REFUSED;
    }

    /** The tool a command object stands for, or {@code null} for jcg-only commands. */
    static Tool toolOf(Object command) {
        return command instanceof GetoptCommand g ? g.syntax().tool() : null;
    }
}
