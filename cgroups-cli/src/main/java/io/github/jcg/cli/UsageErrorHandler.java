package io.github.jcg.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Wrong usage, as libcgroup reports it: what was wrong (prefixed with the tool name, as
 * getopt does), then libcgroup's {@code Wrong input parameters,} line, exit status 129.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        String name = Tools.displayName(e.getCommandLine());
        err.println(name + ": " + e.getMessage());
        err.println(wrongInputLine(name));
        err.flush();
        return ExitCodes.USAGE;
    }

    /** libcgroup's line, quirks included (its quote is unbalanced). */
    static String wrongInputLine(String name) {
        return "Wrong input parameters, try " + name + " -h' for more information.";
    }
}
