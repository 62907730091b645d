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
import io.github.jcg.cli.output.GetFormat.Setting;
import io.github.jcg.cli.output.GetFormat;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.Errno;
import io.github.jcg.core.GroupNotFoundException;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.limit.Vocabulary;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code jcg get} = libcgroup's cgget (and cgxget with {@code -1}/{@code -2}): prints settings
 * of groups. Every value is read before anything is printed, so a failure prints nothing on
 * stdout, as with libcgroup.
 */
public final class GetCommand implements GetoptCommand {
    /** cgget's "r:hnvg:am", then jcg's -1/-2 (cgxget), -i and -o. */
    private static final String OPTSTRING = "r:hnvg:am12io:";
    private static final List<LongOption> LONG_OPTIONS = List.of(
            LongOption.withValue("variable", 'r'), LongOption.flag("help", 'h'), LongOption.flag("all", 'a'),
            LongOption.flag("values-only", 'v'), LongOption.flag("v1", '1'), LongOption.flag("v2", '2'),
            LongOption.flag("ignore-unmappable", 'i'), LongOption.withValue("output", 'o'));
    private static final GetoptSyntax SYNTAX = new GetoptSyntax(OPTSTRING, LONG_OPTIONS,
            "Print parameter(s) of control groups (libcgroup's cgget; with -1/-2, cgxget).", ExitCodes.Tool.CGGET);

    private final GetRequest request = new GetRequest();
    private CgroupVersion asked;
    private boolean noHeaders;
    private boolean valuesOnly;
    private boolean showMode;
    private boolean ignoreUnmappable;
    private String output = "text";
    private final List<String> paths = new ArrayList<>();

    @Override
    public GetoptSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String usage(String name) {
        return new UsageText(name)
                .synopsis("[-nv] [-r <name>] [-g <controllers>] [-a] <path> ...")
                .synopsis("[-nv] [-r <name>] -g <controllers>:<path> ...")
                .line(SYNTAX.summary())
                .line("Without -r, -g or -a every mounted controller's files are printed.")
                .option("-a, --all", "Print every file of every mounted controller")
                .option("-g <controllers>", "Print every file of these controllers (repeatable)")
                .option("-g <controllers>:<path>", "The same, for that group")
                .option("-n", "Do not print group headers (and the blank line after each group)")
                .option("-r, --variable <name>", "A setting to print (repeatable), e.g. cpu.shares")
                .option("-v, --values-only", "Print only values, not setting names")
                .option("-m", "Print the host's cgroup mode first (Legacy, Hybrid or Unified)")
                .option("-1, --v1", "Settings are named in cgroup v1's vocabulary (cgxget)")
                .option("-2, --v2", "Settings are named in cgroup v2's vocabulary (cgxget)")
                .option("-i, --ignore-unmappable", "With -1/-2, skip settings that have no equivalent")
                .option("-o, --output <format>", "text (default, as cgget prints) or json")
                .commonOptions()
                .toString();
    }

    /** The options in the order given, because that order matters to libcgroup (see {@link GetRequest}). */
    private void read(Getopt.Parsed parsed) {
        for (ParsedOption o : parsed.options()) {
            switch (o.key()) {
                case 'r' -> request.setting(o.value());
                case 'g' -> request.group(o.value());
                case 'a' -> request.all();
                case 'n' -> noHeaders = true;
                case 'v' -> valuesOnly = true;
                case 'm' -> showMode = true;
                case '1' -> asked = CgroupVersion.V1;
                case '2' -> asked = CgroupVersion.V2;
                case 'i' -> ignoreUnmappable = true;
                case 'o' -> output = o.value();
                default -> {
                    // -h and --debug: the runner's
                }
            }
        }
        paths.addAll(parsed.operands());
    }

    @Override
    public int run(Invocation invocation, Getopt.Parsed parsed) {
        read(parsed);
        boolean json = Outputs.isJson(output);
        if (invocation.argumentCount() == 0) {
            throw new UsageException("nothing to print; name a group, e.g. -r cpu.shares mygroup");
        }
        request.finish(paths);
        CgroupHost host = Hosts.current();
        PrintWriter out = invocation.out();
        if (showMode && !json) {
            out.print(host.mode().libcgroupModeLine() + "\n");
            out.flush();
        }
        List<GetFormat.Group> groups = new ArrayList<>();
        for (GetRequest.Entry entry : request.entries) {
            groups.add(new Reader(host, entry.name).read(entry));
        }
        if (json) {
            GetFormat.json(out, showMode ? host.mode().libcgroupModeLine() : null, groups);
        } else {
            GetFormat.text(out, groups, !noHeaders, !valuesOnly);
        }
        return ExitCodes.OK;
    }

    /** Reads one group's settings the way cgget does. */
    private final class Reader {
        private final CgroupHost host;
        private final Controllers controllers;
        private final String name;
        private final Cgroup group;

        Reader(CgroupHost host, String name) {
            this.host = host;
            this.controllers = new Controllers(host.layout());
            this.name = name;
            this.group = host.group(CgroupPath.of(name), ControllerSelection.all());
        }

        GetFormat.Group read(GetRequest.Entry entry) {
            List<Setting> settings = new ArrayList<>();
            for (Map.Entry<String, List<String>> c : expand(entry.controllers).entrySet()) {
                settings.addAll(c.getValue().isEmpty() ? listed(c.getKey()) : asked(c.getKey(), c.getValue()));
            }
            return new GetFormat.Group(name, settings);
        }

