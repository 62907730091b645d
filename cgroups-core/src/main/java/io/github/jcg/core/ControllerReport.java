package io.github.jcg.core;

import java.util.Optional;

/**
 * What the host says about one controller.
 *
 * @param name        kernel name (also for controllers jcg has no enum constant for)
 * @param enabled     not disabled on the kernel command line ({@code /proc/cgroups})
 * @param hierarchy   the hierarchy that offers it; empty when it is enabled but mounted nowhere
 */
public record ControllerReport(String name, boolean enabled, Optional<Hierarchy> hierarchy) {
    /**
     * Mounted on a v1 hierarchy or offered by the v2 root: files for it can be read and written.
     *
     * @return true when {@link #hierarchy()} is present
     */
    public boolean available() {
        return hierarchy.isPresent();
    }
}
