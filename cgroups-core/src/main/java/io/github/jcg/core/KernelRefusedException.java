package io.github.jcg.core;

/**
 * The kernel refused an operation on a cgroup file or directory. Carries the errno and an
 * explanation of what that errno means for this particular file, in words.
 */
public final class KernelRefusedException extends CgroupException {
    private static final long serialVersionUID = 1L;

    public KernelRefusedException(String message, String group, String file, String value, Errno errno, Throwable cause) {
        super(message, group, file, value, errno, cause);
    }
}
