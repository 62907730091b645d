package io.github.jcg.cli.commands;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Controller names as libcgroup's tools see them: its mount table lists every controller of
 * every mounted hierarchy in mount order (the v2 hierarchy's own controllers included, named
 * v1 hierarchies such as {@code name=systemd} not), and a file belongs to the controller named
 * before its first dot.
 */
final class Controllers {
    /** Core files ({@code cgroup.procs} …): no controller, every group has them. */
    static final String CORE_PREFIX = "cgroup";

    private final HostLayout layout;

    Controllers(HostLayout layout) {
        this.layout = layout;
    }

    /** Every mounted controller's name, in libcgroup's mount-table order. */
    List<String> mountedNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Hierarchy h : withControllers()) {
            h.controllers().forEach(c -> names.add(c.kernelName()));
        }
        return new ArrayList<>(names);
    }

    /** The hierarchies that carry controllers, in mount order (what lscgroup walks). */
    List<Hierarchy> withControllers() {
        return layout.hierarchies().stream().filter(h -> !h.controllers().isEmpty()).toList();
    }

    /** The hierarchy whose files control {@code name}, if it is a controller mounted here. */
    Optional<Hierarchy> hierarchy(String name) {
        // no lambdas: every cgget -r and cgset -r asks this on its start-up path
        Optional<Controller> controller = Controller.byName(name);
        if (controller.isEmpty() || !controller.get().kernelName().equals(name)) {
            return Optional.empty();
        }
        return layout.hierarchyOf(controller.get());
    }

    /** Whether files named {@code <prefix>.*} can be read or written here. */
    boolean isAvailable(String prefix) {
        return prefix.equals(CORE_PREFIX) || hierarchy(prefix).isPresent();
    }

    /**
     * Which vocabulary the host's files for a controller speak: its hierarchy's version; core
     * files and controllers that are not mounted go to the v2 hierarchy when there is one.
     */
    CgroupVersion diskVersion(String controller) {
        if (!controller.equals(CORE_PREFIX)) {
            Optional<Hierarchy> h = hierarchy(controller);
            if (h.isPresent()) {
                return h.get().version();
            }
        }
        return layout.unified().isPresent() ? CgroupVersion.V2 : CgroupVersion.V1;
    }

    /** The controller a setting or file name belongs to: the part before the first dot ("" if none). */
    static String of(String file) {
        int dot = file.indexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }

    /** Whether libcgroup lists {@code file} under {@code controller}: {@code <controller>.<something>}. */
    static boolean isFileOf(String controller, String file) {
        return file.startsWith(controller + ".") && file.length() > controller.length() + 1;
    }

    /** A selection that means exactly one hierarchy. */
    static ControllerSelection only(Hierarchy h) {
        if (h.controllers().isEmpty()) {
            return h.name().map(n -> ControllerSelection.parse("name=" + n)).orElse(ControllerSelection.none());
        }
        return ControllerSelection.parse(h.controllers().iterator().next().kernelName());
    }

    String describeAvailable() {
        return layout.describeAvailable();
    }
}
