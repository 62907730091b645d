package io.github.jcg.cli.commands;

import io.github.jcg.cli.GetoptCommand;
import io.github.jcg.cli.GetoptSyntax;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.Invocation;
import io.github.jcg.cli.ToolException;
import io.github.jcg.cli.UsageText;
import io.github.jcg.cli.getopt.Getopt;
import io.github.jcg.cli.getopt.LongOption;
import io.github.jcg.cli.getopt.ParsedOption;
import io.github.jcg.cli.getopt.UsageException;
import io.github.jcg.cli.options.Durations;
import io.github.jcg.cli.options.ResourceOptions;
import io.github.jcg.cli.run.CommandLookup;
import io.github.jcg.cli.run.HostCapacity;
import io.github.jcg.cli.run.RunSummary;
import io.github.jcg.cli.run.SignalForwarding;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.run.GroupProcess;
import io.github.jcg.core.run.RunLimits;
import io.github.jcg.core.run.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code jcg run}: run a command in a transient group with limits, then say what the whole
 * process tree used and why it stopped ({@code systemd-run --scope --wait}, BenchExec's
 * {@code runexec}, {@code /usr/bin/time -v}). The command is in the group from its first
 * instruction; CPU-time and wall-time limits kill the whole group; whatever the command leaves
 * running is killed at its end, and the group is removed. The exit status is the command's.
 */
public final class RunCommand implements GetoptCommand {
    /** jcg's own failure before the command ran, as env, nice and timeout report theirs. */
    static final int SETUP_FAILED = 125;
    static final int NOT_EXECUTABLE = 126;
    static final int NOT_FOUND = 127;

    private static final char GROUP = '\uF101';
    private static final char CPU_TIME_LIMIT = '\uF102';
    private static final char WALL_LIMIT = '\uF103';
    private static final char SAMPLE_INTERVAL = '\uF104';
    private static final char CONTROLLERS = '\uF105';
    /** '+': options end at the command, so its own options pass through. */
    private static final String OPTSTRING = "+ho:";
    private static final List<LongOption> LONG_OPTIONS = ResourceOptions.withLimits(
            LongOption.flag("help", 'h'), LongOption.withValue("output", 'o'), LongOption.withValue("group", GROUP),
            LongOption.withValue("cpu-time-limit", CPU_TIME_LIMIT), LongOption.withValue("wall-limit", WALL_LIMIT),
            LongOption.withValue("sample-interval", SAMPLE_INTERVAL), LongOption.withValue("controllers", CONTROLLERS));
    private static final GetoptSyntax SYNTAX = new GetoptSyntax(OPTSTRING, LONG_OPTIONS,
            "Run a command limited in a transient group; report what it used and why it stopped.", null);

    private final ResourceOptions limits = new ResourceOptions();
    private final List<String> command = new ArrayList<>();
    private String groupPath;
    private ControllerSelection controllers = ControllerSelection.all();
    private boolean json;
    private RunLimits runLimits = RunLimits.none();

    @Override
    public GetoptSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String usage(String name) {
        UsageText usage = new UsageText(name)
                .synopsis("[options] [--] command [arguments] ...")
                .line(SYNTAX.summary())
                .line("The command runs in a new group (/jcg-run-<pid>, or --group) with the limits applied, in it")
                .line("before its first instruction. Ctrl-C and SIGTERM are passed to the group. When the command")
                .line("ends, whatever it left running is killed and the group removed; a summary goes to stderr.")
                .line("The exit status is the command's (128 + the signal that killed it); 125 when jcg could not")
                .line("run it, 126 when it is not executable, 127 when it is not found.")
                .option("--controllers LIST", "The hierarchies to run in: cpu,memory,pids … (default *, every one this host has)")
                .option("--group PATH", "Run in this group: made if missing (and removed after); if it exists, used as it is (no limits)")
                .option("--cpu-time-limit TIME", "Kill the whole group once it used this much CPU time: 10s, 1.5m, 500ms")
                .option("--wall-limit TIME", "Kill the whole group when the run has taken this long")
                .option("--sample-interval TIME", "How often the group is sampled for the limits and peaks (default 100ms)")
                .option("-o, --output FORMAT", "text (default) or json: the summary as one JSON line on stderr");
        return ResourceOptions.describe(usage).commonOptions().toString();
    }

    private void read(Getopt.Parsed parsed) {
        for (ParsedOption o : parsed.options()) {
            switch (o.key()) {
                case 'o' -> json = switch (o.value()) {
                    case "json" -> true;
                    case "text" -> false;
                    default -> throw new UsageException("unknown output format '" + o.value() + "'; use -o text or -o json");
                };
                case GROUP -> groupPath = o.value();
                case CONTROLLERS -> controllers = selection(o.value());
                case CPU_TIME_LIMIT -> runLimits = runLimits.withCpuTime(duration("--cpu-time-limit", o.value()));
                case WALL_LIMIT -> runLimits = runLimits.withWallTime(duration("--wall-limit", o.value()));
                case SAMPLE_INTERVAL -> runLimits = runLimits.withSampleInterval(duration("--sample-interval", o.value()));
                default -> limits.accept(o);
            }
        }
        command.addAll(parsed.operands());
    }

