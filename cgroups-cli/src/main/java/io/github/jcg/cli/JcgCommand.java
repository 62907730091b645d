package io.github.jcg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code jcg} command; {@link Tools} adds the subcommands. */
@Command(name = "jcg",
        mixinStandardHelpOptions = true,
        versionProvider = JcgCommand.Version.class,
        description = "Control and account Linux cgroups (v1, hybrid, v2).")
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
