package io.github.jcg.cli;

import io.github.jcg.cli.commands.ClassifyCommand;
import io.github.jcg.cli.commands.CreateCommand;
import io.github.jcg.cli.commands.DeleteCommand;
import io.github.jcg.cli.commands.GetCommand;
import io.github.jcg.cli.commands.InfoCommand;
import io.github.jcg.cli.commands.LsCommand;
import io.github.jcg.cli.commands.LssubsysCommand;
import io.github.jcg.cli.commands.SetCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code jcg} command and how its subcommands are wired. */
@Command(name = "jcg",
        mixinStandardHelpOptions = true,
        versionProvider = JcgCommand.Version.class,
        description = "Control and account Linux cgroups (v1, hybrid, v2).",
        subcommands = {InfoCommand.class, CreateCommand.class, DeleteCommand.class, SetCommand.class, GetCommand.class,
                ClassifyCommand.class, LsCommand.class, LssubsysCommand.class, CommandLine.HelpCommand.class})
public final class JcgCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = JcgCommand.class.getPackage().getImplementationVersion();
            return new String[] {"jcg " + (v == null ? "development build" : v)};
        }
    }
}
