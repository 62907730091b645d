package io.github.jcg.cli;

import io.github.jcg.cli.compat.LibcgroupWords;

import io.github.jcg.cli.getopt.Getopt;

import java.util.Optional;

/**
 * A command parsed the way libcgroup's tools parse: GNU {@code getopt_long} with the tool's own
 * option string. {@link GetoptRunner} parses, prints {@code -h}, runs and reports failures; the
 * command only says which options it takes and what to do with them. Nothing on this path
 * touches picocli, whose reflective start-up costs more than these commands' whole work.
 */
public interface GetoptCommand {
    /** Its options, its one-line summary and the tool whose exit codes it uses. */
    GetoptSyntax syntax();

    /** What {@code -h} prints, for the tool as it was invoked ({@code cgget}, {@code jcg get}). */
    String usage(String name);

    /**
     * Runs the command with what was parsed (the options in order, then the operands) and
     * returns its exit status. Wrong usage found here is a {@link io.github.jcg.cli.getopt.UsageException};
     * any other exception becomes one line on stderr and the tool's exit status.
     */
    int run(Invocation invocation, Getopt.Parsed parsed);

    /**
     * What libcgroup's tool prints for a failure that left {@link #run} with {@code status},
     * when the failure itself does not say ({@link ToolException#words()}); empty when
     * libcgroup prints nothing of its own there. Asked only when run under a libcgroup name.
     */
    default Optional<LibcgroupWords> libcgroupWords(RuntimeException failure, int status) {
        return Optional.empty();
    }
}
