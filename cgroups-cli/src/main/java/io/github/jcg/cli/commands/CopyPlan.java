package io.github.jcg.cli.commands;

import io.github.jcg.cli.ExitCodes;
import io.github.jcg.cli.ToolException;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.Hierarchy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cgset --copy-from}: every setting of the source group, controller by controller in
 * libcgroup's order, written to the target. libcgroup writes statistics too and ignores the
 * kernel's refusals; jcg copies only files the kernel lets one write and read, skips values the
 * target has already, and so can report every refusal that is left.
 */
final class CopyPlan {
    private static final String MEMORY_LIMIT = "memory.limit_in_bytes";
    private static final String MEMSW_LIMIT = "memory.memsw.limit_in_bytes";

    private final CgroupHost host;
    private final Controllers controllers;

    CopyPlan(CgroupHost host, Controllers controllers) {
        this.host = host;
        this.controllers = controllers;
    }

    List<SetCommand.Write> writes(String source, String target) {
        Cgroup from = host.group(CgroupPath.of(source), ControllerSelection.all());
        Cgroup to = host.group(CgroupPath.of(target), ControllerSelection.all());
        List<SetCommand.Write> writes = new ArrayList<>();
        boolean found = false;
        for (String controller : controllers.mountedNames()) {
            Hierarchy h = controllers.hierarchy(controller).orElseThrow();
            if (!Groups.existsIn(from, h)) {
                continue;
            }
            found = true;
            for (Map.Entry<String, String> setting : settings(from, h, controller)) {
                SetCommand.Write w = SetCommand.checked(to, target, setting.getKey(), setting.getValue());
                if (!current(to, w.file()).equals(Optional.of(w.value()))) {
                    writes.add(w);
                }
            }
        }
        if (!found) {
            throw new ToolException(ExitCodes.GROUP_NOT_FOUND, "cannot copy settings from " + source + ": the group does not exist"
                    + " in any hierarchy (list groups with lscgroup)");
        }
        return writes;
    }

    /** The source's settings of one controller: readable and writable files, in the kernel's order. */
    private List<Map.Entry<String, String>> settings(Cgroup from, Hierarchy h, String controller) {
        List<Map.Entry<String, String>> settings = new ArrayList<>();
        for (String file : from.fileNames(h)) {
            if (Controllers.isFileOf(controller, file) && Groups.isWritable(from, h, file) && Groups.isReadable(from, h, file)) {
                current(from, file).ifPresent(value -> settings.add(Map.entry(file, value)));
            }
        }
        limitBeforeMemsw(settings);
        return settings;
    }

    /** The memory limit may never exceed memory+swap, so libcgroup writes it first; so does jcg. */
    private static void limitBeforeMemsw(List<Map.Entry<String, String>> settings) {
        int limit = indexOf(settings, MEMORY_LIMIT);
        int memsw = indexOf(settings, MEMSW_LIMIT);
        if (limit >= 0 && memsw >= 0 && memsw < limit) {
            settings.set(memsw, settings.set(limit, settings.get(memsw)));
        }
    }

    private static int indexOf(List<Map.Entry<String, String>> settings, String file) {
        for (int i = 0; i < settings.size(); i++) {
            if (settings.get(i).getKey().equals(file)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> current(Cgroup group, String file) {
        try {
            String text = group.read(file);
            return Optional.of(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        } catch (CgroupException e) {
            return Optional.empty();
        }
    }
}
