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
import io.github.jcg.cli.getopt.UsageException;
import io.github.jcg.cli.options.GroupSpec;
import io.github.jcg.cli.output.LsFormat;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.Hierarchy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code jcg ls} = libcgroup's lscgroup: lists groups, parents before children, children in the
 * kernel's directory order. Without arguments every hierarchy with controllers is listed from
 * its root; a spec lists the group and all below it in the first hierarchy (in mount order)
 * that has one of its controllers. A spec whose controllers are all unmounted is reported
 * (ECGFAIL) and the others are still listed; a group that does not exist lists nothing.
 */
public final class LsCommand implements GetoptCommand {
    /** lscgroup's "hg:", then jcg's -o. */
    private static final String OPTSTRING = "hg:o:";
    private static final List<LongOption> LONG_OPTIONS = List.of(
            LongOption.flag("help", 'h'), LongOption.withValue("group", 'g'), LongOption.withValue("output", 'o'));
    private static final GetoptSyntax SYNTAX = new GetoptSyntax(OPTSTRING, LONG_OPTIONS,
            "List control groups (libcgroup's lscgroup).", ExitCodes.Tool.LSCGROUP);

    private final List<GroupSpec> options = new ArrayList<>();
    private String output = "text";
    private final List<String> operands = new ArrayList<>();

    @Override
    public GetoptSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String usage(String name) {
        return new UsageText(name)
                .synopsis("[-h] [[-g] <controllers>:<path>] [...]")
                .line(SYNTAX.summary())
                .option("-g, --group <controllers>:<path>", "A group to list with the groups below it (repeatable; -g is optional)")
                .option("-o, --output <format>", "text (default, as lscgroup prints) or json")
                .commonOptions()
                .toString();
    }

    private void read(Getopt.Parsed parsed) {
        for (ParsedOption o : parsed.options()) {
            switch (o.key()) {
                case 'g' -> options.add(GroupSpec.ofOption(o.value()));
                case 'o' -> output = o.value();
                default -> {
                    // -h and --debug: the runner's
                }
            }
        }
        operands.addAll(parsed.operands());
    }

    @Override
    public int run(Invocation invocation, Getopt.Parsed parsed) {
        read(parsed);
        boolean json = Outputs.isJson(output);
        List<GroupSpec> specs = new ArrayList<>(options);
        specs.addAll(GroupSpec.parseOperands(operands));
        CgroupHost host = Hosts.current();
        Controllers controllers = new Controllers(host.layout());
        List<LsFormat.Line> lines = new ArrayList<>();
        int status = ExitCodes.OK;
        if (specs.isEmpty()) {
            controllers.withControllers().forEach(h -> walk(host, h, CgroupPath.root(), "/", lines));
        }
        for (GroupSpec g : specs) {
            if (g.controllerNames().isEmpty()) {
                throw new UsageException("'" + g + "' names no controller; write <controllers>:<path>, e.g. cpu:" + g.path());
            }
            List<Hierarchy> where = hierarchiesFor(controllers, g);
            if (where.isEmpty()) {
                invocation.failure("cannot find group " + g + ": none of its controllers is mounted (available: "
                        + controllers.describeAvailable() + ")");
                status = ExitCodes.FAIL;
            }
            CgroupPath path = CgroupPath.of(g.path());
            where.forEach(h -> walk(host, h, path, path.isRoot() ? "/" : path + "/", lines));
        }
        if (json) {
            LsFormat.json(invocation.out(), lines);
        } else {
            LsFormat.text(invocation.out(), lines);
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

    /**
     * The group and everything below it, depth first, each directory in the kernel's order
     * ({@link Cgroup#subtreeIn}); the group shown as {@code shown}, those below it by their
     * path from there.
     */
    private static void walk(CgroupHost host, Hierarchy h, CgroupPath top, String shown, List<LsFormat.Line> lines) {
        String prefix = shown.endsWith("/") ? shown : shown + "/";
        for (CgroupPath path : host.group(top, Controllers.only(h)).subtreeIn(h)) {
            String below = String.join("/", path.segments().subList(top.depth(), path.depth()));
            lines.add(new LsFormat.Line(h.label(), path.equals(top) ? shown : prefix + below, path.toString()));
        }
    }
}
