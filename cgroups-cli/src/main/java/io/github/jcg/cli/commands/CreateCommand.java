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
import io.github.jcg.cli.options.FileModes;
import io.github.jcg.cli.options.GroupSpec;
import io.github.jcg.cli.options.Owners;
import io.github.jcg.cli.options.ResourceOptions;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.CreateOptions;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.Errno;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.UndoLog;
import io.github.jcg.core.limit.Resources;

import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code jcg create} = libcgroup's cgcreate, plus typed limits applied to the new groups.
 * All or nothing: when a later group or a limit fails, the groups this command made are
 * removed again (groups that existed before are left alone, as cgcreate leaves them).
 */
public final class CreateCommand implements GetoptCommand {
    /** cgcreate's option string. */
    private static final String OPTSTRING = "a:t:g:hd:f:s:";
    private static final List<LongOption> LONG_OPTIONS = ResourceOptions.withLimits(
            LongOption.flag("help", 'h'), LongOption.withValue("task", 't'), LongOption.withValue("admin", 'a'),
            LongOption.withValue("dperm", 'd'), LongOption.withValue("fperm", 'f'), LongOption.withValue("tperm", 's'));
    private static final GetoptSyntax SYNTAX = new GetoptSyntax(OPTSTRING, LONG_OPTIONS,
            "Create control groups (libcgroup's cgcreate).", ExitCodes.Tool.CGCREATE);

    private final List<GroupSpec> groups = new ArrayList<>();
    private String admin;
    private String task;
    private String dirMode;
    private String fileMode;
    private String tasksMode;
    private final ResourceOptions limits = new ResourceOptions();
    private final List<String> unexpected = new ArrayList<>();

    @Override
    public GetoptSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String usage(String name) {
        UsageText usage = new UsageText(name)
                .synopsis("[-h] [-f mode] [-d mode] [-s mode] [-t <tuid>:<tgid>] [-a <agid>:<auid>] -g <controllers>:<path> [-g ...]")
                .line(SYNTAX.summary())
                .line("-g cpu,memory:web creates web in the cpu and memory hierarchies; * means all, :web none (v2 only).")
                .option("-a, --admin <uid>:<gid>", "Owner of the group and its files: user:group, user or :group, by name or number")
                .option("-d, --dperm <mode>", "Mode of the group directory, e.g. 775")
                .option("-f, --fperm <mode>", "Mode of the control files")
                .option("-g <controllers>:<path>", "A group to create and its controllers (repeatable)")
                .option("-s, --tperm <mode>", "Mode of the task files")
                .option("-t, --task <uid>:<gid>", "Owner of the task files (tasks, cgroup.procs)");
        return ResourceOptions.describe(usage).commonOptions().toString();
    }

    private void read(Getopt.Parsed parsed) {
        for (ParsedOption o : parsed.options()) {
            switch (o.key()) {
                case 'g' -> groups.add(GroupSpec.ofOption(o.value()));
                case 'a' -> admin = o.value();
                case 't' -> task = o.value();
                case 'd' -> dirMode = o.value();
                case 'f' -> fileMode = o.value();
                case 's' -> tasksMode = o.value();
                default -> limits.accept(o);
            }
        }
        unexpected.addAll(parsed.operands());
    }

    @Override
    public int run(Invocation invocation, Getopt.Parsed parsed) {
        read(parsed);
        if (!unexpected.isEmpty()) {
            throw UsageException.inLibcgroupWords("wrong arguments (" + unexpected.get(0) + "); name groups with -g <controllers>:<path>");
        }
        if (groups.isEmpty()) {
            throw usageError("no group given; name it with -g <controllers>:<path>, e.g. -g cpu,memory:web");
        }
        CgroupHost host = Hosts.current();
        CreateOptions options = createOptions(host);
        Optional<Resources> typed = limits.toResources();
        List<Cgroup> handles = new ArrayList<>();
        for (GroupSpec g : groups) {
            handles.add(handle(host, g));
        }
        UndoLog undo = new UndoLog();
        String current = null;
        try {
            for (int i = 0; i < handles.size(); i++) {
                current = groups.get(i).path();
                Cgroup group = handles.get(i);
                List<Cgroup> made = newlyMade(host, group);
                group.create(options);
                made.forEach(top -> undo.add(() -> top.delete(DeleteOptions.defaults().recursively().ignoringMissing())));
            }
            for (int i = 0; i < handles.size() && typed.isPresent(); i++) {
                current = groups.get(i).path();
                handles.get(i).apply(typed.get());
            }
        } catch (CgroupException e) {
            String note = undo.runAndDescribe(Restore.CHANGES);
            int status = ExitCodes.of(e, ExitCodes.Tool.CGCREATE);
            throw new ToolException(status, cantCreate(current, status, e), e.getMessage() + note, e);
        }
        return ExitCodes.OK;
    }

    private Cgroup handle(CgroupHost host, GroupSpec g) {
        try {
            return host.group(CgroupPath.of(g.path()), g.selection());
        } catch (CgroupException e) {
            int status = ExitCodes.of(e, ExitCodes.Tool.CGCREATE);
            throw new ToolException(status, cantCreate(g.path(), status, e), "can't create cgroup " + g.path() + ": " + e.getMessage(), e);
        }
    }

    /** cgcreate's words: {@code can't create cgroup <path>: <cgroup_strerror>}. */
    private static LibcgroupWords cantCreate(String path, int status, CgroupException e) {
        return LibcgroupWords.afterName("can't create cgroup " + path + ": "
                + LibcgroupWords.strerror(status, e.errno().orElse(Errno.UNKNOWN)));
    }

    /**
     * In each hierarchy, the outermost part of the group's path that does not exist yet: what
     * removing undoes this create (ancestors made on the way included).
     */
    private static List<Cgroup> newlyMade(CgroupHost host, Cgroup group) {
        List<Cgroup> made = new ArrayList<>();
        for (Hierarchy h : group.hierarchies()) {
            ControllerSelection only = Controllers.only(h);
            for (CgroupPath level : group.path().lineage()) {
                Cgroup atLevel = host.group(level, only);
                if (!Groups.existsIn(atLevel, h)) {
                    made.add(atLevel);
                    break;
                }
            }
        }
        return made;
    }

    private CreateOptions createOptions(CgroupHost host) {
        CreateOptions options = CreateOptions.defaults();
        try {
            Owners owners = Owners.ofThisProcess(host.paths().fsRoot().resolve("etc"));
            if (admin != null) {
                options = options.withGroupOwner(owners.parse(admin));
            }
            if (task != null) {
                options = options.withTasksOwner(owners.parse(task));
            }
            if (dirMode != null || fileMode != null || tasksMode != null) {
                options = options.withModes(mode(dirMode), mode(fileMode), mode(tasksMode));
            }
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
        return options;
    }

    private static Set<PosixFilePermission> mode(String text) {
        return text == null ? null : FileModes.parse(text);
    }

    private static UsageException usageError(String message) {
        return new UsageException(message);
    }
}
