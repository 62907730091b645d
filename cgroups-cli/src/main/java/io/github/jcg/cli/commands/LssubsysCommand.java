package io.github.jcg.cli.commands;

import io.github.jcg.cli.ExitCodes;
import io.github.jcg.cli.GetoptCommand;
import io.github.jcg.cli.GetoptSyntax;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.Invocation;
import io.github.jcg.cli.UsageText;
import io.github.jcg.cli.getopt.Getopt;
import io.github.jcg.cli.getopt.LongOption;
import io.github.jcg.cli.getopt.ParsedOption;
import io.github.jcg.cli.output.LssubsysFormat;
import io.github.jcg.core.ControllerReport;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostReport;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code jcg lssubsys} = libcgroup's lssubsys, printing what is really mounted: libcgroup
 * (2.0.2 and 3.x) gives up on a host where some controllers are mounted nowhere or only on the
 * v2 hierarchy, and prints nothing. Hierarchies come in the order of their first controller in
 * {@code /proc/cgroups}, as lssubsys orders them; the v2 hierarchy is listed with the
 * controllers its root offers.
 */
public final class LssubsysCommand implements GetoptCommand {
    /** lssubsys's "mMhai", then jcg's -o. */
    private static final String OPTSTRING = "mMhaio:";
    private static final List<LongOption> LONG_OPTIONS = List.of(
            LongOption.flag("help", 'h'), LongOption.flag("mount-points", 'm'), LongOption.flag("all-mount-points", 'M'),
            LongOption.flag("all", 'a'), LongOption.flag("hierarchies", 'i'), LongOption.withValue("output", 'o'));
    private static final GetoptSyntax SYNTAX = new GetoptSyntax(OPTSTRING, LONG_OPTIONS,
            "List controllers and their hierarchies (libcgroup's lssubsys).", ExitCodes.Tool.LSSUBSYS);

    private boolean mountPoints;
    private boolean allMountPoints;
    private boolean all;
    private boolean hierarchyIds;
    private String output = "text";
    private final List<String> names = new ArrayList<>();

    @Override
    public GetoptSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String usage(String name) {
        return new UsageText(name)
                .synopsis("[-i] [-m] [-M] [controller] [...]")
                .synopsis("[-a] [-i] [-m] [-M]")
                .line(SYNTAX.summary())
                .line("Without controllers, every mounted controller is listed.")
                .option("-a, --all", "Also list controllers that are mounted nowhere")
                .option("-i, --hierarchies", "Print each hierarchy's id (0 for cgroup v2)")
                .option("-m, --mount-points", "Print each hierarchy's mount point")
                .option("-M, --all-mount-points", "Print every mount point of each hierarchy")
                .option("-o, --output <format>", "text (default, as lssubsys prints) or json")
                .commonOptions()
                .toString();
    }

    private void read(Getopt.Parsed parsed) {
        for (ParsedOption o : parsed.options()) {
            switch (o.key()) {
                case 'm' -> mountPoints = true;
                case 'M' -> allMountPoints = true;
                case 'a' -> all = true;
                case 'i' -> hierarchyIds = true;
                case 'o' -> output = o.value();
                default -> {
                    // -h and --debug: the runner's
                }
            }
        }
        names.addAll(parsed.operands());
    }

    @Override
    public int run(Invocation invocation, Getopt.Parsed parsed) {
        read(parsed);
        boolean json = Outputs.isJson(output);
        HostReport report = Hosts.current().report();
        List<Hierarchy> hierarchies = selected(report);
        List<String> unmounted = report.controllers().stream().filter(c -> !c.available()).map(ControllerReport::name).toList();
        PrintWriter out = invocation.out();
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
