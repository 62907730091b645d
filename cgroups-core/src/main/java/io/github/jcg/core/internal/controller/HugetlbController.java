package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The hugetlb controller: per page size files ({@code hugetlb.2MB.max}, v1 {@code hugetlb.2MB.limit_in_bytes}). */
final class HugetlbController extends ControllerModule {
    HugetlbController() {
        super(Set.of(Controller.HUGETLB));
    }

    // ---------------------------------------------------------------- limits and errors

    /** hugetlb's files carry the page size: {@code hugetlb.2MB.max}, {@code hugetlb.1GB.limit_in_bytes}. */
    private static final Pattern PAGE_SIZE_FILE = Pattern.compile("hugetlb\\.\\d+[KMGT]B\\.(.+)");
    /** What follows the page size (hugetlb.rst on v1, cgroup-v2.rst on v2). */
    private static final Set<String> PER_PAGE_SIZE = Set.of(
            // v1
            "limit_in_bytes", "max_usage_in_bytes", "usage_in_bytes", "failcnt",
            "rsvd.limit_in_bytes", "rsvd.max_usage_in_bytes", "rsvd.usage_in_bytes", "rsvd.failcnt",
            // v2
            "max", "current", "events", "events.local", "rsvd.max", "rsvd.current",
            // both
            "numa_stat");

    /** Every page size's files: the names are a pattern, not a list ({@link #fileNames()} is empty). */
    @Override
    public boolean isFileName(String name) {
        Matcher m = PAGE_SIZE_FILE.matcher(name);
        return m.matches() && PER_PAGE_SIZE.contains(m.group(1));
    }

    // ---------------------------------------------------------------- sampling
}
