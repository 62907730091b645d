package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;

import java.util.Set;

/** The memory controller: v1 {@code memory.*_in_bytes}, v2 {@code memory.max/high/low/min/swap.max}, usage and memory pressure. */
final class MemoryController extends ControllerModule {
    MemoryController() {
        super(Set.of(Controller.MEMORY));
    }

    // ---------------------------------------------------------------- limits and errors

    // ---------------------------------------------------------------- sampling
}