        /** Replaces -a's marker by every mounted controller not asked for already, keeping the order. */
        private Map<String, List<String>> expand(Map<String, List<String>> requested) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> c : requested.entrySet()) {
                if (c.getKey().equals(GetRequest.ALL_CONTROLLERS)) {
                    controllers.mountedNames().forEach(n -> out.putIfAbsent(n, List.of()));
                } else {
                    out.putIfAbsent(c.getKey(), c.getValue());
                }
            }
            return out;
        }

        /**
         * Every file of one controller in the kernel's directory order. libcgroup prints nothing
         * (and no error) when the controller is not mounted or the group is not in its hierarchy.
         */
        private List<Setting> listed(String controller) {
            Optional<Hierarchy> h = controllers.hierarchy(controller);
            if (h.isEmpty() || !Groups.existsIn(group, h.get())) {
                return List.of();
            }
            LinkedHashMap<String, String> files = new LinkedHashMap<>();
            for (String file : group.fileNames(h.get())) {
                if (Controllers.isFileOf(controller, file)) {
                    readListed(file).ifPresent(text -> files.put(file, text));
                }
            }
            if (asked == null || asked == h.get().version()) {
                return files.entrySet().stream().map(f -> new Setting(f.getKey(), GetFormat.plainValue(f.getValue()),
                        GetFormat.listedValue(f.getValue()))).toList();
            }
            Map<String, String> firstLines = new LinkedHashMap<>();
            files.forEach((f, text) -> firstLines.put(f, GetFormat.plainValue(text)));
            return Vocabulary.translateAll(firstLines, h.get().version(), asked, ignoreUnmappable).entrySet().stream()
                    .map(s -> new Setting(s.getKey(), s.getValue(), s.getValue())).toList();
        }

        /** A listed file's text; empty for one libcgroup cannot open (skipped), "" for one it cannot read. */
        private Optional<String> readListed(String file) {
            try {
                return Optional.of(group.read(file));
            } catch (CgroupException e) {
                Errno errno = e.errno().orElse(Errno.UNKNOWN);
                boolean cannotOpen = errno == Errno.ENOENT || errno == Errno.EACCES || errno == Errno.EPERM;
                return cannotOpen ? Optional.empty() : Optional.of("");
            }
        }

        /** Settings asked for by name; any that cannot be read fails the whole command (ECGOTHER). */
        private List<Setting> asked(String controller, List<String> names) {
            CgroupVersion disk = controllers.diskVersion(controller);
            CgroupVersion vocabulary = asked == null ? disk : asked;
            Map<String, String> raw = new HashMap<>();
            List<Setting> settings = new ArrayList<>();
            for (String setting : names) {
                Optional<Vocabulary.Read> read = Vocabulary.forRead(setting, vocabulary, disk, ignoreUnmappable);
                if (read.isEmpty()) {
                    continue;
                }
                for (String file : read.get().diskNames()) {
                    if (!raw.containsKey(file)) {
                        raw.put(file, readAsked(file));
                    }
                }
                settings.add(setting(read.get(), raw));
            }
            return settings;
        }

        private Setting setting(Vocabulary.Read read, Map<String, String> raw) {
            if (read.asked() == read.disk()) {
                String text = raw.get(read.requested());
                return new Setting(read.requested(), GetFormat.plainValue(text), GetFormat.askedValue(text));
            }
            Map<String, String> firstLines = new HashMap<>();
            raw.forEach((f, text) -> firstLines.put(f, GetFormat.plainValue(text).strip()));
            String value = Vocabulary.valueOf(read, firstLines);
            return new Setting(read.requested(), value, value);
        }

        private String readAsked(String file) {
            String controller = file.substring(0, Math.max(0, file.indexOf('.')));
            if (!controllers.isAvailable(controller)) {
                throw new ToolException(ExitCodes.OTHER, LibcgroupWords.afterName("cannot find controller '" + controller
                        + "' in group '" + name + "'"), "cannot read " + file + " of " + shown() + ": no " + controller
                        + " controller is mounted on this host (available: " + host.layout().describeAvailable() + ")", null);
            }
            try {
                return group.read(file);
            } catch (GroupNotFoundException e) {
                throw new ToolException(ExitCodes.OTHER, readFailed(Errno.ENOENT), "cannot read " + file + ": cgroup " + shown()
                        + " does not exist in the " + controller + " hierarchy; create it first (cgcreate -g " + controller + ":"
                        + name + ")", e);
            } catch (CgroupException e) {
                Errno errno = e.errno().orElse(Errno.UNKNOWN);
                if (errno == Errno.ENOENT) {
                    throw new ToolException(ExitCodes.OTHER, readFailed(errno), "cannot read " + file + ": cgroup " + shown()
                            + " has no such file; list the files it has with cgget -g " + controller + " " + name, e);
                }
                if (errno == Errno.EACCES || errno == Errno.EPERM) {
                    throw new ToolException(ExitCodes.OTHER, readFailed(errno), e.getMessage(), e);
                }
                return "";    // opened but not readable (write-only files): libcgroup prints an empty value
            }
        }

        /** cgget's words when it cannot open a file: ECGOTHER, so strerror(errno). */
        private static LibcgroupWords readFailed(Errno errno) {
            return LibcgroupWords.alone("variable file read failed " + LibcgroupWords.strerror(ExitCodes.OTHER, errno));
        }

        private String shown() {
            return name.isEmpty() ? "/" : name;
        }
    }
}
