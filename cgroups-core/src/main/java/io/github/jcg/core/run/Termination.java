package io.github.jcg.core.run;

/**
 * Why a run ended, the most specific reason first: a limit the run enforced, then what the
 * kernel counted, then how the command itself ended.
 */
public enum Termination {
    /** The command exited by itself; {@link RunResult#exitStatus()} is its status. */
    EXITED("exited"),
    /** The command was killed by a signal that none of the reasons below explains. */
    SIGNALED("killed by signal"),
    /** The kernel's OOM killer killed the command ({@code memory.events} or {@code memory.oom_control} {@code oom_kill} rose). */
    OOM_KILL("OOM kill"),
    /**
     * A fork or clone was refused at the group's {@code pids.max} ({@code pids.events} {@code max}
     * rose) and the command then failed.
     */
    PIDS_LIMIT("pids limit reached"),
    /** The whole group used its CPU-time limit and was killed. */
    CPU_TIME_LIMIT("CPU-time limit"),
    /** The run reached its wall-time limit and the whole group was killed. */
    WALL_TIME_LIMIT("wall-time limit"),
    /** The run was stopped from outside: {@link GroupProcess#killGroup()} or the caller's interrupt. */
    STOPPED("stopped");

    private final String words;

    Termination(String words) {
        this.words = words;
    }

    /**
     * How a summary says it.
     *
     * @return lower-case words, such as {@code "OOM kill"} or {@code "wall-time limit"}
     */
    public String words() {
        return words;
    }
}
