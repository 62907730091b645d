package io.github.jcg.core.internal.posix;

/**
 * The few libc functions jcg calls, with their C names and C meaning. Bound through jnr-ffi
 * by {@link Posix} on first use only.
 *
 * <p>No jnr annotations: jnr saves errno for every call by default, and byte arrays are
 * copied both ways; annotation instances are dynamic proxies, generated at run time on each
 * start, which cost jcg exec more than the copies.
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

    /**
     * Replaces the process image, searching PATH, with the given environment (glibc's
     * execvpe); returns only on failure. The arrays get their NULL terminators from jnr-ffi.
     */
    int execvpe(String file, String[] argv, String[] envp);

    int fcntl(int fd, int cmd, int arg);

    int sigprocmask(int how, byte[] set, byte[] oldset);

    /**
     * {@code syscall(SYS_rt_sigaction, …)}: glibc's own sigaction refuses signals 32 and 33,
     * which it reserves for its threads, but a process may still inherit them ignored.
     */
    long syscall(long number, int signum, byte[] act, byte[] oldact, long sigsetsize);

    int getpid();
}
