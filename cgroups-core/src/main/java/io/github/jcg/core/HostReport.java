package io.github.jcg.core;

import java.util.List;

/**
 * Everything discovery learned, as a value the CLI can print: the mode, every mounted
 * hierarchy (with this process's own group in each), and every controller the kernel knows
 * with where it can be used.
 */
public record HostReport(HierarchyMode mode, List<Hierarchy> hierarchies, List<ControllerReport> controllers) {
    public HostReport {
        hierarchies = List.copyOf(hierarchies);
        controllers = List.copyOf(controllers);
    }
}
