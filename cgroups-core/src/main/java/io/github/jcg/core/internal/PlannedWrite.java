package io.github.jcg.core.internal;

import java.util.List;
import java.util.function.Function;

/**
 * One write a controller module plans
 * ({@link io.github.jcg.core.internal.controller.ControllerModule#plan}), and how to undo it
 * given the file's text before the write.
 *
 * @param file    control file name
 * @param value   what to write
 * @param restore from the file's previous text, the writes that put it back
 */
public record PlannedWrite(String file, String value, Function<String, List<String>> restore) {
    /** A write undone by writing back the previous text as it was read (cpu.max, pids.max …). */
    public static PlannedWrite of(String file, String value) {
        return new PlannedWrite(file, value, previous -> List.of(previous.strip()));
    }
}
