package io.github.jcg.cli.events;

import io.github.jcg.cli.top.Units;
import io.github.jcg.core.event.PressureTrigger;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code --psi} values: {@code RESOURCE[.some|.full]=STALL/WINDOW}, such as {@code cpu=150ms/2s}
 * or {@code memory.full=100ms/2s}; durations as {@code jcg top -d} takes them.
 */
final class PressureSpecs {
    static final String SYNTAX = "RESOURCE[.some|.full]=STALL/WINDOW, e.g. cpu=150ms/2s or memory.full=100ms/2s";

    private PressureSpecs() {
    }

    /**
     * The trigger a {@code --psi} value stands for.
     *
     * @throws IllegalArgumentException with one line saying what is wrong with it
     */
    static PressureTrigger parse(String text) {
        int eq = text.indexOf('=');
        int slash = text.indexOf('/', Math.max(eq, 0));
        if (eq < 0 || slash < 0) {
            throw new IllegalArgumentException("--psi '" + text + "' is not " + SYNTAX);
        }
        String[] what = text.substring(0, eq).strip().toLowerCase(Locale.ROOT).split("\\.", -1);
        PressureTrigger.Resource resource = switch (what[0]) {
            case "cpu" -> PressureTrigger.Resource.CPU;
            case "memory", "mem" -> PressureTrigger.Resource.MEMORY;
            case "io" -> PressureTrigger.Resource.IO;
            default -> throw new IllegalArgumentException("--psi '" + text + "': unknown resource '" + what[0]
                    + "'; use cpu, memory or io");
        };
        boolean full = false;
        if (what.length == 2 && (what[1].equals("full") || what[1].equals("some"))) {
            full = what[1].equals("full");
        } else if (what.length != 1) {
            throw new IllegalArgumentException("--psi '" + text + "': after the resource comes .some or .full");
        }
        Duration stall = duration(text, text.substring(eq + 1, slash), "stall");
        Duration window = duration(text, text.substring(slash + 1), "window");
        try {
            return new PressureTrigger(resource, full, stall, window);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--psi '" + text + "': " + e.getMessage(), e);
        }
    }

    private static Duration duration(String text, String part, String which) {
        try {
            return Duration.ofNanos(Math.multiplyExact(Units.parseDelayMicros(part), 1_000L));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("--psi '" + text + "': the " + which + " '" + part
                    + "' is not a duration (150ms, 2s)", e);
        }
    }
}
