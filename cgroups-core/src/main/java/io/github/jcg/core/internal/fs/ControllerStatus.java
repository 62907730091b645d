package io.github.jcg.core.internal.fs;

/**
 * One row of {@code /proc/cgroups}.
 *
 * @param name        the controller's kernel name
 * @param hierarchyId the v1 hierarchy it is bound to; 0 when it is on no v1 hierarchy
 *                    (so on the v2 hierarchy, or not mounted at all)
 * @param groupCount  how many groups exist in that hierarchy
 * @param enabled     false when disabled on the kernel command line ({@code cgroup_disable=})
 */
public record ControllerStatus(String name, int hierarchyId, int groupCount, boolean enabled) {
}
