package io.github.jcg.cli.commands;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.ControllerNotAvailableException;
import io.github.jcg.core.limit.Resources;

import java.util.Optional;

/** Builds the {@link Resources} that put back what applying another one changed. */
final class Restore {
    private Restore() {
    }

    /**
     * The group's limits now, to put back later; empty when the core cannot read them (its
     * {@code resources()} fails on hosts where a controller such as cpuset is not mounted).
     */
    static Optional<Resources> snapshot(Cgroup group) {
        try {
            return Optional.of(group.resources());
        } catch (ControllerNotAvailableException e) {
            return Optional.empty();
        }
    }

    /** The fields {@code applied} set, with the values they had in {@code before}. */
    static Resources fieldsOf(Resources applied, Resources before) {
        Resources.Builder b = Resources.builder();
        if (applied.cpuQuota().isPresent() || applied.cpuPeriodMicros().isPresent()) {
            before.cpuQuota().ifPresent(b::cpuQuota);
            before.cpuPeriodMicros().ifPresent(b::cpuPeriodMicros);
        }
        if (applied.cpuWeight().isPresent()) {
            before.cpuWeight().ifPresent(b::cpuWeight);
        }
        if (applied.cpusetCpus().isPresent()) {
            before.cpusetCpus().ifPresent(b::cpusetCpus);
        }
        if (applied.cpusetMems().isPresent()) {
            before.cpusetMems().ifPresent(b::cpusetMems);
        }
        if (applied.memoryMax().isPresent()) {
            before.memoryMax().ifPresent(b::memoryMax);
        }
        if (applied.memoryHigh().isPresent()) {
            before.memoryHigh().ifPresent(b::memoryHigh);
        }
        if (applied.memoryLow().isPresent()) {
            before.memoryLow().ifPresent(b::memoryLow);
        }
        if (applied.swapMax().isPresent()) {
            before.swapMax().ifPresent(b::swapMax);
        }
        if (applied.pidsMax().isPresent()) {
            before.pidsMax().ifPresent(b::pidsMax);
        }
        return b.build();
    }
}
