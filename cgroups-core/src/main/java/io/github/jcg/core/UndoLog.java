package io.github.jcg.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Steps that take back what an operation did so far, run newest first when it fails part
 * way. Undo is best effort: a step that fails is reported and the rest still run.
 */
final class UndoLog {
    private final List<Runnable> steps;

    UndoLog() {
        this(new ArrayList<>());
    }

    UndoLog(List<Runnable> steps) {
        this.steps = steps;
    }

    void add(Runnable step) {
        steps.add(step);
    }

    /** Runs every step, newest first; returns the messages of those that failed. */
    List<String> run() {
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
}
