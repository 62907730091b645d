package io.github.jcg.cli.commands;

import io.github.jcg.cli.output.HostReportFormat;
import io.github.jcg.core.HostReport;
import io.github.jcg.cli.CommonOptions;
import io.github.jcg.cli.Hosts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code jcg info}: the host report — mode, mounts, controllers, this process's own groups. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show how this host arranges its cgroups: mode, hierarchies, controllers and our own groups.")
public final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json")
    String output = "text";

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        HostReport report = Hosts.current().report();
        var out = spec.commandLine().getOut();
        switch (output) {
            case "json" -> HostReportFormat.json(report, out);
            case "text" -> HostReportFormat.text(report, out);
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown output format '" + output + "'; use text or json");
        }
        return 0;
    }
}
