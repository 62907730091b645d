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
    /** {@code sizeof(sigset_t)} in glibc. */
    int SIGSET_SIZE = 128;
    /**
     * The kernel's {@code struct sigaction} is at most 32 bytes (x86-64: handler, flags,
     * restorer, mask; aarch64 has no restorer); the handler is the first field on both.
     */
    int KERNEL_SIGACTION_SIZE = 32;
    /** The kernel's sigset size, the last argument of rt_sigaction. */
    long KERNEL_SIGSET_SIZE = 8;

    /** Replaces the process image; returns only on failure. {@code argv} gets its NULL terminator from jnr-ffi. */
    @SaveError
    int execvp(String file, String[] argv);

    @SaveError
    int fcntl(int fd, int cmd, int arg);

    @SaveError
    int sigprocmask(int how, @In byte[] set, @Out byte[] oldset);

    /**
     * {@code syscall(SYS_rt_sigaction, …)}: glibc's own sigaction refuses signals 32 and 33,
     * which it reserves for its threads, but a process may still inherit them ignored.
     */
    @SaveError
    long syscall(long number, int signum, @In byte[] act, @Out byte[] oldact, long sigsetsize);

    int unsetenv(String name);

    int getpid();
}
