package io.github.jcg.cli.commands;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes that are taken back, newest first, when a later one fails, so a command leaves
 * nothing half-done. Undo is best effort: a step that fails is reported, the others still run.
 */
final class Transaction {
    private final List<Runnable> undo = new ArrayList<>();

    /** Writes a control file, remembering its previous text (when it can be read) to put it back. */
    void write(Cgroup group, String file, String value) {
        Optional<String> before = previous(group, file);
        group.write(file, value);
        before.ifPresent(old -> undo.add(() -> group.write(file, old)));
    }

    void onUndo(Runnable step) {
        undo.add(step);
    }

    /** Runs the undo steps; returns the messages of those that failed. */
    List<String> rollback() {
        List<String> failures = new ArrayList<>();
        for (int i = undo.size() - 1; i >= 0; i--) {
            try {
                undo.get(i).run();
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        }
        undo.clear();
        return failures;
    }

    /** Undoes everything and says how that went, to add to the failure's message. */
    String undoAndDescribe() {
        if (undo.isEmpty()) {
            return "";
        }
        List<String> failed = rollback();
        return failed.isEmpty() ? " (the earlier changes of this command were undone)"
                : " (undoing the earlier changes failed too: " + String.join("; ", failed) + ")";
    }

    private static Optional<String> previous(Cgroup group, String file) {
        try {
            String text = group.read(file);
            return Optional.of(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        } catch (CgroupException e) {
            return Optional.empty();
        }
    }
}
