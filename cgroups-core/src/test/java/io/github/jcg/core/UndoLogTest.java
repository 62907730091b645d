package io.github.jcg.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UndoLogTest {
    @Test
    void stepsRunNewestFirstAndOnlyOnce() {
        List<String> ran = new ArrayList<>();
        UndoLog undo = new UndoLog();
        undo.add(() -> ran.add("first"));
        undo.add(() -> ran.add("second"));
        undo.add(() -> ran.add("third"));

        assertThat(undo.run()).isEmpty();
        assertThat(ran).containsExactly("third", "second", "first");
        assertThat(undo.isEmpty()).isTrue();
        assertThat(undo.run()).isEmpty();
        assertThat(ran).hasSize(3);
    }

    @Test
    void aFailingStepIsReportedAndTheOthersStillRun() {
        List<String> ran = new ArrayList<>();
        UndoLog undo = new UndoLog();
        undo.add(() -> ran.add("first"));
        undo.add(() -> {
            throw new CgroupException("cannot write cpu.shares");
        });
        undo.add(() -> ran.add("third"));

        assertThat(undo.run()).containsExactly("cannot write cpu.shares");
        assertThat(ran).containsExactly("third", "first");
    }

    @Test
    void runAndDescribeSaysHowTheUndoWent() {
        UndoLog nothing = new UndoLog();
        assertThat(nothing.runAndDescribe("changes of this command")).isEmpty();

        UndoLog fine = new UndoLog();
        fine.add(() -> { });
        assertThat(fine.runAndDescribe("changes of this command")).isEqualTo(" (the earlier changes of this command were undone)");
        assertThat(fine.isEmpty()).isTrue();

        UndoLog failing = new UndoLog();
        failing.add(() -> {
            throw new CgroupException("a");
        });
        failing.add(() -> {
            throw new CgroupException("b");
        });
        assertThat(failing.runAndDescribe("writes of this change"))
                .isEqualTo(" (undoing the earlier writes of this change failed too: b; a)");
    }
}
