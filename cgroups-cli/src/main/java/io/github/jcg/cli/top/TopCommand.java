package io.github.jcg.cli.top;

import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.CommonOptions;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.GroupNotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code jcg top}: systemd-cgtop's view of the groups and what they use, plus the limits
 * they run under and how often they are throttled.
 */
@Command(name = "top", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        customSynopsis = "jcg top [OPTIONS...] [CGROUP]",
        description = {
            "Show the control groups by their resource usage, as systemd-cgtop does, with the limits they run under.",
            "",
            "Columns as systemd-cgtop: Control Group, Tasks, %%CPU (100 = one CPU; '-' on the first refresh, which has "
                + "no interval yet), Memory, Input/s, Output/s. jcg's limit columns follow them: CPULim (CPU quota in cores), "
                + "Thr%% (throttled share of the CFS periods in the interval), Thr/s (time throttled per second), MemLim and "
                + "Mem%% (memory in use as a share of the limit). '-' means the host cannot tell (no controller, no second "
                + "sample yet, no limit set, a counter that went backwards), never a made-up number. --oom-kills and "
                + "--pressure add the OOM column and the PSIcpu, PSImem and PSIio columns after those.",
            "",
            "Batch output (-b, or output that is not a terminal) is systemd-cgtop's, byte for byte in layout: no header, "
                + "the path column as wide as the longest path, one block per refresh separated by a blank line. The limit "
                + "columns appear there only with --limits, after systemd-cgtop's six, so a script written for "
                + "systemd-cgtop's batch output reads jcg's default output unchanged. The live view shows them when they fit.",
            "",
            "Keys in the live view: p t c m i sort by path, tasks, CPU, memory, IO; %% CPU as time or percentage; "
                + "+ - change the refresh interval; space refresh now; l limit columns on or off; o OOM column, "
                + "s pressure columns on or off; P k count processes; r recursive process counts; h help; q quit.",
            ""
        })
