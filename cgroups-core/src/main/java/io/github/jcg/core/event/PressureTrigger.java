package io.github.jcg.core.event;

import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.sample.Metric;

import java.time.Duration;

/**
 * A PSI trigger: fire when the group's tasks stalled on a resource for at least {@code stall}
 * within a sliding {@code window}. The watcher writes it to the group's pressure file as the
 * kernel documents ({@code some 150000 2000000}: 150 ms within 2 s) and waits for
 * {@code POLLPRI}; the kernel fires at most once per window.
 *
 * <p>The kernel takes windows of 500 ms to 10 s. From a process without {@code CAP_SYS_RESOURCE}
 * it takes (since Linux 6.5) only windows that are a multiple of 2 s; {@link #needsPrivilege()}
 * tells.
 *
 * @param resource what the tasks stalled on
 * @param full     {@code full}: all non-idle tasks of the group stalled at once; otherwise
 *                 {@code some}: at least one did
 * @param stall    the stall time that fires the trigger, at least 1 µs and at most {@code window}
 * @param window   the window it is measured over, 500 ms to 10 s
 */
public record PressureTrigger(Resource resource, boolean full, Duration stall, Duration window) {
    private static final Duration WINDOW_MIN = Duration.ofMillis(500);
    private static final Duration WINDOW_MAX = Duration.ofSeconds(10);
    /** The window unprivileged triggers must be a multiple of (the kernel's psi_rtpoll granularity for them). */
    private static final long UNPRIVILEGED_WINDOW_MICROS = 2_000_000;

    /** What a group's tasks can stall on, and the file each is measured in. */
    public enum Resource {
        /** Waiting for a CPU: {@code cpu.pressure}. */
        CPU("cpu.pressure", Metric.PSI_CPU_SOME_MICROS, Metric.PSI_CPU_FULL_MICROS),
        /** Waiting for memory (reclaim, refaults, swap-in): {@code memory.pressure}. */
        MEMORY("memory.pressure", Metric.PSI_MEMORY_SOME_MICROS, Metric.PSI_MEMORY_FULL_MICROS),
        /** Waiting for block IO: {@code io.pressure}. */
        IO("io.pressure", Metric.PSI_IO_SOME_MICROS, Metric.PSI_IO_FULL_MICROS);

        private final String file;
        private final Metric some;
        private final Metric full;

        Resource(String file, Metric some, Metric full) {
            this.file = file;
            this.some = some;
            this.full = full;
        }

        /**
         * The group's file for this resource.
         *
         * @return {@code cpu.pressure}, {@code memory.pressure} or {@code io.pressure}
         */
        public String file() {
            return file;
        }
    }

    /**
     * Checks the trigger against the kernel's ranges.
     *
     * @param resource what the tasks stall on
     * @param full     {@code full} rather than {@code some}
     * @param stall    the stall time that fires the trigger
     * @param window   the window it is measured over
     * @throws InvalidValueException when the window is outside 500 ms to 10 s, or the stall is
     *                               not between 1 µs and the window
     * @throws NullPointerException  when a component is null
     */
    public PressureTrigger {
        java.util.Objects.requireNonNull(resource, "resource");
        java.util.Objects.requireNonNull(stall, "stall");
        java.util.Objects.requireNonNull(window, "window");
        if (window.compareTo(WINDOW_MIN) < 0 || window.compareTo(WINDOW_MAX) > 0) {
            throw new InvalidValueException(resource.file + " trigger window", describe(window), "must be 500ms to 10s");
        }
        if (stall.toNanos() < 1_000 || stall.compareTo(window) > 0) {
            throw new InvalidValueException(resource.file + " trigger stall", describe(stall),
                    "must be at least 1us and at most the window (" + describe(window) + ")");
        }
    }

    /**
     * A {@code some} trigger: fire when at least one task stalled for {@code stall} within {@code window}.
     *
     * @param resource what the tasks stall on
     * @param stall    the stall time that fires it
     * @param window   the window, 500 ms to 10 s
     * @return the trigger
     * @throws InvalidValueException as the constructor
     */
    public static PressureTrigger some(Resource resource, Duration stall, Duration window) {
        return new PressureTrigger(resource, false, stall, window);
    }

    /**
     * A {@code full} trigger: fire when all non-idle tasks stalled at once for {@code stall}
     * within {@code window}.
     *
     * @param resource what the tasks stall on
     * @param stall    the stall time that fires it
     * @param window   the window, 500 ms to 10 s
     * @return the trigger
     * @throws InvalidValueException as the constructor
     */
    public static PressureTrigger full(Resource resource, Duration stall, Duration window) {
        return new PressureTrigger(resource, true, stall, window);
    }

    /**
     * Whether the kernel takes this trigger only from a process with {@code CAP_SYS_RESOURCE}.
     *
     * @return true when the window is not a multiple of 2 s
     */
    public boolean needsPrivilege() {
        return micros(window) % UNPRIVILEGED_WINDOW_MICROS != 0;
    }

    /**
     * The text written to the pressure file, as the kernel documents it.
     *
     * @return e.g. {@code some 150000 2000000}: the stall and the window in µs
     */
    public String kernelText() {
        return (full ? "full " : "some ") + micros(stall) + " " + micros(window);
    }

    /**
     * The total stall counter this trigger watches, reported as the value of its events.
     *
     * @return e.g. {@link Metric#PSI_CPU_SOME_MICROS}
     */
    public Metric totalMetric() {
        return full ? resource.full : resource.some;
    }

    /** A duration as a person writes it: {@code 150ms}, {@code 2s}, {@code 1500us}. */
    static String describe(Duration d) {
        long micros = micros(d);
        if (micros % 1_000_000 == 0) {
            return micros / 1_000_000 + "s";
        }
        return micros % 1_000 == 0 ? micros / 1_000 + "ms" : micros + "us";
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1_000;
    }

    /** As written on the command line: {@code cpu some 150ms/2s}. */
    @Override
    public String toString() {
        return resource.name().toLowerCase(java.util.Locale.ROOT) + (full ? " full " : " some ") + describe(stall) + "/"
                + describe(window);
    }
}