    private static ControllerSelection selection(String value) {
        try {
            return ControllerSelection.parse(value);
        } catch (CgroupException | IllegalArgumentException e) {
            throw new UsageException("invalid value for --controllers: " + e.getMessage());
        }
    }

    private static Duration duration(String option, String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid value for " + option + ": " + e.getMessage());
        }
    }

    @Override
    public int run(Invocation invocation, Getopt.Parsed parsed) {
        read(parsed);
        if (command.isEmpty()) {
            throw new UsageException("no command given; name it after the options, e.g. jcg run --memory 256Mi -- make -j4");
        }
        Optional<Resources> wanted = limits.toResources();
        CgroupHost host = Hosts.current();
        wanted.ifPresent(r -> HostCapacity.of(host).check(r));
        CommandLookup.Found program = CommandLookup.find(command.get(0), System.getenv("PATH"));
        if (program.status() != 0) {
            throw new ToolException(program.status(), program.problem());
        }
        boolean named = groupPath != null;
        CgroupPath path;
        try {
            path = CgroupPath.of(named ? groupPath : "/jcg-run-" + ProcessHandle.current().pid());
        } catch (CgroupException e) {
            throw new UsageException("invalid value for --group: " + e.getMessage());
        }
        Cgroup group;
        try {
            group = host.group(path, controllers);
        } catch (CgroupException e) {
            throw new UsageException("invalid value for --controllers: " + e.getMessage());
        }
        boolean existed = existsAnywhere(group);
        if (existed && !named) {
            throw new ToolException(SETUP_FAILED, "group " + path + " exists already; give --group " + path
                    + " to run in it, or remove it (jcg delete -r '*:" + path + "')");
        }
        if (existed && wanted.isPresent()) {
            throw new UsageException("group " + path + " exists already and keeps its own limits; set them with jcg set,"
                    + " or leave out --group to run in a new group with these limits");
        }
        if (existed && !group.exists()) {
            throw new ToolException(SETUP_FAILED, "group " + path + " exists in some of the hierarchies asked for but not in all;"
                    + " create it in the others (jcg create) or name fewer with --controllers");
        }
        prepare(group, existed, wanted);
        RunResult result;
        List<String> forwarded;
        try (SignalForwarding signals = SignalForwarding.to(group)) {
            result = launchAndAwait(group);
            forwarded = signals.forwarded();
        } catch (RuntimeException e) {
            if (!existed) {
                Optional<String> left = remove(group);
                if (left.isPresent()) {
                    throw new ToolException(SETUP_FAILED, e.getMessage() + "; and " + left.get(), e);
                }
            }
            throw e;
        }
        invocation.out().flush();
        Optional<String> left = existed ? Optional.empty() : remove(group);
        RunSummary summary = new RunSummary(host, path, result, forwarded, !existed && left.isEmpty());
        if (json) {
            summary.writeJson(invocation.err());
        } else {
            summary.writeText(invocation.err());
        }
        left.ifPresent(invocation::failure);
        return result.exitStatus();
    }

    private RunResult launchAndAwait(Cgroup group) {
        try {
            return group.launch(new ProcessBuilder(command).inheritIO()).await(runLimits);
        } catch (IOException e) {
            throw new ToolException(SETUP_FAILED, "cannot start " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException(SETUP_FAILED, "interrupted; the group was killed");
        } catch (CgroupException e) {
            throw new ToolException(SETUP_FAILED, "cannot run " + command.get(0) + " in " + group.path() + ": " + e.getMessage(), e);
        }
    }

    private static boolean existsAnywhere(Cgroup group) {
        return group.hierarchies().stream().anyMatch(h -> Files.isDirectory(group.directory(h)));
    }

    /** Makes the group (unless it existed) and applies the limits: all or nothing. */
    private static void prepare(Cgroup group, boolean existed, Optional<Resources> wanted) {
        if (existed) {
            return;
        }
        try {
            group.create();
            wanted.ifPresent(group::apply);
        } catch (CgroupException e) {
            remove(group);
            throw new ToolException(SETUP_FAILED, "cannot make the group " + group.path()
                    + (wanted.isPresent() ? " with these limits: " : ": ") + e.getMessage(), e);
        }
    }

    /** Removes the group the run made; what went wrong, as one line with the way out, if it could not. */
    private static Optional<String> remove(Cgroup group) {
        try {
            group.delete(DeleteOptions.defaults().ignoringMissing());
            return Optional.empty();
        } catch (CgroupException e) {
            return Optional.of("could not remove the group " + group.path() + ": " + e.getMessage()
                    + "; remove it with jcg delete -r '*:" + group.path() + "'");
        }
    }
}
