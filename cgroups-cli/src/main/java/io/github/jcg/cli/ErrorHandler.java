package io.github.jcg.cli;

import picocli.CommandLine;

/**
 * Failures of jcg's picocli commands become output as those of the getopt commands do
 * ({@link GetoptRunner}): a single line on stderr naming what went wrong and what to do, the
 * stack trace only with {@code --debug}, and an exit status.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean debug = parsed.expandedArgs().contains("--debug");
        cli.getErr().println(PicocliCommands.displayName(cli) + ": " + GetoptRunner.messageOf(e));
        if (debug) {
            e.printStackTrace(cli.getErr());
        }
        return ExitCodes.of(e, ExitCodes.toolOf(cli.getCommand()));
    }
}
