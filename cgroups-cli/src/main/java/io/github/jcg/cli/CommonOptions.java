package io.github.jcg.cli;

import picocli.CommandLine.Option;

/**
 * Options every picocli command of jcg accepts (mix in with {@code @Mixin CommonOptions common;});
 * the getopt commands get {@code --debug} from {@link GetoptRunner}.
 */
public final class CommonOptions {
    /** Read by {@link ErrorHandler} from the parsed arguments; declared so parsing accepts it. */
    @Option(names = "--debug", description = "On failure, print the stack trace after the one-line error.")
    public boolean debug;
}
