package io.github.jcg.core.internal.controller;

import io.github.jcg.core.Controller;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A controller jcg neither limits nor samples, of which it knows only the names of its
 * control files (so that no group is given one of them as its name): devices, net_cls,
 * net_prio, perf_event, rdma, misc, and dmem, which the kernel has and {@link Controller}
 * does not list.
 */
final class NamesOnlyController extends ControllerModule {
    private final String prefix;
    private final Set<String> fileNames;

    /**
     * @param controller the controller, or empty for one {@link Controller} does not list
     * @param prefix     its files' prefix (its kernel name)
     * @param files      its files' names without the prefix (devices.rst, net_cls.rst …)
     */
    private NamesOnlyController(Optional<Controller> controller, String prefix, List<String> files) {
        super(controller.map(Set::of).orElse(Set.of()));
        this.prefix = prefix;
        Set<String> names = new HashSet<>();
        files.forEach(f -> names.add(prefix + "." + f));
        this.fileNames = Set.copyOf(names);
    }

    static NamesOnlyController of(Controller controller, String... files) {
        return new NamesOnlyController(Optional.of(controller), controller.kernelName(), List.of(files));
    }

    /** A controller {@link Controller} does not list, known by its prefix only. */
    static NamesOnlyController unlisted(String prefix, String... files) {
        return new NamesOnlyController(Optional.empty(), prefix, List.of(files));
    }

    @Override
    public Set<String> fileNames() {
        return fileNames;
    }

    @Override
    public String toString() {
        return prefix;
    }
}
