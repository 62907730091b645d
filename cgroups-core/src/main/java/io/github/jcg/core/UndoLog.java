package io.github.jcg.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Steps that take back what an operation did so far, for when it fails part way: after each
 * change succeeds, {@link #add} the step that reverses it; on failure, {@link #run} them.
 *
 * <ul>
 *   <li>Steps run newest first, the reverse of the order the changes were made, so a change
 *       is taken back before the ones it was built on.</li>
 *   <li>Undo is best effort: a step that throws does not stop the others; its message is
 *       reported in the list {@link #run} returns.</li>
 *   <li>Each step runs at most once: running empties the log.</li>
 * </ul>
 *
 * Not thread-safe: one log belongs to one operation. This is how the library's own
 * operations ({@link Cgroup#create()}, {@link Cgroup#attach(long)}, {@link Cgroup#apply})
 * stay all or nothing, and how a program makes several of them one change.
 */
public final class UndoLog {
    private final List<Runnable> steps;

    /** An empty log. */
    public UndoLog() {
        this(new ArrayList<>());
    }

    /** A log over steps collected elsewhere, oldest first. */
    UndoLog(List<Runnable> steps) {
        this.steps = steps;
    }

    /**
     * Notes the step that takes back the change just made.
     *
     * @param step the undo of that change; a {@link RuntimeException} it throws is reported by
     *             {@link #run}, not thrown
     */
    public void add(Runnable step) {
        steps.add(step);
    }

    /**
     * Whether there is nothing to undo.
     *
     * @return true when no step was added since the log was made or last run
     */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * Runs every step, newest first, and empties the log.
     *
     * @return the messages of the steps that threw, newest first; empty when all were undone
     */
    public List<String> run() {
        List<String> failures = new ArrayList<>();
        for (int i = steps.size() - 1; i >= 0; i--) {
            try {
                steps.get(i).run();
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        }
        steps.clear();
        return failures;
    }

    /**
     * Runs every step, as {@link #run}, and says how that went, to end the failure's message
     * with: {@code " (the earlier <what> were undone)"}, or {@code " (undoing the earlier <what>
     * failed too: <messages>)"}; {@code ""} when there was nothing to undo.
     *
     * @param what the changes, in the plural ({@code "changes of this command"})
     * @return the text to append to the failure's message
     */
    public String runAndDescribe(String what) {
        if (steps.isEmpty()) {
            return "";
        }
        List<String> failed = run();
        return failed.isEmpty() ? " (the earlier " + what + " were undone)"
                : " (undoing the earlier " + what + " failed too: " + String.join("; ", failed) + ")";
    }
}
