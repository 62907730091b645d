package io.github.jcg.core;

import java.util.List;

/**
 * Everything discovery learned, as a value the CLI can print: the mode, every mounted
 * hierarchy (with this process's own group in each), and every controller the kernel knows
 * with where it can be used.
 *
 * @param mode        legacy, hybrid or unified
 * @param hierarchies every mounted hierarchy, in mount order (an unmodifiable copy)
 * @param controllers every controller the kernel lists in {@code /proc/cgroups}, then v2-only
 *                    ones it does not list (an unmodifiable copy)
 */
public record HostReport(HierarchyMode mode, List<Hierarchy> hierarchies, List<ControllerReport> controllers) {
    /**
     * Copies both lists, so the report does not change with the caller's lists.
     *
     * @param mode        legacy, hybrid or unified
     * @param hierarchies every mounted hierarchy
     * @param controllers every controller the kernel knows, with where it is
     */
    public HostReport {
        hierarchies = List.copyOf(hierarchies);
        controllers = List.copyOf(controllers);
    }
}
