package io.github.jcg.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which controllers a group operation is for, as libcgroup's {@code -g ctrl1,ctrl2:path}
 * says it: all of them ({@code *}), some, or none ({@code :path}, the v2 core files only).
 * Names are kept as text so named v1 hierarchies ({@code name=systemd}) can be selected.
 */
public final class ControllerSelection {
    private static final ControllerSelection ALL = new ControllerSelection(Kind.ALL, Set.of());
    private static final ControllerSelection NONE = new ControllerSelection(Kind.NONE, Set.of());

    /** The three forms a selection takes. */
    public enum Kind {
        /** {@code *}: every mounted controller. */
        ALL,
        /** The controllers or named hierarchies in {@link #names()}. */
        SOME,
        /** No controller: the v2 hierarchy alone. */
        NONE
    }

    private final Kind kind;
    private final Set<String> names;

    private ControllerSelection(Kind kind, Set<String> names) {
        this.kind = kind;
        this.names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    /**
     * Every mounted controller (not named v1 hierarchies), plus the v2 hierarchy where there is one.
     *
     * @return the selection {@code *}
     */
    public static ControllerSelection all() {
        return ALL;
    }

    /**
     * No controller: the group is made in the v2 hierarchy only, for its core files. On a host
     * without cgroup v2, {@link CgroupHost#group(CgroupPath, ControllerSelection)} refuses it.
     *
     * @return the empty selection
     */
    public static ControllerSelection none() {
        return NONE;
    }

    /**
     * The given controllers. Whether they are mounted is checked by
     * {@link CgroupHost#group(CgroupPath, ControllerSelection)}, not here.
     *
     * @param controllers the controllers, duplicates counted once
     * @return a selection of {@link Kind#SOME}; {@link #none()} when no controller is given
     */
    public static ControllerSelection of(Controller... controllers) {
        Set<String> names = new LinkedHashSet<>();
        for (Controller c : controllers) {
            names.add(c.kernelName());
        }
        return names.isEmpty() ? NONE : new ControllerSelection(Kind.SOME, names);
    }

    /**
     * libcgroup's controller list: {@code *} for all, empty for none, otherwise names separated
     * by commas ({@code cpu,memory}, {@code name=systemd}).
     *
     * @param list the list; spaces around it and around each name are ignored
     * @return the selection
     * @throws InvalidValueException            when a name is empty ({@code cpu,,memory})
     * @throws ControllerNotAvailableException when a name is neither a controller jcg knows nor
     *                                         {@code name=…}
     */
    public static ControllerSelection parse(String list) {
        String trimmed = list.strip();
        if (trimmed.equals("*")) {
            return ALL;
        }
        if (trimmed.isEmpty()) {
            return NONE;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : trimmed.split(",", -1)) {
            String n = name.strip();
            if (n.isEmpty()) {
                throw new InvalidValueException("controller list", "'" + list + "'",
                        "has an empty name; write controllers separated by single commas, e.g. cpu,memory");
            }
            if (!n.startsWith("name=") && Controller.byName(n).isEmpty()) {
                throw new ControllerNotAvailableException("unknown controller '" + n + "' in '" + list
                        + "'; known controllers are " + knownNames());
            }
            names.add(n);
        }
        return new ControllerSelection(Kind.SOME, names);
    }

    private static String knownNames() {
        List<String> out = new ArrayList<>();
        for (Controller c : Controller.values()) {
            out.add(c.kernelName());
        }
        return String.join(", ", out);
    }

    /**
     * All, some or none.
     *
     * @return the selection's form
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The selected names; empty unless {@link Kind#SOME}.
     *
     * @return kernel names and {@code name=…} entries, unmodifiable, in the order given
     */
    public Set<String> names() {
        return names;
    }

    /**
     * Whether the selection takes in a controller.
     *
     * @param controller the controller
     * @return true for {@link Kind#ALL}, or when its kernel name is among {@link #names()}
     */
    public boolean includes(Controller controller) {
        return kind == Kind.ALL || names.contains(controller.kernelName());
    }

    /** libcgroup's spelling, for messages: {@code *}, {@code cpu,memory}, or empty. */
    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "*";
            case NONE -> "";
            case SOME -> String.join(",", names);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ControllerSelection other && other.kind == kind && other.names.equals(names);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + names.hashCode();
    }
}
