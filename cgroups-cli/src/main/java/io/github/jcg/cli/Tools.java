package io.github.jcg.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Which command a name stands for. {@code jcg} is the full command with subcommands; the
 * libcgroup names run the matching subcommand directly, with libcgroup's usage errors, so
 * jcg can stand in for libcgroup on a PATH.
 */
public final class Tools {
    /** libcgroup tool name → the jcg subcommand that implements it. */
    private static final Map<String, String> LIBCGROUP_NAMES = Map.ofEntries(
            Map.entry("cgcreate", "create"),
            Map.entry("cgdelete", "delete"),
            Map.entry("cgset", "set"),
            Map.entry("cgget", "get"),
            Map.entry("cgxset", "set"),
            Map.entry("cgxget", "get"),
            Map.entry("cgexec", "exec"),
            Map.entry("cgclassify", "classify"),
            Map.entry("lscgroup", "ls"),
            Map.entry("lssubsys", "lssubsys"));

    private Tools() {
    }

    /** The configured command line for a tool name; unknown names get plain {@code jcg}. */
    static CommandLine commandLine(String invokedAs, PrintWriter out, PrintWriter err) {
        CommandLine jcg = configure(new CommandLine(new JcgCommand()), out, err);
        String sub = LIBCGROUP_NAMES.get(invokedAs);
        if (sub != null && jcg.getSubcommands().containsKey(sub)) {
            // a fresh command line without jcg as parent: picocli's parser looks at the parent's
            // parse state, which is never built when the subcommand runs on its own (NPE)
            CommandLine tool = new CommandLine(jcg.getSubcommands().get(sub).getCommand().getClass());
            tool.setCommandName(invokedAs);
            return configure(tool, out, err);
        }
        return jcg;
    }

    private static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        // getopt lets a flag repeat (cgget -n -n); picocli refuses that unless told
        cli.setOverwrittenOptionsAllowed(true);
        applyParserSettings(cli);
        return cli;
    }

    /** Lets a command adjust how its arguments are parsed (cgclassify stops at the first pid). */
    private static void applyParserSettings(CommandLine cli) {
        if (cli.getCommand() instanceof ParserSettings settings) {
            settings.configure(cli);
        }
        cli.getSubcommands().values().forEach(Tools::applyParserSettings);
    }

    /** Implemented by commands whose parsing differs from picocli's defaults. */
    public interface ParserSettings {
        void configure(CommandLine cli);
    }

    /**
     * How a command names itself in messages: the libcgroup tool name when run as one
     * ({@code cgget}), otherwise its place under jcg ({@code jcg get}).
     */
    static String displayName(CommandLine cli) {
        String name = cli.getCommandName();
        return isLibcgroupName(name) ? name : cli.getCommandSpec().qualifiedName();
    }

    /** Whether a name is one of the libcgroup tools jcg stands in for. */
    public static boolean isLibcgroupName(String name) {
        return LIBCGROUP_NAMES.containsKey(name);
    }
}
