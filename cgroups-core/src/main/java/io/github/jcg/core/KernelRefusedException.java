package io.github.jcg.core;

/**
 * The kernel refused an operation on a cgroup file or directory. Carries the errno and an
 * explanation of what that errno means for this particular file, in words.
 */
public final class KernelRefusedException extends CgroupException {
    private static final long serialVersionUID = 1L;

    /** @serial whether the kernel refused the value written, see {@link #valueRefused()} */
    private final boolean valueRefused;

    /**
     * A refusal other than of a written value: a file that could not be opened, a directory
     * that could not be made or removed ({@link #valueRefused()} is false).
     *
     * @param message one line saying what was refused and why
     * @param group   the group's path, or null
     * @param file    the control file's name, or null for the group's directory
     * @param value   the value that was to be written, or null
     * @param errno   the kernel's errno, or null when it is not known
     * @param cause   the {@link java.io.IOException} the kernel's answer came as, or null
     */
    public KernelRefusedException(String message, String group, String file, String value, Errno errno, Throwable cause) {
        this(message, group, file, value, errno, cause, false);
    }

    /**
     * A refusal that says whether it was the value written that the kernel refused.
     *
     * @param message      one line saying what was refused and why
     * @param group        the group's path, or null
     * @param file         the control file's name, or null for the group's directory
     * @param value        the value that was to be written, or null
     * @param errno        the kernel's errno, or null when it is not known
     * @param cause        the {@link java.io.IOException} the kernel's answer came as, or null
     * @param valueRefused whether the file was opened and its {@code write(2)} failed ({@link #valueRefused()})
     */
    public KernelRefusedException(String message, String group, String file, String value, Errno errno, Throwable cause,
                                  boolean valueRefused) {
        super(message, group, file, value, errno, cause);
        this.valueRefused = valueRefused;
    }

    /**
     * Whether the control file was opened and the kernel refused the value written to it
     * ({@code write(2)} failed), rather than a file that could not be opened or a directory
     * that could not be made or removed. ENOENT means a missing file in the second case, and
     * the kernel's answer to the value in the first ({@code +memory} written to a
     * {@code cgroup.subtree_control} whose parent does not offer memory).
     *
     * @return true when the kernel refused the value itself
     */
    public boolean valueRefused() {
        return valueRefused;
    }
}
