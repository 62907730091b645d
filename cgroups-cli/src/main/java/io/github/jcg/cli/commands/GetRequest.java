package io.github.jcg.cli.commands;

import io.github.jcg.cli.ExitCodes;
import io.github.jcg.cli.ToolException;
import io.github.jcg.cli.compat.LibcgroupWords;
import io.github.jcg.cli.getopt.UsageException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What cgget was asked for, built in the order the options came, because that order matters
 * to libcgroup: {@code -r} and {@code -g <controller>} add to the first group, each
 * {@code -g <controllers>:<path>} starts a new one, and each path operand names the pending
 * group or copies the previous request for another group. Mistakes libcgroup catches while
 * reading options are remembered and reported first, with libcgroup's code.
 */
final class GetRequest {
    /** Stands for "every mounted controller" ({@code -a}) until the host is known. */
    static final String ALL_CONTROLLERS = "*";

    /** One group: its name as given ("" until a path names it) and controller → settings asked for. */
    static final class Entry {
        String name = "";
        final Map<String, List<String>> controllers = new LinkedHashMap<>();

        Entry copyNamed(String newName) {
            Entry copy = new Entry();
            copy.name = newName;
            controllers.forEach((c, names) -> copy.controllers.put(c, new ArrayList<>(names)));
            return copy;
        }
    }

    final List<Entry> entries = new ArrayList<>();
    private boolean needsPath;
    private boolean listsControllers;
    private boolean namesSettings;
    private ToolException firstMistake;

    /** {@code -r name}. */
    void setting(String name) {
        namesSettings = true;
        needsPath = true;
        int dot = name.indexOf('.');
        if (dot <= 0) {
            remember(new ToolException(ExitCodes.INVALID, LibcgroupWords.afterName("error parsing parameter name '" + name + "'"),
                    "cannot tell the controller of '" + name + "': name a setting as <controller>.<file>, e.g. cpu.shares", null));
            return;
        }
        // plain get/put, not computeIfAbsent with a lambda: this runs on every cgget's start-up path
        String controller = name.substring(0, dot);
        List<String> names = first().controllers.get(controller);
        if (names == null) {
            names = new ArrayList<>();
            first().controllers.put(controller, names);
        }
        if (names.contains(name)) {
            remember(new ToolException(ExitCodes.VALUE_EXISTS, name + " is asked for twice; give each -r once"));
            return;
        }
        names.add(name);
    }

    /** {@code -g controllers} or {@code -g controllers:path}. */
    void group(String spec) {
        listsControllers = true;
        int colon = spec.indexOf(':');
        if (colon < 0) {
            needsPath = true;
            if (entries.size() > 1) {
                remember(new ToolException(ExitCodes.MAX_VALUES_EXCEEDED, "-g " + spec + " (no path) cannot follow two"
                        + " -g <controllers>:<path>; give the controllers inside each -g <controllers>:<path>"));
                return;
            }
            // libcgroup takes the whole text as one controller name: "cpu,memory" matches none
            first().controllers.putIfAbsent(spec, new ArrayList<>());
            return;
        }
        Entry entry = new Entry();
        entry.name = spec.substring(colon + 1);
        for (String controller : spec.substring(0, colon).split(",")) {
            if (!controller.isEmpty()) {
                entry.controllers.putIfAbsent(controller, new ArrayList<>());
            }
        }
        entries.add(entry);
    }

    /** {@code -a}. */
    void all() {
        listsControllers = true;
        first().controllers.putIfAbsent(ALL_CONTROLLERS, new ArrayList<>());
    }

    /**
     * Applies the path operands after every option was read, and reports the first mistake:
     * one remembered while reading options, then wrong combinations (wrong usage, a
     * {@link UsageException}).
     */
    void finish(List<String> paths) {
        if (firstMistake != null) {
            throw firstMistake;
        }
        if (listsControllers && namesSettings) {
            throw new UsageException("-r cannot be combined with -g or -a; ask for settings by name or list controllers, not both");
        }
        if (paths.isEmpty() && needsPath) {
            throw new UsageException("no group given; name the group to read after the options, e.g. cpu.shares mygroup");
        }
        if (!paths.isEmpty() && !entries.isEmpty() && !entries.get(0).name.isEmpty()) {
            throw new UsageException("the group is already named by -g <controllers>:<path>; drop the path " + paths.get(0)
                    + " or write -g <controllers> " + paths.get(0));
        }
        for (String path : paths) {
            name(path);
        }
    }

    private void name(String path) {
        if (entries.isEmpty()) {
            Entry everything = new Entry();
            everything.controllers.put(ALL_CONTROLLERS, new ArrayList<>());
            everything.name = path;
            entries.add(everything);
            return;
        }
        Entry last = entries.get(entries.size() - 1);
        if (last.name.isEmpty()) {
            last.name = path;
        } else {
            entries.add(last.copyNamed(path));
        }
    }

    private Entry first() {
        if (entries.isEmpty()) {
            entries.add(new Entry());
        }
        return entries.get(0);
    }

    private void remember(ToolException mistake) {
        if (firstMistake == null) {
            firstMistake = mistake;
        }
    }
}
