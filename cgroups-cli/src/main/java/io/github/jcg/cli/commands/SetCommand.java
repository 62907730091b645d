package io.github.jcg.cli.commands;

import io.github.jcg.cli.ExitCodes;
import io.github.jcg.cli.GetoptCommand;
import io.github.jcg.cli.GetoptSyntax;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.Invocation;
import io.github.jcg.cli.ToolException;
import io.github.jcg.cli.UsageText;
import io.github.jcg.cli.compat.LibcgroupWords;
import io.github.jcg.cli.getopt.Getopt;
import io.github.jcg.cli.getopt.LongOption;
import io.github.jcg.cli.getopt.ParsedOption;
import io.github.jcg.cli.getopt.UsageException;
import io.github.jcg.cli.options.ResourceOptions;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.ControllerNotAvailableException;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.Errno;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.UndoLog;
import io.github.jcg.core.limit.ControlFileRules;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code jcg set} = libcgroup's cgset (and cgxset with {@code -1}/{@code -2}), plus typed limits
 * ({@code --cpu 20%}). Unlike cgset, which stops half way, everything is checked before the
 * first write and the writes already made are undone when the kernel refuses one.
 */
public final class SetCommand implements GetoptCommand {
    /** cgset's "r:h", then jcg's -R, -1/-2 (cgxset) and -i. */
    private static final String OPTSTRING = "r:hR12i";
    /** getopt's key of --copy-from, which has no short form (as in libcgroup). */
    private static final char COPY_FROM = '\uF101';
    private static final List<LongOption> LONG_OPTIONS = ResourceOptions.withLimits(
            LongOption.withValue("rule", 'r'), LongOption.withValue("variable", 'r'), LongOption.flag("help", 'h'),
            LongOption.withValue("copy-from", COPY_FROM), LongOption.flag("recursive", 'R'), LongOption.flag("v1", '1'),
            LongOption.flag("v2", '2'), LongOption.flag("ignore-unmappable", 'i'));
    private static final GetoptSyntax SYNTAX = new GetoptSyntax(OPTSTRING, LONG_OPTIONS,
            "Set parameters of control groups (libcgroup's cgset; with -1/-2, cgxset).", ExitCodes.Tool.CGSET);

    private final List<String> rules = new ArrayList<>();
    private String copyFrom;
    private boolean recursive;
    private boolean ignoreUnmappable;
    private final ResourceOptions limits = new ResourceOptions();
    private final List<String> paths = new ArrayList<>();
    private CgroupVersion asked;
    /** Whether this is cgxset (by name, or -1/-2), which converts every setting before it writes. */
    private boolean converting;

    @Override
    public GetoptSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String usage(String name) {
        UsageText usage = new UsageText(name)
                .synopsis("[-R] [-r <name>=<value>] ... <path> ...")
                .synopsis("[-R] --copy-from <source path> <path> ...")
                .synopsis("[-R] [--cpu <cpus>] [--memory <bytes>] ... <path> ...")
                .line(SYNTAX.summary())
                .line("Typed limits (--cpu, --memory, ...) mean the same on cgroup v1 and v2.")
                .option("-r, --variable <name>=<value>", "A control file and the value to write (repeatable), e.g. cpu.shares=512")
                .option("--copy-from <source path>", "Copy every writable setting of this group")
                .option("-R, --recursive", "Also set every group below each group (jcg only)")
                .option("-1, --v1", "Settings are named in cgroup v1's vocabulary (cgxset)")
                .option("-2, --v2", "Settings are named in cgroup v2's vocabulary (cgxset)")
                .option("-i, --ignore-unmappable", "With -1/-2, skip settings that have no equivalent");
        return ResourceOptions.describe(usage).commonOptions().toString();
    }

    private void read(Getopt.Parsed parsed) {
        for (ParsedOption o : parsed.options()) {
            switch (o.key()) {
                case 'r' -> rules.add(o.value());
                case COPY_FROM -> copyFrom = o.value();
                case 'R' -> recursive = true;
                case '1' -> asked = CgroupVersion.V1;
                case '2' -> asked = CgroupVersion.V2;
                case 'i' -> ignoreUnmappable = true;
                default -> limits.accept(o);
            }
        }
        paths.addAll(parsed.operands());
    }

    /** One control-file write, in the host's own vocabulary. */
    record Write(Cgroup group, String file, String value) {
    }

    @Override
    public int run(Invocation invocation, Getopt.Parsed parsed) {
        if (invocation.argumentCount() == 0) {
            // cgset's and cgxset's own line for a bare call (cgset's lacks a '<', as libcgroup prints it)
            String operand = invocation.name().equals("cgxset") ? "<relative path to cgroup>" : "relative path to cgroup>";
            throw UsageException.afterLine("Usage is " + invocation.name() + " -r <name=value> " + operand,
                    "nothing to set; give -r <name>=<value> and the groups to change, e.g. -r cpu.shares=512 web");
        }
        read(parsed);
        converting = asked != null || invocation.name().equals("cgxset");
        Map<String, List<Map.Entry<String, String>>> byController = parseRules();
        checkUsage();
        Optional<Resources> typed = limits.toResources();
        CgroupHost host = Hosts.current();
        Controllers controllers = new Controllers(host.layout());
        List<Write> writes = new ArrayList<>();
        for (String path : paths) {
            writes.addAll(copyFrom != null
                    ? new CopyPlan(host, controllers).writes(copyFrom, path)
                    : planRules(host, controllers, path, byController));
        }
        List<Cgroup> typedTargets = typed.isPresent() ? typedTargets(host) : List.of();
        execute(writes, typed, typedTargets);
        return ExitCodes.OK;
    }

