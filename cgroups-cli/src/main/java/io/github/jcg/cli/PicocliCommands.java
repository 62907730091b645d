package io.github.jcg.cli;

import io.github.jcg.cli.commands.CdsTrainingCommand;
import io.github.jcg.cli.commands.InfoCommand;
import io.github.jcg.demo.DemoCommand;
import io.github.jcg.cli.top.TopCommand;
import io.github.jcg.fibtest.FibtestCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * jcg's own commands, with picocli's richer options and help: {@code info}, {@code demo},
 * {@code fibtest}, the hidden {@code cds-training}, and the top-level {@code jcg --help} /
 * {@code jcg help} listing, which names the libcgroup commands too ({@link Tools} runs those
 * before anything here is loaded).
 *
 * <p>Building a picocli model costs reflection over every annotated field, so a run builds
 * only the subcommand it was asked for; help and unknown names get all of them.
 */
final class PicocliCommands {
    /** Every jcg command in the order the listing shows them; {@code null}: a getopt command ({@link Tools}). */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("info", InfoCommand::new);
        COMMANDS.put("create", null);
        COMMANDS.put("delete", null);
        COMMANDS.put("set", null);
        COMMANDS.put("get", null);
        COMMANDS.put("exec", null);
        COMMANDS.put("classify", null);
        COMMANDS.put("ls", null);
        COMMANDS.put("lssubsys", null);
        COMMANDS.put("demo", DemoCommand::new);
        COMMANDS.put("fibtest", FibtestCommand::new);
        COMMANDS.put("top", TopCommand::new);
        COMMANDS.put("cds-training", CdsTrainingCommand::new);
    }

    private PicocliCommands() {
    }

    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        String wanted = args.length > 0 ? args[0] : "";
        if (!wanted.isEmpty() && !wanted.startsWith("-") && !wanted.equals("help") && !COMMANDS.containsKey(wanted)) {
            // picocli would let a --help further on win and exit 0 with the listing
            return GetoptRunner.usageError("jcg", "unknown command '" + wanted + "'; jcg --help lists the commands", err);
        }
        CommandLine jcg = new CommandLine(new JcgCommand());
        if (COMMANDS.get(wanted) != null) {
            jcg.addSubcommand(wanted, COMMANDS.get(wanted).get());
        } else {
            COMMANDS.forEach((name, command) -> jcg.addSubcommand(name, command != null ? command.get() : listed(name)));
            jcg.addSubcommand("help", new CommandLine.HelpCommand());
        }
        jcg.setOut(out);
        jcg.setErr(err);
        jcg.setExecutionExceptionHandler(new ErrorHandler());
        jcg.setParameterExceptionHandler(new UsageErrorHandler());
        // getopt lets a flag repeat; picocli refuses that unless told
        jcg.setOverwrittenOptionsAllowed(true);
        return jcg.execute(args);
    }

    /** A getopt command's entry in the listing: its name and summary (it never runs through picocli). */
    private static CommandLine listed(String name) {
        CommandSpec spec = CommandSpec.create().name(name);
        spec.usageMessage().description(Tools.getoptCommand(name).syntax().summary());
        return new CommandLine(spec);
    }

    /** How a picocli command names itself in messages: its place under jcg ({@code jcg info}). */
    static String displayName(CommandLine cli) {
        return cli.getCommandSpec().qualifiedName();
    }
}
