package io.github.jcg.core;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.io.IOException;
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
    EPERM(1, "Operation not permitted"),
    ENOENT(2, "No such file or directory"),
    ESRCH(3, "No such process"),
    EINTR(4, "Interrupted system call"),
    EIO(5, "Input/output error"),
    E2BIG(7, "Argument list too long"),
    ENOEXEC(8, "Exec format error"),
    EAGAIN(11, "Resource temporarily unavailable"),
    ENOMEM(12, "Cannot allocate memory"),
    EACCES(13, "Permission denied"),
    EBUSY(16, "Device or resource busy"),
    EEXIST(17, "File exists"),
    ENODEV(19, "No such device"),
    ENOTDIR(20, "Not a directory"),
    EISDIR(21, "Is a directory"),
    EINVAL(22, "Invalid argument"),
    ETXTBSY(26, "Text file busy"),
    ENOSPC(28, "No space left on device"),
    EROFS(30, "Read-only file system"),
    ERANGE(34, "Numerical result out of range"),
    ENAMETOOLONG(36, "File name too long"),
    ENOTEMPTY(39, "Directory not empty"),
    ELOOP(40, "Too many levels of symbolic links"),
    EOPNOTSUPP(95, "Operation not supported"),
    /** Anything we could not recognise; the original message is kept by the exception. */
    UNKNOWN(-1, "Unknown error");

    private final int number;
    private final String description;

    Errno(int number, String description) {
        this.number = number;
        this.description = description;
    }

    public int number() {
        return number;
    }

    /** The C library's text for this errno (as {@code strerror} gives it in the C locale). */
    public String description() {
        return description;
    }

    /** The errno with this number, or {@link #UNKNOWN}. */
    public static Errno ofNumber(int number) {
        for (Errno e : values()) {
            if (e.number == number) {
                return e;
            }
        }
        return UNKNOWN;
    }

    /** Recovers the errno behind an I/O failure on a cgroup file or directory. */
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

    /** Finds the errno whose {@code strerror} text appears in {@code text}; {@link #UNKNOWN} if none does. */
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
