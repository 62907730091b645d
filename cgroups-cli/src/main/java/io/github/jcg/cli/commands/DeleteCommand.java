package io.github.jcg.cli.commands;

import io.github.jcg.cli.ExitCodes;
import io.github.jcg.cli.GetoptCommand;
import io.github.jcg.cli.GetoptSyntax;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.Invocation;
import io.github.jcg.cli.ToolException;
import io.github.jcg.cli.UsageText;
import io.github.jcg.cli.compat.LibcgroupWords;
import io.github.jcg.cli.getopt.Getopt;
import io.github.jcg.cli.getopt.LongOption;
import io.github.jcg.cli.getopt.ParsedOption;
import io.github.jcg.cli.getopt.UsageException;
import io.github.jcg.cli.options.GroupSpec;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.Errno;
import io.github.jcg.core.Hierarchy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code jcg delete} = libcgroup's cgdelete: removes groups, moving their processes to the
 * parent group as libcgroup does. Like cgdelete it goes on after a group it cannot remove and
 * exits with the code of the last failure; each group is removed all or nothing (the core
 * checks children and processes before it removes anything).
 */
public final class DeleteCommand implements GetoptCommand {
    /** cgdelete's option string. */
    private static final String OPTSTRING = "rhg:";
    private static final List<LongOption> LONG_OPTIONS = List.of(
            LongOption.flag("recursive", 'r'), LongOption.flag("help", 'h'), LongOption.withValue("group", 'g'));
    private static final GetoptSyntax SYNTAX = new GetoptSyntax(OPTSTRING, LONG_OPTIONS,
            "Remove control groups (libcgroup's cgdelete); their processes move to the parent group.", ExitCodes.Tool.CGDELETE);

    private boolean recursive;
    private final List<GroupSpec> options = new ArrayList<>();
    private final List<String> operands = new ArrayList<>();

    @Override
    public GetoptSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String usage(String name) {
        return new UsageText(name)
                .synopsis("[-h] [-r] [[-g] <controllers>:<path>] ...")
                .line(SYNTAX.summary())
                .option("-g, --group <controllers>:<path>", "A group to remove (repeatable; -g is optional)")
                .option("-r, --recursive", "Also remove every group below each group")
                .commonOptions()
                .toString();
    }

    private void read(Getopt.Parsed parsed) {
        for (ParsedOption o : parsed.options()) {
            switch (o.key()) {
                case 'r' -> recursive = true;
                case 'g' -> options.add(GroupSpec.ofOption(o.value()));
                default -> {
                    // -h and --debug: the runner's
                }
            }
        }
        operands.addAll(parsed.operands());
    }

    @Override
    public int run(Invocation invocation, Getopt.Parsed parsed) {
        if (invocation.argumentCount() == 0) {
            // libcgroup 3.1+ (3.0 and 2.0.2 exited 0): usage(1) and EXIT_BADARGS, in cgdelete's own words
            throw UsageException.afterLine("Wrong input parameters, try " + invocation.name() + " --help' for more information.",
                    "nothing to delete; name the groups to remove, e.g. " + invocation.name() + " cpu:web");
        }
        read(parsed);
        CgroupHost host = Hosts.current();
        int status = ExitCodes.OK;
        List<GroupSpec> all = new ArrayList<>(options);
        all.addAll(GroupSpec.parseOperands(operands));
        for (GroupSpec g : all) {
            try {
                delete(host, g);
            } catch (CgroupException | ToolException e) {
                status = ExitCodes.of(e, SYNTAX.tool());
                report(invocation, g, e, status);
            }
        }
        return status;
    }

    private void delete(CgroupHost host, GroupSpec g) {
        CgroupPath path = CgroupPath.of(g.path());
        if (path.isRoot()) {
            // cgdelete leaves the root alone; with -r it would empty the hierarchy, which jcg refuses to do on a typo
            if (recursive) {
                throw new ToolException(ExitCodes.NOT_ALLOWED, "refusing to remove every group below the root of "
                        + g.controllers() + "; name the groups to remove");
            }
            return;
        }
        Cgroup group = host.group(path, g.selection());
        List<Hierarchy> missing = group.hierarchies().stream().filter(h -> !Groups.existsIn(group, h)).toList();
        if (missing.size() == group.hierarchies().size()) {
            throw new ToolException(ExitCodes.OTHER, "cannot remove group '" + g.path() + "': it does not exist in "
                    + describe(missing) + " (list groups with lscgroup)");
        }
        DeleteOptions how = DeleteOptions.defaults().onPopulated(DeleteOptions.OnPopulated.MOVE_TO_PARENT);
        group.delete(recursive ? how.recursively() : how);
        if (!missing.isEmpty() && !g.isAll()) {
            // libcgroup 3.x removes what it can and then reports the hierarchies that lacked the group
            throw new ToolException(ExitCodes.OTHER, "removed group '" + g.path() + "', but it did not exist in "
                    + describe(missing));
        }
    }

    /**
     * cgdelete's line, {@code cannot remove group '<path>': <cgroup_strerror>}; a group jcg found
     * missing is the ENOENT libcgroup's rmdir gets.
     */
    private static void report(Invocation invocation, GroupSpec g, RuntimeException e, int status) {
        String subject = "cannot remove group '" + g.path() + "'";
        Errno errno = LibcgroupWords.errnoOf(e).orElse(status == ExitCodes.OTHER ? Errno.ENOENT : Errno.UNKNOWN);
        LibcgroupWords words = LibcgroupWords.afterName(subject + ": " + LibcgroupWords.strerror(status, errno));
        invocation.failure(words, e.getMessage(), e);
    }

    private static String describe(List<Hierarchy> hierarchies) {
        return hierarchies.stream().map(h -> "the " + h.label() + " hierarchy (" + h.mountedAt() + ")")
                .collect(Collectors.joining(", "));
    }
}
