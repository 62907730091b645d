package io.github.jcg.cli.commands;

import io.github.jcg.cli.CommonOptions;
import io.github.jcg.cli.ExitCodes;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.LibcgroupTool;
import io.github.jcg.cli.Tools;
import io.github.jcg.cli.options.GroupSpec;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * {@code jcg classify} = libcgroup's cgclassify: moves running processes (with all their
 * threads) into groups. As cgclassify, options end at the first process id, a failure for one
 * process does not stop the others, and the exit status is that of the last problem: 2 for
 * an argument that is not a process id, 1 for a move that failed. jcg has no rules daemon (cgrulesengd), so
 * {@code --sticky} and {@code --cancel-sticky} are accepted and change nothing, and a process
 * cannot be classified by {@code cgrules.conf}: name the group with {@code -g}.
 */
@Command(name = "classify", sortOptions = false,
        description = {"Move running processes into control groups (libcgroup's cgclassify)."})
public final class ClassifyCommand implements Callable<Integer>, LibcgroupTool, Tools.ParserSettings {
    @Spec
    CommandSpec spec;

    @Option(names = "-g", paramLabel = "<controllers>:<path>", converter = GroupSpec.Converter.class,
            description = "Where to move the processes (repeatable).")
    List<GroupSpec> groups = new ArrayList<>();

    @Option(names = {"-s", "--sticky"}, description = "Accepted for compatibility; jcg runs no rules daemon.")
    boolean sticky;

    @Option(names = "--cancel-sticky", description = "Accepted for compatibility; jcg runs no rules daemon.")
    boolean cancelSticky;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "<pid>", arity = "0..*", description = "Process ids.")
    List<String> pids = new ArrayList<>();

    @Override
    public ExitCodes.Tool tool() {
        return ExitCodes.Tool.CGCLASSIFY;
    }

    @Override
    public void configure(CommandLine cli) {
        // cgclassify parses with getopt's "+": everything after the first pid is a pid
        cli.setStopAtPositional(true);
    }

    @Override
    public Integer call() {
        if (groups.isEmpty() && pids.isEmpty() && !sticky && !cancelSticky) {
            throw new CommandLine.ParameterException(spec.commandLine(), "nothing to do; give -g <controllers>:<path> and pids");
        }
        CgroupHost host = Hosts.current();
        int status = ExitCodes.OK;
        for (String arg : pids) {
            OptionalLong pid = pid(arg);
            if (pid.isEmpty()) {
                Outputs.failure(spec, "'" + arg + "' is not a valid pid; give process ids as positive decimal numbers");
                status = ExitCodes.CLASSIFY_BAD_PID;
                continue;
            }
            if (!move(host, pid.getAsLong())) {
                status = ExitCodes.CLASSIFY_FAILED;
            }
        }
        return status;
    }

    /** Moves one process into every -g group; reports the first failure. */
    private boolean move(CgroupHost host, long pid) {
        if (groups.isEmpty()) {
            Outputs.failure(spec, "cannot classify pid " + pid + " by rules: jcg does not read cgrules.conf;"
                    + " name the group with -g <controllers>:<path>");
            return false;
        }
        for (GroupSpec g : groups) {
            try {
                Cgroup group = host.group(CgroupPath.of(g.path()), g.selection());
                group.attach(pid);
            } catch (CgroupException e) {
                Outputs.failure(spec, "cannot move pid " + pid + " to " + g + ": " + e.getMessage(), e, common);
                return false;
            }
        }
        return true;
    }

    /** A pid as strtol reads it (leading blanks and a sign allowed), if it is a positive number. */
    static OptionalLong pid(String arg) {
        String t = arg.stripLeading();
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long pid = Long.parseLong(t);
        return pid > 0 && pid <= Integer.MAX_VALUE ? OptionalLong.of(pid) : OptionalLong.empty();
    }
}
