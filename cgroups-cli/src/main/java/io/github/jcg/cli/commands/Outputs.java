package io.github.jcg.cli.commands;

import io.github.jcg.cli.CommonOptions;
import io.github.jcg.cli.Tools;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;


/** What commands share about their output: the {@code -o FORMAT} choice and failure lines. */
final class Outputs {
    private Outputs() {
    }

    /**
     * How a command names itself at the start of an error line: the libcgroup tool name when
     * run as one ({@code cgdelete}), otherwise its place under jcg ({@code jcg delete}).
     */
    static String toolName(CommandSpec spec) {
        String name = spec.commandLine().getCommandName();
        return Tools.isLibcgroupName(name) ? name : spec.qualifiedName();
    }

    /** Prints one failure line for a command that goes on after it (cgdelete, cgclassify). */
    static void failure(CommandSpec spec, String message) {
        spec.commandLine().getErr().println(toolName(spec) + ": " + message);
        spec.commandLine().getErr().flush();
    }

    /** The same, with the stack trace after it when {@code --debug} was given. */
    static void failure(CommandSpec spec, String message, Exception cause, CommonOptions common) {
        failure(spec, message);
        if (common != null && common.debug) {
            cause.printStackTrace(spec.commandLine().getErr());
            spec.commandLine().getErr().flush();
        }
    }

    /** True for {@code json}, false for {@code text}; anything else is wrong usage. */
    static boolean isJson(CommandSpec spec, String format) {
        return switch (format) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown output format '" + format + "'; use text or json");
        };
    }
}
