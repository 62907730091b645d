package io.github.jcg.core.internal.fs;

import java.util.List;

/**
 * One line of {@code /proc/<pid>/cgroup}: {@code hierarchy-ID:controller-list:cgroup-path}.
 *
 * @param hierarchyId 0 for the v2 hierarchy
 * @param controllers the v1 controllers (and {@code name=} of a named hierarchy); empty for v2
 * @param path        the group, relative to the hierarchy root as the process's cgroup
 *                    namespace sees it; may contain {@code :}
 */
public record ProcessCgroupEntry(int hierarchyId, List<String> controllers, String path) {
    public ProcessCgroupEntry {
        controllers = List.copyOf(controllers);
    }

    public boolean isUnified() {
        return hierarchyId == 0 && controllers.isEmpty();
    }
}
