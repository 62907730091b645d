package io.github.jcg.cli.commands;

import io.github.jcg.cli.ExitCodes;
import io.github.jcg.cli.GetoptCommand;
import io.github.jcg.cli.GetoptSyntax;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.Invocation;
import io.github.jcg.cli.UsageText;
import io.github.jcg.cli.compat.LibcgroupWords;
import io.github.jcg.cli.getopt.Getopt;
import io.github.jcg.cli.getopt.LongOption;
import io.github.jcg.cli.getopt.ParsedOption;
import io.github.jcg.cli.getopt.UsageException;
import io.github.jcg.cli.options.GroupSpec;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.Errno;
import io.github.jcg.core.ProcessReplacement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code jcg exec} / {@code cgexec}: join the given groups, then become the command. As with
 * cgexec's getopt "+g:sh", options end at the command, so its own options pass through.
 */
public final class ExecCommand implements GetoptCommand {
    /** What cgexec answers when the exec itself fails (it returns -1 from main). */
    static final int EXEC_FAILED = 255;
    /** cgexec's option string: '+' stops at the command. */
    private static final String OPTSTRING = "+g:sh";
    private static final List<LongOption> LONG_OPTIONS = List.of(LongOption.flag("sticky", 's'), LongOption.flag("help", 'h'));
    private static final GetoptSyntax SYNTAX = new GetoptSyntax(OPTSTRING, LONG_OPTIONS,
            "Run the task in given control group(s) (libcgroup's cgexec).", null);

    private final List<GroupSpec> groups = new ArrayList<>();
    private final List<String> command = new ArrayList<>();

    @Override
    public GetoptSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String usage(String name) {
        return new UsageText(name)
                .synopsis("[-h] [-g <controllers>:<path>] [--sticky] command [arguments] ...")
                .line(SYNTAX.summary())
                .line("jcg moves itself into the groups, then replaces itself with the command (same PID, the")
                .line("command's own exit status). Options end at the command.")
                .option("-g <controllers>:<path>", "Control group to run the command in (repeatable)")
                .option("-s, --sticky", "Accepted for compatibility; jcg runs no rules daemon that could move the task")
                .commonOptions()
                .toString();
    }

    private void read(Getopt.Parsed parsed) {
        for (ParsedOption o : parsed.options()) {
            if (o.key() == 'g') {
                groups.add(GroupSpec.ofOption(o.value()));
            }
            // -s changes nothing; -h and --debug are the runner's
        }
        command.addAll(parsed.operands());
    }

    @Override
    public int run(Invocation invocation, Getopt.Parsed parsed) {
        read(parsed);
        if (command.isEmpty()) {
            throw new UsageException("no command given; name the command to run after the options, e.g. -g cpu:web sleep 10");
        }
        List<Cgroup> targets = new ArrayList<>();
        if (!groups.isEmpty()) {
            CgroupHost host = Hosts.current();
            for (GroupSpec g : groups) {
                targets.add(host.group(g.path(), g.selection()));
            }
        }
        // run by the launcher, the launcher joins the groups and becomes the command
        Optional<LauncherExec> launcher = LauncherExec.fromEnvironment();
        long pid = launcher.isPresent() ? launcher.get().pid() : ProcessHandle.current().pid();
        try {
            for (Cgroup target : targets) {
                target.attach(pid);
            }
        } catch (RuntimeException e) {
            if (launcher.isPresent() && launcher.get().gone()) {
                return EXEC_FAILED; // killed while we worked (as a JVM would be): no one to tell
            }
            throw e;
        }
        // whatever we printed must be out before the JVM's buffers vanish with it
        invocation.out().flush();
        invocation.err().flush();
        System.out.flush();
        System.err.flush();
        if (launcher.isPresent()) {
            Optional<Errno> certain = launcher.get().handOver(command);
            if (certain.isEmpty()) {
                return ExitCodes.OK;
            }
            return execFailed(invocation, certain.get());
        }
        return execFailed(invocation, ProcessReplacement.exec(command, List.of("JCG_INVOKED_AS")));
    }

    private static int execFailed(Invocation invocation, Errno failure) {
        // libcgroup prints strerror(errno) alone
        invocation.err().println(failure.description());
        return EXEC_FAILED;
    }

    /** cgexec reports any failure to move itself with one fixed line. */
    @Override
    public Optional<LibcgroupWords> libcgroupWords(RuntimeException failure, int status) {
        return Optional.of(LibcgroupWords.alone("cgroup change of group failed"));
    }
}
