package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;

import java.util.Set;

/** The cpu controller: CFS bandwidth (v1 {@code cpu.cfs_*}, v2 {@code cpu.max}), weight (v1 {@code cpu.shares}, v2 {@code cpu.weight}), burst, throttling statistics and CPU pressure. */
final class CpuController extends ControllerModule {
    CpuController() {
        super(Set.of(Controller.CPU));
    }

    // ---------------------------------------------------------------- limits and errors

    // ---------------------------------------------------------------- sampling
}
