package io.github.jcg.cli;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.InvalidValueException;

/**
 * libcgroup's {@code <controllers>:<path>} operand ({@code cpu,memory:/web}, {@code *:web},
 * {@code :web}). Split on the first ':' only: the path itself may contain ':'.
 */
public record GroupSpec(ControllerSelection controllers, CgroupPath path) {
    public static GroupSpec parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new InvalidValueException("group '" + spec + "' needs the form <controllers>:<path>, e.g. cpu,memory:/web");
        }
        return new GroupSpec(ControllerSelection.parse(spec.substring(0, colon)), CgroupPath.of(spec.substring(colon + 1)));
    }
}
