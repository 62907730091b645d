package io.github.jcg.cli.commands;

import io.github.jcg.cli.CommonOptions;
import io.github.jcg.cli.ExitCodes;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.LibcgroupTool;
import io.github.jcg.cli.output.LssubsysFormat;
import io.github.jcg.core.ControllerReport;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code jcg lssubsys} = libcgroup's lssubsys, printing what is really mounted: libcgroup
 * (2.0.2 and 3.x) gives up on a host where some controllers are mounted nowhere or only on the
 * v2 hierarchy, and prints nothing. Hierarchies come in the order of their first controller in
 * {@code /proc/cgroups}, as lssubsys orders them; the v2 hierarchy is listed with the
 * controllers its root offers.
 */
@Command(name = "lssubsys", sortOptions = false, description = {"List controllers and their hierarchies (libcgroup's lssubsys)."})
public final class LssubsysCommand implements Callable<Integer>, LibcgroupTool {
    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--mount-points"}, description = "Print each hierarchy's mount point.")
    boolean mountPoints;

    @Option(names = {"-M", "--all-mount-points"}, description = "Print every mount point of each hierarchy.")
    boolean allMountPoints;

    @Option(names = {"-a", "--all"}, description = "Also list controllers that are mounted nowhere.")
    boolean all;

    @Option(names = {"-i", "--hierarchies"}, description = "Print each hierarchy's id (0 for cgroup v2).")
    boolean hierarchyIds;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default, as lssubsys prints) or json.")
    String output = "text";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "<controller>", arity = "0..*", description = "Controllers to list (default: all mounted).")
    List<String> names = new ArrayList<>();

    @Override
    public ExitCodes.Tool tool() {
        return ExitCodes.Tool.LSSUBSYS;
    }

    @Override
    public Integer call() {
        boolean json = Outputs.isJson(spec, output);
        HostReport report = Hosts.current().report();
        List<Hierarchy> hierarchies = selected(report);
        List<String> unmounted = report.controllers().stream().filter(c -> !c.available()).map(ControllerReport::name).toList();
        var out = spec.commandLine().getOut();
        if (json) {
            LssubsysFormat.json(out, unmounted, hierarchies);
        } else {
            LssubsysFormat.text(out, all ? unmounted : List.of(), hierarchies, detail());
        }
        return ExitCodes.OK;
    }

    /** Hierarchies in the order of their first controller in /proc/cgroups; with names, only those holding one. */
    private List<Hierarchy> selected(HostReport report) {
        Set<Hierarchy> ordered = new LinkedHashSet<>();
        for (ControllerReport c : report.controllers()) {
            c.hierarchy().filter(h -> !h.controllers().isEmpty()).ifPresent(ordered::add);
        }
        if (all || names.isEmpty()) {
            return new ArrayList<>(ordered);
        }
        return ordered.stream().filter(h -> h.controllers().stream().anyMatch(c -> names.contains(c.kernelName()))).toList();
    }

    private LssubsysFormat.Detail detail() {
        if (allMountPoints) {
            return LssubsysFormat.Detail.ALL_MOUNT_POINTS;
        }
        if (mountPoints) {
            return LssubsysFormat.Detail.MOUNT_POINT;
        }
        return hierarchyIds ? LssubsysFormat.Detail.HIERARCHY_ID : LssubsysFormat.Detail.NONE;
    }
}
