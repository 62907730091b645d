package io.github.jcg.cli.commands;

import io.github.jcg.cli.CommonOptions;
import io.github.jcg.cli.Tools;
import io.github.jcg.cli.options.GroupSpec;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.Errno;
import io.github.jcg.core.posix.ProcessReplacement;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code jcg exec} / {@code cgexec}: join the given groups, then become the command. Option
 * parsing stops at the command (set up in {@code Tools}), so its own options pass through.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = {"Run a command in the given control groups, as cgexec does: jcg moves itself into the groups,",
                "then replaces itself with the command (same PID, the command's own exit status)."})
public final class ExecCommand implements Callable<Integer>, Tools.ParserSettings {
    /** What cgexec answers when the exec itself fails (it returns -1 from main). */
    static final int EXEC_FAILED = 255;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "-g", paramLabel = "<controllers>:<path>", converter = GroupSpec.Converter.class,
            description = "Control group to run the command in (repeatable).")
    List<GroupSpec> groups = new ArrayList<>();

    @Option(names = "--sticky", description = "Accepted for cgexec compatibility; jcg runs no rules daemon that could move the task.")
    boolean sticky;

    @Parameters(arity = "1..*", paramLabel = "command", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    /** As cgexec's getopt "+g:sh": options end at the command, whose own options are its business. */
    @Override
    public void configure(CommandLine cli) {
        cli.setStopAtPositional(true);
    }

    @Override
    public Integer call() {
        List<Cgroup> targets = new ArrayList<>();
        if (!groups.isEmpty()) {
            CgroupHost host = CgroupHost.discover();
            for (GroupSpec g : groups) {
                targets.add(host.group(g.path(), g.selection()));
            }
        }
        long self = ProcessHandle.current().pid();
        for (Cgroup target : targets) {
            target.attach(self);
        }
        // whatever we printed must be out before the JVM's buffers vanish with it
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        System.out.flush();
        System.err.flush();
        Errno failure = ProcessReplacement.exec(command, List.of("JCG_INVOKED_AS"));
        // libcgroup prints strerror(errno) alone
        spec.commandLine().getErr().println(failure.description());
        return EXEC_FAILED;
    }
}
