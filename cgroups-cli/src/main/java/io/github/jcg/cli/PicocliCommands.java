package io.github.jcg.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * jcg's own commands, with picocli's richer options and help: {@code info}, {@code demo},
 * {@code fibtest}, the hidden {@code cds-training}, and the top-level {@code jcg --help} /
 * {@code jcg help} listing, which names the getopt commands too ({@link Tools} runs those
 * before anything here is loaded). {@link Commands} says which commands there are.
 *
 * <p>Building a picocli model costs reflection over every annotated field, so a run builds
 * only the subcommand it was asked for; help and unknown names get all of them.
 */
final class PicocliCommands {
    private PicocliCommands() {
    }

    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        String wanted = args.length > 0 ? args[0] : "";
        Optional<Commands> named = Commands.named(wanted);
        if (!wanted.isEmpty() && !wanted.startsWith("-") && !wanted.equals("help") && named.isEmpty()) {
            // picocli would let a --help further on win and exit 0 with the listing
            return GetoptRunner.usageError("jcg", "unknown command '" + wanted + "'; jcg --help lists the commands", err);
        }
        CommandLine jcg = new CommandLine(new JcgCommand());
        if (named.isPresent() && !named.get().isGetopt()) {
            jcg.addSubcommand(wanted, subcommand(named.get()));
        } else {
            for (Commands command : Commands.values()) {
                jcg.addSubcommand(command.jcgName(), subcommand(command));
            }
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

    /**
     * A command's picocli model: a picocli command's own, or for a getopt command its entry in
     * the listing (its name and summary: it never runs through picocli). Hidden from the
     * listing unless its entry is listed.
     */
    private static CommandLine subcommand(Commands command) {
        CommandLine cli;
        if (command.isGetopt()) {
            CommandSpec spec = CommandSpec.create().name(command.jcgName());
            spec.usageMessage().description(command.makeGetopt().syntax().summary());
            cli = new CommandLine(spec);
        } else {
            cli = new CommandLine(command.make());
        }
        cli.getCommandSpec().usageMessage().hidden(!command.listed());
        return cli;
    }

    /** How a picocli command names itself in messages: its place under jcg ({@code jcg info}). */
    static String displayName(CommandLine cli) {
        return cli.getCommandSpec().qualifiedName();
    }
}
