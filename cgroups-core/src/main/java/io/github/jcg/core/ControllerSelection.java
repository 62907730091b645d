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

    public enum Kind { ALL, SOME, NONE }

    private final Kind kind;
    private final Set<String> names;

    private ControllerSelection(Kind kind, Set<String> names) {
        this.kind = kind;
        this.names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    /** Every mounted controller (not named v1 hierarchies), plus the v2 hierarchy where there is one. */
    public static ControllerSelection all() {
        return ALL;
    }

    /** No controller: the group is made in the v2 hierarchy only, for its core files. */
    public static ControllerSelection none() {
        return NONE;
    }

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

    public Kind kind() {
        return kind;
    }

    /** The selected names; empty unless {@link Kind#SOME}. */
    public Set<String> names() {
        return names;
    }

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
