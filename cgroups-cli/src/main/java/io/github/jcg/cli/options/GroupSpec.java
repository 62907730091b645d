package io.github.jcg.cli.options;

import io.github.jcg.cli.getopt.UsageException;
import io.github.jcg.core.ControllerSelection;

import java.util.ArrayList;
import java.util.List;

/**
 * libcgroup's {@code <controllers>:<path>}: controller names separated by commas ({@code *}
 * for all, nothing for none) and a group path. Split on the first ':' only, because a path may
 * contain ':' (libcgroup itself cuts the path at a second ':'; jcg does not).
 *
 * @param controllers the text before the first ':', as given
 * @param path        the text after it, as given (libcgroup echoes it back in output)
 */
public record GroupSpec(String controllers, String path) {
    /** Parses the text, or explains what a spec looks like. */
    public static GroupSpec parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' is not <controllers>:<path> (there is no ':'); write e.g. cpu,memory:web");
        }
        String path = text.substring(colon + 1);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no path after the ':'; write <controllers>:<path>, e.g. cpu:web");
        }
        return new GroupSpec(text.substring(0, colon), path);
    }

    /** The controller names, empty ones skipped as libcgroup's strtok does ({@code *} stays as it is). */
    public List<String> controllerNames() {
        List<String> names = new ArrayList<>();
        for (String name : controllers.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    public boolean isAll() {
        return controllerNames().contains("*");
    }

    /** The core's selection: {@code *} all, nothing none, else the named controllers (unknown names refused). */
    public ControllerSelection selection() {
        return isAll() ? ControllerSelection.all() : ControllerSelection.parse(String.join(",", controllerNames()));
    }

    /** A spec given as an operand; a malformed one is wrong usage. */
    public static GroupSpec argument(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A spec given as the value of {@code -g}; a malformed one is wrong usage, named with the option. */
    public static GroupSpec ofOption(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid value for -g: " + e.getMessage());
        }
    }

    /** Specs given as operands; a malformed one is wrong usage, named in the message. */
    public static List<GroupSpec> parseOperands(List<String> operands) {
        List<GroupSpec> specs = new ArrayList<>();
        for (String operand : operands) {
            specs.add(argument(operand));
        }
        return specs;
    }

    @Override
    public String toString() {
        return controllers + ":" + path;
    }
}
