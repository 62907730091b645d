package io.github.jcg.core.internal;

import io.github.jcg.core.CgroupPath;

import java.util.Optional;

/**
 * A group's control files by name, wherever they live (the cpu hierarchy for {@code cpu.*}
 * on v1, the one v2 directory otherwise). What a controller module plans against
 * ({@link io.github.jcg.core.internal.controller.ControllerModule#plan}).
 */
public interface GroupFiles {
    /** The file's text, or empty when this group has no such file. */
    Optional<String> read(String file);

    /** Whether the group has this control file (its controller is mounted and enabled). */
    boolean has(String file);

    /** The group, for messages. */
    CgroupPath path();
}
