package io.github.jcg.cli.commands;

import io.github.jcg.cli.ToolException;
import io.github.jcg.core.Errno;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code jcg exec} the way the launcher runs it, so that no libc binding is loaded. The
 * launcher ({@code bin/jcg}, a bash script, whose PID is the one the user started) runs the
 * JVM as its child, with {@code JCG_EXEC_BY_LAUNCHER} set to its own PID and descriptor 3 open
 * for the answer. The JVM puts the launcher into the groups, and answers on descriptor 3 with
 * one of:
 * <ul>
 *   <li>{@code x<N>:<file>.} — exec {@code <file>} with the last {@code N} words of your
 *       arguments as its argv (the first of them is argv[0]); the file is what execvp would
 *       run, checked to run ({@link ExecTarget}); the final dot keeps a trailing newline in a
 *       file name from the shell's command substitution;</li>
 *   <li>{@code j} — run the JVM the usual way instead (in the groups already), and let it exec
 *       through libc: for what only an exec can tell, such as a script without {@code #!};</li>
 *   <li>nothing — the JVM has said all there is (help, or a failure) and its status is yours.</li>
 * </ul>
 * The launcher then execs the command itself: same PID, the JVM gone. It closes the
 * descriptors it inherited above stderr, as {@code ProcessReplacement} marks the JVM's
 * close-on-exec, and comes here only when its signal state needs no reset (nothing blocked,
 * nothing ignored but glibc's internal 32 and 33): bash cannot undo an inherited ignore.
 */
final class LauncherExec {
    /** Set on the JVM's command line only, never exported to the command. */
    static final String VARIABLE = "JCG_EXEC_BY_LAUNCHER";
    private static final String ANSWER = "/proc/self/fd/3";

    private final long pid;

    private LauncherExec(long pid) {
        this.pid = pid;
    }

    /** The launcher that started this JVM to exec for it, if one did. */
    static Optional<LauncherExec> fromEnvironment() {
        String value = System.getenv(VARIABLE);
        if (value == null) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ToolException(ExecCommand.EXEC_FAILED, VARIABLE + " is not a process id: " + value);
        }
        // the PID is about to be moved into the groups: it must be the launcher, waiting for us
        long parent = parentPid();
        if (parent != pid) {
            throw new ToolException(ExecCommand.EXEC_FAILED, "the launcher (" + VARIABLE + "=" + value
                    + ") is not this process's parent (" + parent + "); run jcg exec through bin/jcg");
        }
        return Optional.of(new LauncherExec(pid));
    }

    /** The process to move into the groups: the launcher, which will become the command. */
    long pid() {
        return pid;
    }

    /** Whether the launcher has died (a SIGTERM, say) since it started this JVM. */
    boolean gone() {
        return parentPid() != pid;
    }

    // no lambdas on this path: each would be spun at run time, outside the CDS archive
    private static long parentPid() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        return parent.isPresent() ? parent.get().pid() : -1;
    }

    private static String answerFor(ExecTarget.Outcome outcome, int words) {
        return outcome.file().isPresent() ? "x" + words + ":" + outcome.file().get() + "." : "j";
    }

    /**
     * Tells the launcher what to exec for {@code command}, or that the JVM must do it. Returns
     * the errno when the exec is certain to fail: the caller reports it, as a failed execvp.
     */
    Optional<Errno> handOver(List<String> command) {
        ExecTarget.Outcome outcome = ExecTarget.find(command.get(0), System.getenv("PATH"));
        if (outcome.failure().isPresent()) {
            return outcome.failure();
        }
        try {
            answer(ANSWER, answerFor(outcome, command.size()));
        } catch (ToolException e) {
            if (!gone()) {
                throw e;
            }
        }
        return Optional.empty();
    }

    /**
     * Goes through a hand-over without a launcher, answering into {@code /dev/null}: for the
     * class-data-sharing training run, so that what the launcher's exec loads is in the archive.
     */
    static void exercise() {
        parentPid();
        ExecTarget.Outcome outcome = ExecTarget.find("true", System.getenv("PATH"));
        ExecTarget.find("/nonexistent/jcg-cds-training", null);
        answer("/dev/null", answerFor(outcome, 1));
    }

    private static void answer(String to, String words) {
        try (OutputStream out = new FileOutputStream(to)) {
            out.write(words.getBytes(ExecTarget.fileNames()));
        } catch (IOException e) {
            throw new ToolException(ExecCommand.EXEC_FAILED, "cannot answer the launcher on descriptor 3: " + e.getMessage(), e);
        }
    }
}
