package io.github.jcg.cli;

import io.github.jcg.cli.commands.ClassifyCommand;
import io.github.jcg.cli.commands.CreateCommand;
import io.github.jcg.cli.commands.DeleteCommand;
import io.github.jcg.cli.commands.ExecCommand;
import io.github.jcg.cli.commands.GetCommand;
import io.github.jcg.cli.commands.LsCommand;
import io.github.jcg.cli.commands.LssubsysCommand;
import io.github.jcg.cli.commands.SetCommand;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Which command a name stands for. The libcgroup names ({@code cgget} …) and the jcg commands
 * that stand in for them ({@code jcg get} …) are {@link GetoptCommand}s: they are constructed
 * and run here without building any picocli object, because start-up time is most of what such
 * a command costs. Everything else ({@code jcg info}, {@code demo}, {@code fibtest}, the
 * command listing) goes to {@link PicocliCommands}.
 */
public final class Tools {
    private Tools() {
    }

    /** Runs one invocation as the tool {@code invokedAs} and returns its exit status. */
    static int run(String invokedAs, String[] args, PrintWriter out, PrintWriter err) {
        String asTool = libcgroupCommand(invokedAs);
        if (asTool != null) {
            return GetoptRunner.run(getoptCommand(asTool), invokedAs, args, out, err);
        }
        if (args.length > 0) {
            GetoptCommand command = getoptCommand(args[0]);
            if (command != null) {
                return GetoptRunner.run(command, "jcg " + args[0], Arrays.copyOfRange(args, 1, args.length), out, err);
            }
            if (args[0].equals("help") && args.length == 2 && getoptCommand(args[1]) != null) {
                out.print(getoptCommand(args[1]).usage("jcg " + args[1]));
                return ExitCodes.OK;
            }
        }
        return PicocliCommands.execute(args, out, err);
    }

    /** A fresh instance of the jcg command {@code name} when it is one of the libcgroup tools, else {@code null}. */
    static GetoptCommand getoptCommand(String name) {
        return switch (name) {
            case "create" -> new CreateCommand();
            case "delete" -> new DeleteCommand();
            case "set" -> new SetCommand();
            case "get" -> new GetCommand();
            case "exec" -> new ExecCommand();
            case "classify" -> new ClassifyCommand();
            case "ls" -> new LsCommand();
            case "lssubsys" -> new LssubsysCommand();
            default -> null;
        };
    }

    /** The jcg command a libcgroup tool name stands for, or {@code null}. */
    private static String libcgroupCommand(String toolName) {
        return switch (toolName) {
            case "cgcreate" -> "create";
            case "cgdelete" -> "delete";
            case "cgset", "cgxset" -> "set";
            case "cgget", "cgxget" -> "get";
            case "cgexec" -> "exec";
            case "cgclassify" -> "classify";
            case "lscgroup" -> "ls";
            case "lssubsys" -> "lssubsys";
            default -> null;
        };
    }

    /** Whether a name is one of the libcgroup tools jcg stands in for. */
    public static boolean isLibcgroupName(String name) {
        return libcgroupCommand(name) != null;
    }
}
