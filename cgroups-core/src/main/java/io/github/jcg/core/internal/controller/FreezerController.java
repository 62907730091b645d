package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;

import java.util.Set;

/** Freezing a group: v1's freezer controller ({@code freezer.state}) and v2's core file {@code cgroup.freeze} (v2 has no freezer controller; on a hybrid host a group outside the v1 freezer hierarchy is frozen through the v2 mount). */
final class FreezerController extends ControllerModule {
    FreezerController() {
        super(Set.of(Controller.FREEZER));
    }

    // ---------------------------------------------------------------- limits and errors

    // ---------------------------------------------------------------- sampling
}
