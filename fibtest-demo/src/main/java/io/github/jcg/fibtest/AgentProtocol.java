package io.github.jcg.fibtest;

import java.util.OptionalLong;

/**
 * The lines a workload started by the demo agent writes on stderr for the agent (besides
 * {@link LiveReport#agentLine()}): it has placed itself in its group, its measured phase has
 * begun, or it could not start.
 */
public final class AgentProtocol {
    /** {@code @placed <pid>}: the process is in its group; no worker thread has started yet. */
    public static final String PLACED = "@placed ";
    /** {@code @measuring <monotonicNanos>}: the JIT warm-up is over and the measured phase begins. */
    public static final String MEASURING = "@measuring ";
    /** {@code @error <one line>}: the workload gives up (it could not join its group). */
    public static final String ERROR = "@error ";

    private AgentProtocol() {
    }

    public static String placed(long pid) {
        return PLACED + pid;
    }

    public static String measuring(long monotonicNanos) {
        return MEASURING + monotonicNanos;
    }

    public static String error(String message) {
        return ERROR + message.replace('\n', ' ');
    }

    /** The number after a marker, when {@code line} is that marker's line. */
    public static OptionalLong valueAfter(String marker, String line) {
        if (!line.startsWith(marker)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(line.substring(marker.length()).strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
