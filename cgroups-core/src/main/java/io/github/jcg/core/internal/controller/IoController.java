package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;

import java.util.Set;

/** Block IO: v1's blkio controller ({@code blkio.throttle.*}) and v2's io controller ({@code io.max}, {@code io.stat}), and IO pressure. */
final class IoController extends ControllerModule {
    IoController() {
        super(Set.of(Controller.BLKIO, Controller.IO));
    }

    // ---------------------------------------------------------------- limits and errors

    // ---------------------------------------------------------------- sampling
}