public final class TopCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;


    @Mixin
    CommonOptions common;

    private final TopSettings settings = new TopSettings();
    private String output = "text";

    /** getopt's rule for an option given more than once: the last one counts. */
    private static <T> T last(List<T> values) {
        return values.get(values.size() - 1);
    }

    /** For tests: the settings the options made. */
    TopSettings settings() {
        return settings;
    }

    @Option(names = {"-d", "--delay"}, order = 1, paramLabel = "DELAY", description = "Delay between refreshes: seconds (0.5) or with units (500ms, 2s). Default 1s.")
    void delay(List<String> values) {
        if (values == null || values.isEmpty()) {
            return; // picocli resets the option before parsing
        }
        String value = last(values);
        long micros;
        try {
            micros = Units.parseDelayMicros(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Failed to parse delay parameter '" + value + "': " + e.getMessage());
        }
        if (micros <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid delay parameter '" + value + "'");
        }
        settings.delayMicros = micros;
    }

    @Option(names = {"-n", "--iterations"}, order = 2, paramLabel = "N", description = "Refresh N times, then exit (default: until q on a terminal, once otherwise).")
    void iterations(List<Integer> values) {
        if (values == null || values.isEmpty()) {
            return; // picocli resets the option before parsing
        }
        int n = last(values);
        if (n < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Failed to parse iterations parameter '" + n + "'");
        }
        settings.iterations = n;
    }

    @Option(names = "-1", order = 3, description = "Shortcut for --iterations=1.")
    void once(boolean[] on) {
        if (on == null || on.length == 0) {
            return;
        }
        settings.iterations = 1;
    }

    @Option(names = {"-b", "--batch"}, order = 4, description = "Batch mode: print lines, read no keys.")
    void batch(boolean[] on) {
        if (on == null || on.length == 0) {
            return;
        }
        settings.batch = true;
    }

    @Option(names = {"-r", "--raw"}, order = 5, description = "Raw numbers: bytes and microseconds, not 1.5G and 2min 3s.")
    void raw(boolean[] on) {
        if (on == null || on.length == 0) {
            return;
        }
        settings.raw = true;
    }

    @Option(names = "--depth", order = 6, paramLabel = "DEPTH", description = "How many levels below the root group to show (default 3).")
    void depth(List<Integer> values) {
        if (values == null || values.isEmpty()) {
            return; // picocli resets the option before parsing
        }
        int d = last(values);
        if (d < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Failed to parse depth parameter '" + d + "'");
        }
        settings.depth = d;
    }

    @Option(names = "-p", order = 7, description = "Order by path.")
    void orderPath(boolean[] on) {
        if (on == null || on.length == 0) {
            return;
        }
        settings.order = Order.PATH;
    }

    @Option(names = "-t", order = 8, description = "Order by number of tasks/processes.")
    void orderTasks(boolean[] on) {
        if (on == null || on.length == 0) {
            return;
        }
        settings.order = Order.TASKS;
    }

    @Option(names = "-c", order = 9, description = "Order by CPU load (default).")
    void orderCpu(boolean[] on) {
        if (on == null || on.length == 0) {
            return;
        }
        settings.order = Order.CPU;
    }

    @Option(names = "-m", order = 10, description = "Order by memory load.")
    void orderMemory(boolean[] on) {
        if (on == null || on.length == 0) {
            return;
        }
        settings.order = Order.MEMORY;
    }

    @Option(names = "-i", order = 11, description = "Order by IO load.")
    void orderIo(boolean[] on) {
        if (on == null || on.length == 0) {
            return;
        }
        settings.order = Order.IO;
    }

    @Option(names = "--order", order = 12, paramLabel = "ORDER", description = "Order by path, tasks, cpu, memory or io.")
    void order(List<String> values) {
        if (values == null || values.isEmpty()) {
            return; // picocli resets the option before parsing
        }
        String value = last(values);
        try {
            settings.order = Order.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Option(names = "--cpu", order = 13, paramLabel = "TYPE", arity = "0..1", fallbackValue = "time",
            description = "Show CPU usage as percentage (default) or time (--cpu alone means time).")
    void cpu(List<String> values) {
        if (values == null || values.isEmpty()) {
            return; // picocli resets the option before parsing
        }
        String value = last(values);
        try {
            settings.cpu = CpuDisplay.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Option(names = "-P", order = 14, description = "Count processes instead of tasks (cgroup.procs, summed over the subtree shown). Unlike systemd-cgtop, kernel threads are not left out.")
    void countProcesses(boolean[] on) {
        if (on == null || on.length == 0) {
            return;
        }
        settings.counting = TaskCounting.USERSPACE_PROCESSES;
    }

    @Option(names = "-k", order = 15, description = "Count all processes instead of tasks, kernel threads included (the header says Proc+).")
    void countAll(boolean[] on) {
        if (on == null || on.length == 0) {
            return;
        }
        settings.counting = TaskCounting.ALL_PROCESSES;
    }

    @Option(names = "--recursive", order = 16, paramLabel = "BOOL", description = "Sum process counts over each group's subtree (default yes; only with -P or -k).")
    void recursive(List<String> values) {
        if (values == null || values.isEmpty()) {
            return; // picocli resets the option before parsing
        }
        String value = last(values);
        settings.recursive = switch (value) {
            case "1", "yes", "y", "true", "t", "on" -> true;
            case "0", "no", "n", "false", "f", "off" -> false;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "Failed to parse --recursive= argument '" + value + "'");
        };
    }

    @Option(names = {"-L", "--limits"}, order = 17, description = "Batch output: add the limit columns (CPULim, Thr%%, Thr/s, MemLim, Mem%%) after systemd-cgtop's.")
    void limits(boolean[] on) {
        if (on == null || on.length == 0) {
            return;
        }
        settings.limits = true;
    }

    @Option(names = "--oom-kills", order = 18, description = "Add the OOM column: processes of the group the OOM killer killed "
            + "so far (memory.events oom_kill on v2, memory.oom_control on v1). Off by default, as systemd-cgtop has none.")
    void oomKills(boolean[] on) {
        if (on == null || on.length == 0) {
            return;
        }
        settings.oomKills = true;
    }

    @Option(names = "--pressure", order = 19, description = "Add the pressure columns PSIcpu, PSImem, PSIio: the share of "
            + "the last 10 s in which some task of the group stalled on CPU, memory or IO, in percent (some avg10 of "
            + "cpu.pressure, memory.pressure, io.pressure; a v2 mount is needed). Off by default.")
    void pressure(boolean[] on) {
        if (on == null || on.length == 0) {
            return;
        }
        settings.pressure = true;
    }

    @Option(names = {"-o", "--output"}, order = 20, paramLabel = "FORMAT", description = "text (default), or json: one JSON object per refresh, limits included (OOM kills and pressure with their options).")
    void output(List<String> values) {
        if (values == null || values.isEmpty()) {
            return; // picocli resets the option before parsing
        }
        String value = last(values);
        if (!value.equals("text") && !value.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown output format '" + value + "'; use text or json");
        }
        output = value;
    }

    @Parameters(arity = "0..1", paramLabel = "CGROUP", description = "The group to show the subtree of (default: the root group).")
    void root(String path) {
        settings.root = CgroupPath.of(path);
    }

    @Override
    public Integer call() throws Exception {
        if (!settings.recursive && !settings.counting.countsProcesses()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Non-recursive counting is only supported when counting processes, not tasks. Use -P or -k.");
        }
        settings.json = output.equals("json");
        PrintWriter out = spec.commandLine().getOut();
        CgroupHost host = Hosts.current();
        boolean stdoutTerminal = Tty.stdoutIsTerminal();
        if (settings.iterations < 0) {
            settings.iterations = stdoutTerminal ? 0 : 1;
        }
        if (!settings.batch && !settings.json && stdoutTerminal && Tty.stdinIsTerminal()) {
            boolean limitsAsked = settings.limits;
            Integer status = LiveView.run(host, settings);
            if (status != null) {
                return status;
            }
            // no usable terminal after all: fall through to lines
            settings.limits = limitsAsked;
        }
        return lines(host, out, stdoutTerminal);
    }

    /** Batch and JSON output: refresh, print, sleep, as systemd-cgtop's loop. */
    private int lines(CgroupHost host, PrintWriter out, boolean terminal) throws InterruptedException {
        if (settings.json) {
            settings.limits = true;
        }
        Source source = Source.forSettings(host.layout(), settings, settings.limits);
        BatchOutput batch = new BatchOutput(out, terminal);
        JsonOutput json = new JsonOutput(out, host.layout().mode().name().toLowerCase(java.util.Locale.ROOT), Runtime.getRuntime().availableProcessors());
        Source.Pass previous = null;
        for (int iteration = 1; ; iteration++) {
            long started = System.nanoTime();
            Source.Pass current = source.sample();
            if (iteration == 1 && current.groupCount() == 0) {
                throw new GroupNotFoundException(settings.root.toString(), "any hierarchy jcg top reads");
            }
            List<GroupRow> rows = RowOrder.sort(source.rows(previous, current, settings.counting, settings.recursive),
                    settings.order, settings.cpu, settings.parentsFirst());
            boolean last = settings.iterations > 0 && iteration >= settings.iterations;
            if (settings.json) {
                json.print(rows, settings, iteration, previous == null ? OptionalDouble.empty()
                        : OptionalDouble.of((current.monotonicNanos() - previous.monotonicNanos()) / 1e9));
            } else {
                int columns = terminal ? TerminalSize.columns() : 80;
                int lines = terminal ? TerminalSize.lines() : 24;
                batch.print(rows, settings, columns, lines, last || terminal);
            }
            if (last) {
                return 0;
            }
            previous = current;
            long wait = TimeUnit.MICROSECONDS.toNanos(settings.delayMicros) - (System.nanoTime() - started);
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }
}
