package io.github.jcg.cli.commands;

import io.github.jcg.cli.CommonOptions;
import io.github.jcg.cli.ExitCodes;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.LibcgroupTool;
import io.github.jcg.cli.ToolException;
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
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.Resources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code jcg create} = libcgroup's cgcreate, plus typed limits applied to the new groups.
 * All or nothing: when a later group or a limit fails, the groups this command made are
 * removed again (groups that existed before are left alone, as cgcreate leaves them).
 */
@Command(name = "create", sortOptions = false,
        description = {"Create control groups (libcgroup's cgcreate).",
                "-g cpu,memory:web creates web in the cpu and memory hierarchies; * means all, :web none (v2 only)."})
public final class CreateCommand implements Callable<Integer>, LibcgroupTool {
    @Spec
    CommandSpec spec;

    @Option(names = "-g", paramLabel = "<controllers>:<path>", converter = GroupSpec.Converter.class,
            description = "A group to create and its controllers (repeatable).")
    List<GroupSpec> groups = new ArrayList<>();

    @Option(names = {"-a", "--admin"}, paramLabel = "<uid>:<gid>",
            description = "Owner of the group and its files: user:group, user or :group, by name or number.")
    String admin;

    @Option(names = {"-t", "--task"}, paramLabel = "<uid>:<gid>", description = "Owner of the task files (tasks, cgroup.procs).")
    String task;

    @Option(names = {"-d", "--dperm"}, paramLabel = "<mode>", description = "Mode of the group directory, e.g. 775.")
    String dirMode;

    @Option(names = {"-f", "--fperm"}, paramLabel = "<mode>", description = "Mode of the control files.")
    String fileMode;

    @Option(names = {"-s", "--tperm"}, paramLabel = "<mode>", description = "Mode of the task files.")
    String tasksMode;

    @Mixin
    ResourceOptions limits;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "<unexpected>", arity = "0..*", hidden = true)
    List<String> unexpected = new ArrayList<>();

    @Override
    public ExitCodes.Tool tool() {
        return ExitCodes.Tool.CGCREATE;
    }

    @Override
    public Integer call() {
        if (!unexpected.isEmpty()) {
            throw usage("wrong arguments (" + unexpected.get(0) + "); name groups with -g <controllers>:<path>");
        }
        if (groups.isEmpty()) {
            throw usage("no group given; name it with -g <controllers>:<path>, e.g. -g cpu,memory:web");
        }
        CgroupHost host = Hosts.current();
        CreateOptions options = createOptions(host);
        Optional<Resources> typed = limits.toResources(spec.commandLine());
        List<Cgroup> handles = new ArrayList<>();
        for (GroupSpec g : groups) {
            handles.add(handle(host, g));
        }
        Transaction tx = new Transaction();
        try {
            for (Cgroup group : handles) {
                List<Cgroup> made = newlyMade(host, group);
                group.create(options);
                made.forEach(top -> tx.onUndo(() -> top.delete(DeleteOptions.defaults().recursively().ignoringMissing())));
            }
            typed.ifPresent(r -> handles.forEach(group -> group.apply(r)));
        } catch (CgroupException e) {
            String note = tx.undoAndDescribe();
            throw new ToolException(ExitCodes.of(e, ExitCodes.Tool.CGCREATE), e.getMessage() + note, e);
        }
        return ExitCodes.OK;
    }

    private Cgroup handle(CgroupHost host, GroupSpec g) {
        try {
            return host.group(CgroupPath.of(g.path()), g.selection());
        } catch (CgroupException e) {
            throw new ToolException(ExitCodes.of(e, ExitCodes.Tool.CGCREATE), "can't create cgroup " + g.path() + ": " + e.getMessage(), e);
        }
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
            throw usage(e.getMessage());
        }
        return options;
    }

    private static Set<PosixFilePermission> mode(String text) {
        return text == null ? null : FileModes.parse(text);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
