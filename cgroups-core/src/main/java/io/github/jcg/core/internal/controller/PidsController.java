package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;

import java.util.Set;

/** The pids controller: {@code pids.max} and {@code pids.current}, the same on both versions. */
final class PidsController extends ControllerModule {
    PidsController() {
        super(Set.of(Controller.PIDS));
    }

    // ---------------------------------------------------------------- limits and errors

    // ---------------------------------------------------------------- sampling
}
