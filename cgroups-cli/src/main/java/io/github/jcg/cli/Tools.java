package io.github.jcg.cli;

import io.github.jcg.cli.commands.CdsTrainingCommand;
import io.github.jcg.cli.commands.ClassifyCommand;
import io.github.jcg.cli.commands.CreateCommand;
import io.github.jcg.cli.commands.DeleteCommand;
import io.github.jcg.cli.commands.ExecCommand;
import io.github.jcg.cli.commands.GetCommand;
import io.github.jcg.cli.commands.InfoCommand;
import io.github.jcg.cli.commands.LsCommand;
import io.github.jcg.cli.commands.LssubsysCommand;
import io.github.jcg.cli.commands.SetCommand;
import io.github.jcg.demo.DemoCommand;
import io.github.jcg.fibtest.FibtestCommand;
import io.github.jcg.cli.top.TopCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which command a name stands for. {@code jcg} is the full command with subcommands; the
 * libcgroup names run the matching subcommand directly, with libcgroup's usage errors, so
 * jcg can stand in for libcgroup on a PATH.
 *
 * <p>Building a picocli model costs reflection over every annotated field, so a run builds
 * only the subcommand it was asked for; help and unknown names get all of them.
 */
public final class Tools {
    /** Subcommand name → a fresh instance of its command class. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("info", InfoCommand::new);
        SUBCOMMANDS.put("create", CreateCommand::new);
        SUBCOMMANDS.put("delete", DeleteCommand::new);
        SUBCOMMANDS.put("set", SetCommand::new);
        SUBCOMMANDS.put("get", GetCommand::new);
        SUBCOMMANDS.put("exec", ExecCommand::new);
        SUBCOMMANDS.put("classify", ClassifyCommand::new);
        SUBCOMMANDS.put("ls", LsCommand::new);
        SUBCOMMANDS.put("lssubsys", LssubsysCommand::new);
        SUBCOMMANDS.put("demo", DemoCommand::new);
        SUBCOMMANDS.put("fibtest", FibtestCommand::new);
        SUBCOMMANDS.put("top", TopCommand::new);
        SUBCOMMANDS.put("cds-training", CdsTrainingCommand::new);
    }

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

    /** The configured command line for a tool name and its arguments; unknown names get plain {@code jcg}. */
    static CommandLine commandLine(String invokedAs, String[] args, PrintWriter out, PrintWriter err) {
        String asTool = LIBCGROUP_NAMES.get(invokedAs);
        if (asTool != null && SUBCOMMANDS.containsKey(asTool)) {
            CommandLine tool = new CommandLine(SUBCOMMANDS.get(asTool).get());
            tool.setCommandName(invokedAs);
            return configure(tool, out, err);
        }
        CommandLine jcg = new CommandLine(new JcgCommand());
        String wanted = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(wanted)) {
            jcg.addSubcommand(wanted, SUBCOMMANDS.get(wanted).get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> jcg.addSubcommand(name, command.get()));
            jcg.addSubcommand("help", new CommandLine.HelpCommand());
        }
        return configure(jcg, out, err);
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
