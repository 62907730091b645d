package io.github.jcg.cli.commands;

import io.github.jcg.cli.CommonOptions;
import io.github.jcg.cli.ExitCodes;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.LibcgroupTool;
import io.github.jcg.cli.options.GroupSpec;
import io.github.jcg.cli.output.LsFormat;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.Hierarchy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code jcg ls} = libcgroup's lscgroup: lists groups, parents before children, children in the
 * kernel's directory order. Without arguments every hierarchy with controllers is listed from
 * its root; a spec lists the group and all below it in the first hierarchy (in mount order)
 * that has one of its controllers. A spec whose controllers are all unmounted is reported
 * (ECGFAIL) and the others are still listed; a group that does not exist lists nothing.
 */
@Command(name = "ls", sortOptions = false, description = {"List control groups (libcgroup's lscgroup)."})
public final class LsCommand implements Callable<Integer>, LibcgroupTool {
    @Spec
    CommandSpec spec;

    @Option(names = {"-g", "--group"}, paramLabel = "<controllers>:<path>", converter = GroupSpec.Converter.class,
            description = "A group to list with the groups below it (repeatable; -g is optional).")
    List<GroupSpec> options = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default, as lscgroup prints) or json.")
    String output = "text";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "<controllers>:<path>", arity = "0..*",
            description = "Groups to list.")
    List<String> operands = new ArrayList<>();

    @Override
    public ExitCodes.Tool tool() {
        return ExitCodes.Tool.LSCGROUP;
    }

    @Override
    public Integer call() {
        boolean json = Outputs.isJson(spec, output);
        List<GroupSpec> specs = new ArrayList<>(options);
        specs.addAll(GroupSpec.parseOperands(spec.commandLine(), operands));
        CgroupHost host = Hosts.current();
        Controllers controllers = new Controllers(host.layout());
        List<LsFormat.Line> lines = new ArrayList<>();
        int status = ExitCodes.OK;
        if (specs.isEmpty()) {
            controllers.withControllers().forEach(h -> walk(host, h, CgroupPath.root(), "/", lines));
        }
        for (GroupSpec g : specs) {
            if (g.controllerNames().isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + g + "' names no controller;"
                        + " write <controllers>:<path>, e.g. cpu:" + g.path());
            }
            List<Hierarchy> where = hierarchiesFor(controllers, g);
            if (where.isEmpty()) {
                Outputs.failure(spec, "cannot find group " + g + ": none of its controllers is mounted (available: "
                        + controllers.describeAvailable() + ")");
                status = ExitCodes.FAIL;
            }
            CgroupPath path = CgroupPath.of(g.path());
            where.forEach(h -> walk(host, h, path, path.isRoot() ? "/" : path + "/", lines));
        }
        if (json) {
            LsFormat.json(spec.commandLine().getOut(), lines);
        } else {
            LsFormat.text(spec.commandLine().getOut(), lines);
        }
        return status;
    }

    /** lscgroup shows the first hierarchy with one of the spec's controllers; jcg's {@code *} shows them all. */
    private static List<Hierarchy> hierarchiesFor(Controllers controllers, GroupSpec g) {
        if (g.isAll()) {
            return controllers.withControllers();
        }
        Optional<Hierarchy> first = controllers.withControllers().stream()
                .filter(h -> h.controllers().stream().anyMatch(c -> g.controllerNames().contains(c.kernelName())))
                .findFirst();
        return first.map(List::of).orElse(List.of());
    }

    /** The group and everything below it, depth first, each directory in the kernel's order. */
    private static void walk(CgroupHost host, Hierarchy h, CgroupPath path, String shown, List<LsFormat.Line> lines) {
        Cgroup group = host.group(path, Controllers.only(h));
        if (!Groups.existsIn(group, h)) {
            return;
        }
        lines.add(new LsFormat.Line(h.label(), shown, path.toString()));
        String prefix = shown.endsWith("/") ? shown : shown + "/";
        for (String child : Groups.childNames(group, h)) {
            walk(host, h, path.kernelChild(child), prefix + child, lines);
        }
    }
}
