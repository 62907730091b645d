package io.github.jcg.cli;

import io.github.jcg.cli.commands.CdsTrainingCommand;
import io.github.jcg.cli.commands.ClassifyCommand;
import io.github.jcg.cli.commands.CreateCommand;
import io.github.jcg.cli.commands.DeleteCommand;
import io.github.jcg.cli.commands.ExecCommand;
import io.github.jcg.cli.commands.GetCommand;
import io.github.jcg.cli.commands.InfoCommand;
import io.github.jcg.cli.commands.LsCommand;
import io.github.jcg.cli.commands.LssubsysCommand;
import io.github.jcg.cli.commands.RunCommand;
import io.github.jcg.cli.commands.SetCommand;
import io.github.jcg.cli.events.EventsCommand;
import io.github.jcg.cli.kube.KubeCommand;
import io.github.jcg.cli.top.TopCommand;
import io.github.jcg.demo.DemoCommand;
import io.github.jcg.fibtest.FibtestCommand;

import java.util.List;
import java.util.Optional;

/**
 * Every jcg command, in the order {@code jcg --help} lists them: the one place a command is
 * added. An entry names the command, the libcgroup tools it stands in for, how it runs (a
 * {@link GetoptCommand}, which {@link Tools} runs without loading picocli, or a picocli
 * command object for {@link PicocliCommands}) and whether the listing shows it; {@link #make()}
 * constructs it.
 *
 * <p>Start-up is most of what a getopt command costs, so this table is plain data: looking a
 * name up loads no command class and nothing of picocli, and builds no lambda. Only the
 * command that runs is constructed, by one exhaustive {@code switch} (an entry without its
 * constructor does not compile).
 */
enum Commands {
    INFO("info", Kind.PICOCLI),
    CREATE("create", Kind.GETOPT, "cgcreate"),
    DELETE("delete", Kind.GETOPT, "cgdelete"),
    SET("set", Kind.GETOPT, "cgset", "cgxset"),
    GET("get", Kind.GETOPT, "cgget", "cgxget"),
    EXEC("exec", Kind.GETOPT, "cgexec"),
    CLASSIFY("classify", Kind.GETOPT, "cgclassify"),
    LS("ls", Kind.GETOPT, "lscgroup"),
    LSSUBSYS("lssubsys", Kind.GETOPT, "lssubsys"),
    RUN("run", Kind.GETOPT),
    DEMO("demo", Kind.PICOCLI),
    FIBTEST("fibtest", Kind.PICOCLI),
    TOP("top", Kind.PICOCLI),
    EVENTS("events", Kind.PICOCLI),
    KUBE("kube", Kind.PICOCLI),
    /** Run by the launcher to build the class-data-sharing archive; no one's to type. */
    CDS_TRAINING("cds-training", Kind.PICOCLI, false);

    /** How a command parses its arguments and prints its help. */
    enum Kind {
        /** libcgroup's way: {@link GetoptRunner}, no picocli. */
        GETOPT,
        /** picocli's annotations. */
        PICOCLI
    }

    private final String jcgName;
    private final Kind kind;
    private final boolean listed;
    private final List<String> libcgroupNames;

    Commands(String jcgName, Kind kind, String... libcgroupNames) {
        this(jcgName, kind, true, libcgroupNames);
    }

    Commands(String jcgName, Kind kind, boolean listed, String... libcgroupNames) {
        if (kind != Kind.GETOPT && libcgroupNames.length > 0) {
            throw new IllegalArgumentException(jcgName + ": a libcgroup tool runs as a getopt command");
        }
        this.jcgName = jcgName;
        this.kind = kind;
        this.listed = listed;
        this.libcgroupNames = List.of(libcgroupNames);
    }

    /** Its name under jcg ({@code jcg get}). */
    String jcgName() {
        return jcgName;
    }

    /** The libcgroup tools it stands in for, by the name jcg is invoked as ({@code cgget}). */
    List<String> libcgroupNames() {
        return libcgroupNames;
    }

    boolean isGetopt() {
        return kind == Kind.GETOPT;
    }

    /** Whether {@code jcg --help} lists it. */
    boolean listed() {
        return listed;
    }

    /** A fresh command object: a {@link GetoptCommand} when {@link #isGetopt()}, else a picocli command. */
    Object make() {
        return switch (this) {
            case INFO -> new InfoCommand();
            case CREATE -> new CreateCommand();
            case DELETE -> new DeleteCommand();
            case SET -> new SetCommand();
            case GET -> new GetCommand();
            case EXEC -> new ExecCommand();
            case CLASSIFY -> new ClassifyCommand();
            case LS -> new LsCommand();
            case LSSUBSYS -> new LssubsysCommand();
            case RUN -> new RunCommand();
            case DEMO -> new DemoCommand();
            case FIBTEST -> new FibtestCommand();
            case TOP -> new TopCommand();
            case EVENTS -> new EventsCommand();
            case KUBE -> new KubeCommand();
            case CDS_TRAINING -> new CdsTrainingCommand();
        };
    }

    /** A fresh instance of this getopt command. */
    GetoptCommand makeGetopt() {
        if (!isGetopt()) {
            throw new IllegalStateException("jcg " + jcgName + " is a picocli command");
        }
        return (GetoptCommand) make();
    }

    /** The command {@code jcg <name>} runs. */
    static Optional<Commands> named(String name) {
        for (Commands c : values()) {
            if (c.jcgName.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The command a libcgroup tool name ({@code cgget}) stands for. */
    static Optional<Commands> forLibcgroupName(String toolName) {
        for (Commands c : values()) {
            if (c.libcgroupNames.contains(toolName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The getopt command {@code jcg <name>} runs; empty when {@code name} is not one. */
    static Optional<Commands> getopt(String name) {
        Optional<Commands> command = named(name);
        return command.isPresent() && command.get().isGetopt() ? command : Optional.empty();
    }

    /** Whether a name is one of the libcgroup tools jcg stands in for. */
    static boolean isLibcgroupName(String name) {
        return forLibcgroupName(name).isPresent();
    }
}
