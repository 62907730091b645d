package io.github.jcg.core;

import io.github.jcg.core.internal.posix.LibC;
import io.github.jcg.core.internal.posix.Posix;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces the running JVM with another program, the way {@code cgexec} replaces itself:
 * same PID, so the program keeps the cgroups the JVM joined, and its exit status and signals
 * are its own.
 *
 * <p>A C program can simply call {@code execvp}; a JVM must first undo what it changed about
 * the process, or the program inherits it: its own file descriptors (the jar, the modules
 * image) would leak into the program, the calling thread's blocked signals (HotSpot blocks
 * SIGQUIT and others in Java threads) would stay blocked, and ignored signals stay ignored
 * across exec. Handlers the JVM installed need nothing: exec resets handled signals.
 */
public final class ProcessReplacement {
    /** glibc's NSIG: signals are 1 … 64. */
    private static final int NSIG = 65;
    private static final int SIGKILL = 9;
    private static final int SIGSTOP = 19;

    private ProcessReplacement() {
    }

    /**
     * Executes {@code command} in place of this process, searching PATH like {@code execvp}.
     * Returns only if the exec failed, with its errno; the caller reports it. Flush output
     * streams before calling: buffered bytes are lost with the JVM.
     *
     * @param command the program and its arguments; a program without {@code /} is looked for
     *                in PATH
     * @param unset   environment variables to remove first (the launcher's own)
     * @return the errno of the failed exec, such as {@link Errno#ENOENT} for a program not found
     *         or {@link Errno#EACCES} for one that is not executable; on success it does not return
     * @throws IllegalArgumentException when {@code command} is empty
     */
    public static Errno exec(List<String> command, List<String> unset) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command to execute");
        }
        LibC libc = Posix.libc();
        String[] environment = environmentWithout(unset);
        closeOnExec(libc);
        restoreSignals(libc);
        libc.execvpe(command.get(0), command.toArray(new String[0]), environment);
        return Errno.ofNumber(Posix.lastErrno());
    }

    /**
     * Calls every libc binding {@link #exec} uses once, in ways that change nothing (queries,
     * an empty mask added, a missing program): for a class-data-sharing training run, so the
     * binding's classes are in the archive when a real exec needs them.
     */
    public static void exerciseBindings() {
        LibC libc = Posix.libc();
        libc.fcntl(0, LibC.F_GETFD, 0);
        long rtSigaction = rtSigactionNumber();
        if (rtSigaction > 0) {
            libc.syscall(rtSigaction, 1, null, new byte[LibC.KERNEL_SIGACTION_SIZE], LibC.KERNEL_SIGSET_SIZE);
        }
        libc.sigprocmask(0 /* SIG_BLOCK: adds nothing */, new byte[LibC.SIGSET_SIZE], null);
        libc.execvpe("/nonexistent/jcg-cds-training", new String[] {"jcg-cds-training"}, environmentWithout(List.of()));
        Errno.ofNumber(Posix.lastErrno());
    }

    /** This process's environment as {@code NAME=value} entries, less the named variables. */
    private static String[] environmentWithout(List<String> unset) {
        List<String> out = new ArrayList<>();
        for (var e : System.getenv().entrySet()) {
            if (!unset.contains(e.getKey())) {
                out.add(e.getKey() + "=" + e.getValue());
            }
        }
        return out.toArray(new String[0]);
    }

    /** Marks every descriptor above stderr close-on-exec; the JVM may still use them until the exec. */
    private static void closeOnExec(LibC libc) {
        for (int fd : openDescriptors()) {
            if (fd > 2) {
                int flags = libc.fcntl(fd, LibC.F_GETFD, 0);
                if (flags >= 0) {
                    libc.fcntl(fd, LibC.F_SETFD, flags | LibC.FD_CLOEXEC);
                }
            }
        }
    }

    private static List<Integer> openDescriptors() {
        List<Integer> fds = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path entry : entries) {
                fds.add(Integer.parseInt(entry.getFileName().toString()));
            }
        } catch (IOException | NumberFormatException e) {
            // without /proc we cannot enumerate: fall back to the usual low range
            for (int fd = 3; fd < 1024; fd++) {
                fds.add(fd);
            }
        }
        return fds;
    }

    /** Unblocks every signal in this thread and turns ignored signals back to their default. */
    private static void restoreSignals(LibC libc) {
        long rtSigaction = rtSigactionNumber();
        byte[] current = new byte[LibC.KERNEL_SIGACTION_SIZE];
        byte[] defaults = new byte[LibC.KERNEL_SIGACTION_SIZE]; // all zero: SIG_DFL, no flags, empty mask
        for (int sig = 1; sig < NSIG && rtSigaction > 0; sig++) {
            if (sig == SIGKILL || sig == SIGSTOP) {
                continue;
            }
            if (libc.syscall(rtSigaction, sig, null, current, LibC.KERNEL_SIGSET_SIZE) == 0
                    && handlerOf(current) == 1 /* SIG_IGN */) {
                libc.syscall(rtSigaction, sig, defaults, null, LibC.KERNEL_SIGSET_SIZE);
            }
        }
        libc.sigprocmask(LibC.SIG_SETMASK, new byte[LibC.SIGSET_SIZE], null);
    }

    /** {@code SYS_rt_sigaction} for the architectures jcg runs on; 0 elsewhere (nothing is reset). */
    private static long rtSigactionNumber() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> 13;
            case "aarch64" -> 134;
            default -> 0;
        };
    }

    private static long handlerOf(byte[] sigaction) {
        long handler = 0;
        for (int i = 7; i >= 0; i--) {
            handler = (handler << 8) | (sigaction[i] & 0xff); // little-endian pointer, first field
        }
        return handler;
    }
}
