package io.github.jcg.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which command a name stands for ({@link Commands} lists them). The libcgroup names
 * ({@code cgget} …) and the jcg commands that stand in for them ({@code jcg get} …) are
 * {@link GetoptCommand}s: they are constructed and run here without building any picocli
 * object, because start-up time is most of what such a command costs. Everything else
 * ({@code jcg info}, {@code demo}, {@code fibtest}, the command listing) goes to
 * {@link PicocliCommands}.
 */
public final class Tools {
    private Tools() {
    }

    /** Runs one invocation as the tool {@code invokedAs} and returns its exit status. */
    static int run(String invokedAs, String[] args, PrintWriter out, PrintWriter err) {
        Optional<Commands> asTool = Commands.forLibcgroupName(invokedAs);
        if (asTool.isPresent()) {
            return GetoptRunner.run(asTool.get().makeGetopt(), invokedAs, args, out, err);
        }
        if (args.length > 0) {
            Optional<Commands> command = Commands.getopt(args[0]);
            if (command.isPresent()) {
                String[] rest = Arrays.copyOfRange(args, 1, args.length);
                return GetoptRunner.run(command.get().makeGetopt(), "jcg " + args[0], rest, out, err);
            }
            Optional<Commands> helpFor = args.length == 2 && args[0].equals("help") ? Commands.getopt(args[1]) : Optional.empty();
            if (helpFor.isPresent()) {
                out.print(helpFor.get().makeGetopt().usage("jcg " + args[1]));
                return ExitCodes.OK;
            }
        }
        return PicocliCommands.execute(args, out, err);
    }
}
