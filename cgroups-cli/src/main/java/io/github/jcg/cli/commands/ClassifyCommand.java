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
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.Errno;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code jcg classify} = libcgroup's cgclassify: moves running processes (with all their
 * threads) into groups. As cgclassify, options end at the first process id, a failure for one
 * process does not stop the others, and the exit status is that of the last problem: 2 for
 * an argument that is not a process id, 1 for a move that failed. jcg has no rules daemon (cgrulesengd), so
 * {@code --sticky} and {@code --cancel-sticky} are accepted and change nothing, and a process
 * cannot be classified by {@code cgrules.conf}: name the group with {@code -g}.
 */
public final class ClassifyCommand implements GetoptCommand {
    /** cgclassify's option string: '+' because everything after the first pid is a pid. */
    private static final String OPTSTRING = "+g:sh";
    /** getopt's key of --cancel-sticky, which has no short form (as in libcgroup). */
    private static final char CANCEL_STICKY = '\uF201';
    private static final List<LongOption> LONG_OPTIONS = List.of(
            LongOption.flag("sticky", 's'), LongOption.flag("cancel-sticky", CANCEL_STICKY), LongOption.flag("help", 'h'));
    private static final GetoptSyntax SYNTAX = new GetoptSyntax(OPTSTRING, LONG_OPTIONS,
            "Move running processes into control groups (libcgroup's cgclassify).", ExitCodes.Tool.CGCLASSIFY);

    private final List<GroupSpec> groups = new ArrayList<>();
    private boolean sticky;
    private boolean cancelSticky;
    private final List<String> pids = new ArrayList<>();
    private Invocation invocation;

    @Override
    public GetoptSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String usage(String name) {
        return new UsageText(name)
                .synopsis("[-g <controllers>:<path>] ... [--sticky | --cancel-sticky] <pid> ...")
                .line(SYNTAX.summary())
                .line("Options end at the first pid.")
                .option("-g <controllers>:<path>", "Where to move the processes (repeatable)")
                .option("-s, --sticky", "Accepted for compatibility; jcg runs no rules daemon")
                .option("--cancel-sticky", "Accepted for compatibility; jcg runs no rules daemon")
                .commonOptions()
                .toString();
    }

    private void read(Getopt.Parsed parsed) {
        for (ParsedOption o : parsed.options()) {
            switch (o.key()) {
                case 'g' -> groups.add(GroupSpec.ofOption(o.value()));
                case 's' -> sticky = true;
                case CANCEL_STICKY -> cancelSticky = true;
                default -> {
                    // -h and --debug: the runner's
                }
            }
        }
        pids.addAll(parsed.operands());
    }

    @Override
    public int run(Invocation invocation, Getopt.Parsed parsed) {
        this.invocation = invocation;
        read(parsed);
        if (groups.isEmpty() && pids.isEmpty() && !sticky && !cancelSticky) {
            throw new UsageException("nothing to do; give -g <controllers>:<path> and pids");
        }
        CgroupHost host = Hosts.current();
        int status = ExitCodes.OK;
        for (String arg : pids) {
            OptionalLong pid = pid(arg);
            if (pid.isEmpty()) {
                invocation.failure(LibcgroupWords.alone("Error: " + arg + " is not valid pid."),
                        "'" + arg + "' is not a valid pid; give process ids as positive decimal numbers", null);
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
            invocation.failure("cannot classify pid " + pid + " by rules: jcg does not read cgrules.conf;"
                    + " name the group with -g <controllers>:<path>");
            return false;
        }
        for (GroupSpec g : groups) {
            try {
                Cgroup group = host.group(CgroupPath.of(g.path()), g.selection());
                group.attach(pid);
            } catch (CgroupException e) {
                // cgclassify's line: its library code's text (ECGROUPNOTEXIST, or ECGOTHER's strerror)
                int code = ExitCodes.of(e, null);
                LibcgroupWords words = LibcgroupWords.alone("Error changing group of pid " + pid + ": "
                        + LibcgroupWords.strerror(code, e.errno().orElse(Errno.UNKNOWN)));
                invocation.failure(words, "cannot move pid " + pid + " to " + g + ": " + e.getMessage(), e);
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
