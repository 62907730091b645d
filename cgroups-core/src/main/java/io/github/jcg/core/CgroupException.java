package io.github.jcg.core;

import java.util.Optional;

/**
 * Base of every failure jcg reports. Unchecked, and always carrying enough to act on:
 * the group, the control file, the value written and the errno, where they apply.
 * {@link #getMessage()} is one line a person can read without the stack trace.
 */
public class CgroupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String group;
    private final String file;
    private final String value;
    private final Errno errno;
    /** Words added after the failure was thrown, such as what was undone because of it. */
    private String addendum = "";

    public CgroupException(String message) {
        this(message, null, null, null, null, null);
    }

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

    /** The group path the failure concerns, when there is one. */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /** The control file (or directory) the failure concerns, when there is one. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** The value that was being written, when the failure is a refused write. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** The kernel's errno, when the failure came from a system call. */
    public Optional<Errno> errno() {
        return Optional.ofNullable(errno);
    }
}
