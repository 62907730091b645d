package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;

import java.util.Set;

/** The cpuacct controller (v1 only): CPU time of a group ({@code cpuacct.usage}, {@code cpuacct.stat}). */
final class CpuacctController extends ControllerModule {
    CpuacctController() {
        super(Set.of(Controller.CPUACCT));
    }

    // ---------------------------------------------------------------- limits and errors

    // ---------------------------------------------------------------- sampling
}