    /** The -r rules, grouped by controller in first-seen order, as libcgroup groups them. */
    private Map<String, List<Map.Entry<String, String>>> parseRules() {
        Map<String, List<Map.Entry<String, String>>> byController = new LinkedHashMap<>();
        for (String rule : rules) {
            int eq = rule.indexOf('=');
            if (eq <= 0 || eq == rule.length() - 1) {
                throw UsageException.inLibcgroupWords("wrong parameter of option -r: " + rule
                        + "; write -r <name>=<value>, e.g. cpu.shares=512");
            }
            String name = rule.substring(0, eq);
            List<Map.Entry<String, String>> values = byController.computeIfAbsent(Controllers.of(name), c -> new ArrayList<>());
            if (values.stream().anyMatch(v -> v.getKey().equals(name))) {
                throw new ToolException(ExitCodes.VALUE_EXISTS, LibcgroupWords.alone("name-value pair " + rule + " can't be set"),
                        name + " is given twice; give each setting once", null);
            }
            values.add(Map.entry(name, rule.substring(eq + 1)));
        }
        return byController;
    }

    private void checkUsage() {
        if (copyFrom != null && !rules.isEmpty()) {
            throw usageError("--copy-from cannot be combined with -r; copy a group's settings or name them, not both");
        }
        if (paths.isEmpty()) {
            throw UsageException.inLibcgroupWords("no cgroup specified; name the groups to change after the options");
        }
        if (copyFrom == null && rules.isEmpty() && limits.isEmpty()) {
            throw UsageException.inLibcgroupWords("no name-value pair was set; give -r <name>=<value>, --copy-from <group>"
                    + " or a limit such as --cpu 50%");
        }
    }

    /**
     * The writes for one group, checked as cgset checks them, in its order: every controller
     * must be mounted (ECGROUPSUBSYSNOTMOUNTED), then each file must exist (ECGROUPVALUENOTEXIST)
     * and each value be one the kernel takes (its EINVAL: ECGOTHER).
     */
    private List<Write> planRules(CgroupHost host, Controllers controllers, String path,
                                  Map<String, List<Map.Entry<String, String>>> byController) {
        for (String controller : byController.keySet()) {
            if (!controllers.isAvailable(controller)) {
                throw notMounted("cannot set " + byController.get(controller).get(0).getKey()
                        + " of " + path + ": no " + controller + " controller is mounted on this host (available: "
                        + controllers.describeAvailable() + ")");
            }
        }
        List<Write> writes = new ArrayList<>();
        for (Map.Entry<String, List<Map.Entry<String, String>>> c : byController.entrySet()) {
            CgroupVersion disk = controllers.diskVersion(c.getKey());
            Vocabulary.WritePlan plan = Vocabulary.forWrite(c.getValue(), asked == null ? disk : asked, disk, ignoreUnmappable);
            if (plan.isEmpty()) {
                continue;
            }
            // a translated setting keeps the controller of its name, so the targets are the controller's
            for (Cgroup target : targets(host, controllers, path, c.getKey())) {
                for (Map.Entry<String, String> w : plan.writesFor(file -> firstLine(target, path, file))) {
                    writes.add(checked(target, path, w.getKey(), w.getValue()));
                }
            }
        }
        return writes;
    }

    /** A file's current first line, for a translated half of cpu.max that keeps the other half. */
    private static String firstLine(Cgroup group, String shownPath, String file) {
        requireFile(group, shownPath, file);
        try {
            return group.read(file).lines().findFirst().orElse("").strip();
        } catch (CgroupException e) {
            throw new ToolException(ExitCodes.of(e, ExitCodes.Tool.CGSET), "cannot read " + file + " of " + shownPath
                    + " to keep the half of it that is not set: " + e.getMessage(), e);
        }
    }

    /** The group, and with -R every group below it in the hierarchy that holds the controller's files. */
    private List<Cgroup> targets(CgroupHost host, Controllers controllers, String path, String controller) {
        if (!controllers.isAvailable(controller)) {
            throw notMounted("no " + controller + " controller is mounted on this host"
                    + " (available: " + controllers.describeAvailable() + ")");
        }
        ControllerSelection selection = controllers.hierarchy(controller).isPresent()
                ? ControllerSelection.parse(controller) : ControllerSelection.all();
        Cgroup group = host.group(CgroupPath.of(path), selection);
        return recursive ? group.subtree() : List.of(group);
    }

