package io.github.jcg.cli;

import io.github.jcg.cli.getopt.LongOption;

import java.util.List;

/**
 * What a {@link GetoptCommand} accepts and how it names itself.
 *
 * @param optstring   getopt's option string, e.g. {@code "r:hnvg:am"}; a leading '+' stops at the first operand
 * @param longOptions the long options ({@code --debug} is added by the runner)
 * @param summary     one line for jcg's command listing
 * @param tool        the libcgroup tool whose exit codes it uses, or {@code null} for its own
 */
public record GetoptSyntax(String optstring, List<LongOption> longOptions, String summary, ExitCodes.Tool tool) {
    public GetoptSyntax {
        longOptions = List.copyOf(longOptions);
    }
}
