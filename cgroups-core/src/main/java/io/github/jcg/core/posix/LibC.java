package io.github.jcg.core.posix;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;

/**
 * The few libc functions jcg calls, with their C names and C meaning. Bound through jnr-ffi
 * by {@link Posix} on first use only.
 */
public interface LibC {
    int F_GETFD = 1;
    int F_SETFD = 2;
    int FD_CLOEXEC = 1;
    int SIG_SETMASK = 2;
    /** {@code sizeof(struct sigaction)} on x86-64 and aarch64 glibc; the handler is its first field. */
    int SIGACTION_SIZE = 152;
    /** {@code sizeof(sigset_t)} in glibc. */
    int SIGSET_SIZE = 128;

    /** Replaces the process image; returns only on failure. {@code argv} gets its NULL terminator from jnr-ffi. */
    @SaveError
    int execvp(String file, String[] argv);

    @SaveError
    int fcntl(int fd, int cmd, int arg);

    @SaveError
    int sigprocmask(int how, @In byte[] set, @Out byte[] oldset);

    @SaveError
    int sigaction(int signum, @In byte[] act, @Out byte[] oldact);

    int unsetenv(String name);

    int getpid();
}
