package io.github.jcg.cli;

import io.github.jcg.cli.compat.LibcgroupWords;
import io.github.jcg.cli.getopt.Getopt;
import io.github.jcg.cli.getopt.LongOption;
import io.github.jcg.cli.getopt.UsageException;
import io.github.jcg.core.CgroupException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
            return usageError(name, e, err);
        }
        if (parsed.has('h')) {
            out.print(command.usage(name));
            return ExitCodes.OK;
        }
        Invocation invocation = new Invocation(name, args.length, out, err, parsed.has(DEBUG));
        try {
            return command.run(invocation, parsed);
        } catch (UsageException e) {
            return usageError(name, e, err);
        } catch (RuntimeException e) {
            int status = ExitCodes.of(e, ExitCodes.toolOf(command));
            Optional<LibcgroupWords> words = Optional.empty();
            if (invocation.isLibcgroupTool()) {
                words = e instanceof ToolException t && t.words().isPresent() ? t.words() : command.libcgroupWords(e, status);
            }
            err.println(failureLine(name, words, messageOf(e)));
            if (invocation.debug()) {
                e.printStackTrace(err);
            }
            return status;
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

    /**
     * Wrong usage, exit status 129: {@code <tool>: <what>} and libcgroup's {@code Wrong input
     * parameters} line. Under a libcgroup name libcgroup's words come first: its line, unless the
     * mistake has words of its own (which then begin the first line).
     */
    static int usageError(String name, UsageException e, PrintWriter err) {
        String explanation = name + ": " + e.getMessage();
        if (!Commands.isLibcgroupName(name) || e.inOwnWords()) {
            err.println(explanation);
            err.println(wrongInputLine(name));
        } else {
            err.println(e.libcgroupLine().orElse(wrongInputLine(name)));
            err.println(explanation);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** Wrong usage of a jcg command that libcgroup does not have. */
    static int usageError(String name, String message, PrintWriter err) {
        return usageError(name, new UsageException(message), err);
    }

    /**
     * {@code <tool>: <message>}, or libcgroup's words for the failure and then the message. A
     * message that begins as the words do ({@code can't create cgroup web: }) keeps only the
     * rest, so the subject is not said twice.
     */
    static String failureLine(String name, Optional<LibcgroupWords> words, String message) {
        if (words.isEmpty()) {
            return name + ": " + message;
        }
        String text = words.get().text();
        int colon = text.lastIndexOf(": ");
        String rest = message;
        if (colon > 0 && message.startsWith(text.substring(0, colon + 2))) {
            rest = message.substring(colon + 2);
        }
        return words.get().render(name) + "; " + rest;
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
