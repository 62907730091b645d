package io.github.jcg.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The errno values the kernel's cgroup files answer with, recovered from the
 * {@link IOException} the JDK throws.
 *
 * <p>The JDK does not expose errno; it throws typed exceptions for a few values and
 * otherwise puts {@code strerror(errno)} into the message. We map both back, so a
 * caller can tell "the kernel refused the value" (EINVAL) from "the group has
 * processes" (EBUSY) without parsing text themselves.
 */
public enum Errno {
    /**
     * Operation not permitted: the caller lacks the privilege (not root, and the group not
     * delegated to it).
     */
    EPERM(1, "Operation not permitted"),
    /**
     * No such file or directory: a missing group or control file, or a controller not enabled for
     * the group.
     */
    ENOENT(2, "No such file or directory"),
    /**
     * No such process: the pid written to {@code cgroup.procs} or {@code tasks} does not exist (it
     * may have exited).
     */
    ESRCH(3, "No such process"),
    /** Interrupted system call. */
    EINTR(4, "Interrupted system call"),
    /** Input/output error. */
    EIO(5, "Input/output error"),
    /** Argument list too long: an exec whose arguments and environment exceed the kernel's limit. */
    E2BIG(7, "Argument list too long"),
    /** Exec format error: an exec of a file the kernel cannot run. */
    ENOEXEC(8, "Exec format error"),
    /**
     * Resource temporarily unavailable: on v2, a new group would exceed
     * {@code cgroup.max.descendants} or {@code cgroup.max.depth}.
     */
    EAGAIN(11, "Resource temporarily unavailable"),
    /** Cannot allocate memory. */
    ENOMEM(12, "Cannot allocate memory"),
    /**
     * Permission denied: the file's mode forbids it; v1 cpuset also answers it for CPUs outside the
     * parent's set.
     */
    EACCES(13, "Permission denied"),
    /**
     * Device or resource busy: a group with processes or children, memory that cannot be reclaimed
     * below a new limit, or v2's no-internal-processes rule.
     */
    EBUSY(16, "Device or resource busy"),
    /** File exists: a group or file that is there already. */
    EEXIST(17, "File exists"),
    /** No such device: an IO limit for a block device the kernel does not know. */
    ENODEV(19, "No such device"),
    /** Not a directory: a path component that is a file. */
    ENOTDIR(20, "Not a directory"),
    /** Is a directory: a directory opened as a file. */
    EISDIR(21, "Is a directory"),
    /**
     * Invalid argument: the kernel refused the value (malformed, out of range, or not allowed
     * here), or a task it will not move.
     */
    EINVAL(22, "Invalid argument"),
    /** Text file busy: an exec of a file that is open for writing. */
    ETXTBSY(26, "Text file busy"),
    /**
     * No space left on device: attaching to a v1 cpuset whose {@code cpus} or {@code mems} is
     * empty, emptying one that holds tasks, or no room for another group.
     */
    ENOSPC(28, "No space left on device"),
    /** Read-only file system: the cgroup filesystem is mounted read-only, as often inside containers. */
    EROFS(30, "Read-only file system"),
    /** Numerical result out of range: a value outside what the kernel accepts for the file. */
    ERANGE(34, "Numerical result out of range"),
    /** File name too long: a name over 255 bytes or a path over 4095. */
    ENAMETOOLONG(36, "File name too long"),
    /**
     * Directory not empty: a directory removed while it has entries; for a group it means what
     * {@link #EBUSY} does.
     */
    ENOTEMPTY(39, "Directory not empty"),
    /**
     * Too many levels of symbolic links; also the answer to opening a symbolic link with
     * {@code O_NOFOLLOW}, as jcg opens control files.
     */
    ELOOP(40, "Too many levels of symbolic links"),
    /**
     * Operation not supported: a move or controller that breaks v2's threaded-subtree rules, or a
     * read of a write-only file.
     */
    EOPNOTSUPP(95, "Operation not supported"),
    /** Anything we could not recognise; the original message is kept by the exception. */
    UNKNOWN(-1, "Unknown error");

    private final int number;
    private final String description;

    Errno(int number, String description) {
        this.number = number;
        this.description = description;
    }

    /**
     * The errno's number on Linux (x86-64 and arm64 agree on these).
     *
     * @return the number, e.g. 22 for {@link #EINVAL}; -1 for {@link #UNKNOWN}
     */
    public int number() {
        return number;
    }

    /**
     * The C library's text for this errno (as {@code strerror} gives it in the C locale).
     *
     * @return the text, e.g. "Invalid argument"; "Unknown error" for {@link #UNKNOWN}
     */
    public String description() {
        return description;
    }

    /**
     * The errno with this number, or {@link #UNKNOWN}.
     *
     * @param number an errno value, as libc's {@code errno} holds it
     * @return the constant; {@link #UNKNOWN} for a number this enum does not list
     */
    public static Errno ofNumber(int number) {
        for (Errno e : values()) {
            if (e.number == number) {
                return e;
            }
        }
        return UNKNOWN;
    }

    /**
     * Recovers the errno behind an I/O failure on a cgroup file or directory: from the
     * exception's type where the JDK has one for it ({@link NoSuchFileException} is
     * {@link #ENOENT} …), otherwise from the {@code strerror} text in its reason or message.
     *
     * @param e the failure the JDK threw
     * @return the errno; {@link #UNKNOWN} when neither type nor text tells
     */
    public static Errno of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return ENOENT;
        }
        if (e instanceof AccessDeniedException) {
            return EACCES;
        }
        if (e instanceof FileAlreadyExistsException) {
            return EEXIST;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return ENOTEMPTY;
        }
        if (e instanceof NotDirectoryException) {
            return ENOTDIR;
        }
        String text = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        return fromText(text);
    }

    /**
     * Finds the errno whose {@code strerror} text appears in {@code text}; {@link #UNKNOWN} if none does.
     *
     * @param text an exception's message or reason, such as "Invalid argument"; may be null
     * @return the first errno, in this enum's order, whose text it contains, ignoring case;
     *         {@link #UNKNOWN} for null or no match
     */
    public static Errno fromText(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Errno errno : values()) {
            if (errno != UNKNOWN && lower.contains(errno.description.toLowerCase(Locale.ROOT))) {
                return errno;
            }
        }
        return UNKNOWN;
    }

    @Override
    public String toString() {
        return this == UNKNOWN ? "unknown errno" : name() + " (" + description + ")";
    }
}
