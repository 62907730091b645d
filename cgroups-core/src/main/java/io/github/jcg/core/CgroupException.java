package io.github.jcg.core;

import java.util.Optional;

/**
 * Base of every failure jcg reports. Unchecked, and always carrying enough to act on:
 * the group, the control file, the value written and the errno, where they apply.
 * {@link #getMessage()} is one line a person can read without the stack trace.
 */
public class CgroupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @serial the group path, or null */
    private final String group;
    /** @serial the control file, directory or setting, or null */
    private final String file;
    /** @serial the value being written, or null */
    private final String value;
    /** @serial the kernel's errno, or null */
    private final Errno errno;
    /** Words added after the failure was thrown, such as what was undone because of it. */
    private String addendum = "";

    /**
     * A failure that concerns no particular group, file or errno.
     *
     * @param message one line for a person; a newline in it is written as {@code \n}
     */
    public CgroupException(String message) {
        this(message, null, null, null, null, null);
    }

    /**
     * A failure with whatever is known about it; any of the parts but the message may be null.
     *
     * @param message one line for a person; a newline in it is written as {@code \n}
     * @param group   the group path, or null
     * @param file    the control file or directory, or null
     * @param value   the value that was being written, or null
     * @param errno   the kernel's errno, or null
     * @param cause   the underlying failure (usually an {@link java.io.IOException}), or null
     */
    public CgroupException(String message, String group, String file, String value, Errno errno, Throwable cause) {
        // every message is one line: a stray newline from a value must not split it
        super(message == null ? null : message.replace("\n", "\\n"), cause);
        this.group = group;
        this.file = file;
        this.value = value;
        this.errno = errno;
    }

    /** The message, with what was added to it on the way up (such as what was undone). */
    @Override
    public String getMessage() {
        String message = super.getMessage();
        return message == null || addendum.isEmpty() ? message : message + addendum;
    }

    /**
     * Adds words to the end of the message, for a caller that passes the failure on after
     * acting on it ({@link Cgroup#apply} undoes the earlier writes of a change).
     */
    void appendToMessage(String words) {
        addendum += words.replace("\n", "\\n");
    }

    /**
     * The group path the failure concerns, when there is one.
     *
     * @return the group's path, such as {@code /jobs/a}; empty for a failure that concerns no one group
     */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /**
     * The control file (or directory) the failure concerns, when there is one.
     *
     * @return the control file's name (such as {@code memory.max}), the path of a host file such as
     *         {@code /proc/self/mountinfo}, or for an {@link InvalidValueException} the setting's name;
     *         empty when no one file is concerned
     */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /**
     * The value that was being written, when the failure is a refused write.
     *
     * @return the value, as written or as the caller gave it; empty when nothing was being written
     */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /**
     * The kernel's errno, when the failure came from a system call.
     *
     * @return the errno; empty when the failure carries none (most refusals jcg makes itself,
     *         before any system call)
     */
    public Optional<Errno> errno() {
        return Optional.ofNullable(errno);
    }
}
