package io.github.jcg.cli;

import io.github.jcg.cli.getopt.Getopt;
import io.github.jcg.cli.getopt.LongOption;
import io.github.jcg.cli.getopt.UsageException;
import io.github.jcg.core.CgroupException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link GetoptCommand} as libcgroup runs its tools: parse (wrong usage: what was wrong,
 * libcgroup's {@code Wrong input parameters,} line, exit 129), {@code -h} prints the usage, then
 * the command; a failure is one line on stderr (with {@code --debug} the stack trace after it)
 * and the tool's own exit status ({@link ExitCodes}).
 */
public final class GetoptRunner {
    /** The key of {@code --debug}, which every getopt command accepts (outside the char range getopt letters use). */
    public static final char DEBUG = '\uF0FF';

    private GetoptRunner() {
    }

    /**
     * Runs {@code command} on {@code args} (the words after the command name) and returns the
     * exit status; {@code name} is how it reports itself ({@code cgget}, {@code jcg get}).
     */
    public static int run(GetoptCommand command, String name, String[] args, PrintWriter out, PrintWriter err) {
        Getopt.Parsed parsed;
        try {
            parsed = new Getopt(command.syntax().optstring(), withDebug(command.syntax().longOptions())).parse(args);
        } catch (UsageException e) {
            return usageError(name, e.getMessage(), err);
        }
        if (parsed.has('h')) {
            out.print(command.usage(name));
            return ExitCodes.OK;
        }
        Invocation invocation = new Invocation(name, args.length, out, err, parsed.has(DEBUG));
        try {
            return command.run(invocation, parsed);
        } catch (UsageException e) {
            return usageError(name, e.getMessage(), err);
        } catch (RuntimeException e) {
            err.println(name + ": " + messageOf(e));
            if (invocation.debug()) {
                e.printStackTrace(err);
            }
            return ExitCodes.of(e, ExitCodes.toolOf(command));
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static List<LongOption> withDebug(List<LongOption> options) {
        List<LongOption> all = new ArrayList<>(options.size() + 1);
        all.addAll(options);
        all.add(LongOption.flag("debug", DEBUG));
        return all;
    }

    /** Wrong usage: {@code <tool>: <what>}, libcgroup's second line, exit status 129. */
    static int usageError(String name, String message, PrintWriter err) {
        err.println(name + ": " + message);
        err.println(wrongInputLine(name));
        err.flush();
        return ExitCodes.USAGE;
    }

    /** libcgroup's line, quirks included (its quote is unbalanced). */
    static String wrongInputLine(String name) {
        return "Wrong input parameters, try " + name + " -h' for more information.";
    }

    /** The one line a failure is reported by: its message, or what it is when it has none. */
    static String messageOf(Exception e) {
        return e instanceof CgroupException || e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