    /**
     * A setting of a controller that is not mounted. cgset gets ECGROUPSUBSYSNOTMOUNTED from
     * cgroup_modify_cgroup; cgxset fails before that, in cgroup_convert_cgroup, where
     * cgroup_get_controller_version answers ECGROUPNOTEXIST and nothing is printed (3.x
     * src/tools/cgxset.c, src/abstraction-common.c, src/api.c).
     */
    private ToolException notMounted(String message) {
        return new ToolException(converting ? ExitCodes.GROUP_NOT_FOUND : ExitCodes.CONTROLLER_NOT_MOUNTED, message);
    }

    static Write checked(Cgroup group, String shownPath, String file, String value) {
        requireFile(group, shownPath, file);
        try {
            ControlFileRules.check(file, value);
        } catch (InvalidValueException e) {
            throw new ToolException(ExitCodes.OTHER, "cannot set " + file + " of " + shownPath + ": " + e.getMessage(), e);
        }
        return new Write(group, file, value);
    }

    /** cgset's checks before a write: the group exists, and has the file (both ECGROUPVALUENOTEXIST). */
    private static void requireFile(Cgroup group, String shownPath, String file) {
        Hierarchy h;
        try {
            h = group.hierarchyOf(file);
        } catch (ControllerNotAvailableException e) {
            throw e;
        } catch (CgroupException e) {
            // a file of no controller (cgroup.*) that none of the group's hierarchies has, or the group in none
            throw new ToolException(ExitCodes.VALUE_NOT_FOUND, "cannot set " + file + ": " + e.getMessage(), e);
        }
        if (!Groups.existsIn(group, h)) {
            throw new ToolException(ExitCodes.VALUE_NOT_FOUND, "cannot set " + file + ": cgroup " + shownPath + " does not exist"
                    + " in the " + h.label() + " hierarchy (" + h.mountedAt() + "); create it first (cgcreate -g "
                    + Controllers.of(file) + ":" + shownPath + ")");
        }
        if (!group.fileNames(h).contains(file)) {
            throw new ToolException(ExitCodes.VALUE_NOT_FOUND, "cannot set " + file + ": cgroup " + shownPath + " has no such"
                    + " control file in the " + h.label() + " hierarchy; list its files with cgget -g " + Controllers.of(file)
                    + " " + shownPath);
        }
    }

    /** The groups typed limits go to: each path, and with -R every group below it. */
    private List<Cgroup> typedTargets(CgroupHost host) {
        List<Cgroup> targets = new ArrayList<>();
        for (String path : paths) {
            Cgroup group = host.group(path);
            targets.addAll(recursive ? group.subtree() : List.of(group));
        }
        return targets;
    }

    /** Writes, then typed limits; on a refusal everything done so far is put back. */
    private void execute(List<Write> writes, Optional<Resources> typed, List<Cgroup> typedTargets) {
        UndoLog undo = new UndoLog();
        try {
            for (Write w : writes) {
                Restore.write(undo, w.group(), w.file(), w.value());
            }
            for (int i = 0; i < typedTargets.size(); i++) {
                Cgroup group = typedTargets.get(i);
                // apply() is all or nothing for one group; what came before it must be restorable
                Optional<Resources> before = i < typedTargets.size() - 1 ? Restore.snapshot(group) : Optional.empty();
                group.apply(typed.get());
                before.ifPresent(old -> undo.add(() -> group.apply(Restore.fieldsOf(typed.get(), old))));
            }
        } catch (CgroupException e) {
            String note = undo.runAndDescribe(Restore.CHANGES);
            throw new ToolException(ExitCodes.of(e, ExitCodes.Tool.CGSET), e.getMessage() + note, e);
        }
    }

    private static UsageException usageError(String message) {
        return new UsageException(message);
    }

    /**
     * cgset's words: a source group that cannot be read is {@code cgroup <source> error: …},
     * everything else fails in cgroup_modify_cgroup, {@code cgset: cgroup modify error: …}. A
     * setting cgxset cannot convert, or one of a controller that is not mounted, is reported by
     * no words at all.
     */
    @Override
    public Optional<LibcgroupWords> libcgroupWords(RuntimeException failure, int status) {
        if (status == ExitCodes.INVALID || status == ExitCodes.FAIL || status == ExitCodes.NO_VERSION_CONVERT) {
            return Optional.empty();
        }
        if (converting && copyFrom == null && status == ExitCodes.GROUP_NOT_FOUND) {
            return Optional.empty(); // cgxset's failed conversion (an unmounted controller) prints nothing
        }
        // a value jcg refuses before writing is one the kernel refuses with EINVAL; a write the
        // kernel refused is ECGOTHER whatever the errno (ENOENT included), so strerror(errno)
        Errno errno = LibcgroupWords.errnoOf(failure).orElse(status == ExitCodes.OTHER ? Errno.EINVAL : Errno.UNKNOWN);
        String why = LibcgroupWords.strerror(status, errno);
        if (copyFrom != null && status == ExitCodes.GROUP_NOT_FOUND) {
            return Optional.of(LibcgroupWords.alone("cgroup " + copyFrom + " error: " + why));
        }
        return Optional.of(LibcgroupWords.afterName("cgroup modify error: " + why));
    }
}
