package io.github.jcg.cli;

import io.github.jcg.core.CgroupException;
import picocli.CommandLine;

/**
 * One place where failures become output: a single line on stderr naming what went wrong
 * and what to do, the stack trace only with {@code --debug}, and an exit status.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean debug = parsed.expandedArgs().contains("--debug");
        String message = e instanceof CgroupException || e.getMessage() != null ? e.getMessage() : e.toString();
        cli.getErr().println(Tools.displayName(cli) + ": " + message);
        if (debug) {
            e.printStackTrace(cli.getErr());
        }
        return ExitCodes.of(e, ExitCodes.toolOf(cli.getCommand()));
    }
}
