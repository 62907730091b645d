package io.github.jcg.kube.cgroups;

import java.util.Objects;

/**
 * One control-file write the kubelet (or the runtime) makes.
 *
 * @param name    the control file, such as {@code cpu.shares} or {@code cpu.max}
 * @param value   exactly what is written, such as {@code 256} or {@code max 100000}
 * @param formula how the value came about, for a person: {@code max(250m × 1024 / 1000, 2) = 256}
 */
public record PlannedFile(String name, String value, String formula) {

    /**
     * Refuses missing parts.
     *
     * @param name    the control file, such as {@code cpu.shares} or {@code cpu.max}
     * @param value   exactly what is written, such as {@code 256} or {@code max 100000}
     * @param formula how the value came about, for a person: {@code max(250m × 1024 / 1000, 2) = 256}
     */
    public PlannedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(formula, "formula");
    }

    /** @return {@code name = value  (formula)} */
    @Override
    public String toString() {
        return name + " = " + value + "  (" + formula + ")";
    }
}
