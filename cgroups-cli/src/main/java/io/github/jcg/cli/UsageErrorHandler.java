package io.github.jcg.cli;

import picocli.CommandLine;

/**
 * Wrong usage of jcg's picocli commands, reported as the getopt commands report it
 * ({@link GetoptRunner#usageError}): what was wrong, prefixed with the tool name, then
 * libcgroup's {@code Wrong input parameters,} line, exit status 129.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        return GetoptRunner.usageError(PicocliCommands.displayName(e.getCommandLine()), e.getMessage(), e.getCommandLine().getErr());
    }
}
