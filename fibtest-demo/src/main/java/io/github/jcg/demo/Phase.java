package io.github.jcg.demo;

/**
 * One phase of the demo: a limit held for a number of seconds. The first {@code settleSeconds}
 * let the group and the workload adjust to the new limit and are left out of the phase's
 * measurement window.
 */
public record Phase(PhaseRole role, CpuLimit limit, int seconds, int settleSeconds) {
    public Phase {
        if (seconds < 1 || settleSeconds < 0 || seconds - settleSeconds < 2) {
            throw new IllegalArgumentException(role.label() + ": a phase needs at least 2 measured seconds after its "
                    + settleSeconds + " s settle time (got " + seconds + " s)");
        }
    }

    public String name() {
        return role.label();
    }

    /** Seconds measured: the phase less its settle time. */
    public int windowSeconds() {
        return seconds - settleSeconds;
    }
}
