package io.github.jcg.core.internal.posix;

/**
 * The libc calls the group event watcher makes when it waits natively: for PSI triggers, which
 * signal only through {@code poll(2)}, and then for everything else in the same {@code poll}
 * (inotify, and an eventfd that {@code close} writes to). C names and C meaning; bound by
 * {@link Posix#events()} on first use, so a watcher without PSI triggers never loads jnr-ffi.
 *
 * <p>Constants are the Linux values, which x86-64 and arm64 share.
 */
public interface EventCalls {
    int O_RDONLY = 0;
    int O_RDWR = 2;
    int O_NONBLOCK = 0x800;
    int O_CLOEXEC = 0x80000;

    short POLLIN = 0x1;
    short POLLPRI = 0x2;
    short POLLERR = 0x8;
    short POLLHUP = 0x10;
    short POLLNVAL = 0x20;
    /** {@code sizeof(struct pollfd)}: int fd, short events, short revents. */
    int POLLFD_SIZE = 8;

    int IN_MODIFY = 0x2;
    int IN_DELETE_SELF = 0x400;
    int IN_Q_OVERFLOW = 0x4000;
    int IN_IGNORED = 0x8000;
    int IN_ONLYDIR = 0x1000000;
    /** {@code sizeof(struct inotify_event)} without its name: wd, mask, cookie, len. */
    int INOTIFY_EVENT_SIZE = 16;

    int EINTR = 4;
    int EAGAIN = 11;

    int open(String path, int flags);

    long read(int fd, byte[] buf, long count);

    long write(int fd, byte[] buf, long count);

    int close(int fd);

    /** {@code fds} holds {@code nfds} {@code struct pollfd}s in native byte order. */
    int poll(byte[] fds, long nfds, int timeoutMillis);

    int inotify_init1(int flags);

    int inotify_add_watch(int fd, String path, int mask);

    int inotify_rm_watch(int fd, int wd);

    int eventfd(int initval, int flags);
}
