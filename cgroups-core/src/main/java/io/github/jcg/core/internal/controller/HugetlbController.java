package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;

import java.util.Set;

/** The hugetlb controller: per page size files ({@code hugetlb.2MB.max}, v1 {@code hugetlb.2MB.limit_in_bytes}). */
final class HugetlbController extends ControllerModule {
    HugetlbController() {
        super(Set.of(Controller.HUGETLB));
    }

    // ---------------------------------------------------------------- limits and errors

    // ---------------------------------------------------------------- sampling
}
