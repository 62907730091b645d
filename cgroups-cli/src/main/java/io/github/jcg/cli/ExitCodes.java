package io.github.jcg.cli;

import io.github.jcg.core.CgroupException;
import io.github.jcg.core.ControllerNotAvailableException;
import io.github.jcg.core.GroupNotFoundException;
import io.github.jcg.core.InvalidGroupPathException;
import io.github.jcg.core.InvalidValueException;

/**
 * Exit statuses, as libcgroup's tools give them: the library error code modulo 256.
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** ECGROUPNOTEXIST (50002). */
    public static final int GROUP_NOT_FOUND = 50002 % 256;
    /** ECGROUPSUBSYSNOTMOUNTED (50004): a controller that is not mounted. */
    public static final int CONTROLLER_NOT_MOUNTED = 50004 % 256;
    /** ECGINVAL (50011). */
    public static final int INVALID = 50011 % 256;
    /** ECGOTHER (50016): the kernel refused, with errno. */
    public static final int OTHER = 50016 % 256;
    /** Wrong usage (libcgroup 3.x). */
    public static final int USAGE = 129;

    private ExitCodes() {
    }

    static int of(Exception e) {
        if (e instanceof GroupNotFoundException) {
            return GROUP_NOT_FOUND;
        }
        if (e instanceof ControllerNotAvailableException) {
            return CONTROLLER_NOT_MOUNTED;
        }
        if (e instanceof InvalidGroupPathException || e instanceof InvalidValueException) {
            return INVALID;
        }
        if (e instanceof CgroupException) {
            return OTHER;
        }
        return OTHER;
    }
}
