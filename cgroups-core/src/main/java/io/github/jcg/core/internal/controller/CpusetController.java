package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;

import java.util.Set;

/** The cpuset controller: the CPUs and memory nodes a group may use ({@code cpuset.cpus}, {@code cpuset.mems}). */
final class CpusetController extends ControllerModule {
    CpusetController() {
        super(Set.of(Controller.CPUSET));
    }

    // ---------------------------------------------------------------- limits and errors

    // ---------------------------------------------------------------- sampling
}
