package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;

import java.util.Set;

/** The cpuacct controller (v1 only): CPU time of a group ({@code cpuacct.usage}, {@code cpuacct.stat}). */
final class CpuacctController extends ControllerModule {
    CpuacctController() {
        super(Set.of(Controller.CPUACCT));
    }

    // ---------------------------------------------------------------- limits and errors

    /** cpuacct.rst: v1 only; it has no limits. */
    private static final Set<String> FILE_NAMES = Set.of("cpuacct.usage", "cpuacct.usage_user", "cpuacct.usage_sys",
            "cpuacct.usage_all", "cpuacct.usage_percpu", "cpuacct.usage_percpu_user", "cpuacct.usage_percpu_sys", "cpuacct.stat");

    @Override
    public Set<String> fileNames() {
        return FILE_NAMES;
    }

    // ---------------------------------------------------------------- sampling
}
