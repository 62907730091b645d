package io.github.jcg.cli.events;

import io.github.jcg.cli.CommonOptions;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.top.Units;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.event.EventKind;
import io.github.jcg.core.event.GroupEvent;
import io.github.jcg.core.event.GroupWatcher;
import io.github.jcg.core.event.PressureTrigger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code jcg events}: what happens to groups, one line an event as it happens, from a
 * {@link GroupWatcher}: OOM kills, memory and pids limit hits, populated and empty, frozen and
 * thawed, PSI thresholds crossed, removal.
 */
@Command(name = "events", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        customSynopsis = "jcg events [OPTIONS...] [CGROUP...]",
        description = {
            "Print what happens to control groups as it happens, one line an event: the local time, the group and the "
                + "event, and for the counting kinds the rise and the kernel's total (oom_kill +1 total=3).",
            "",
            "Events: memory_low, memory_high, memory_max, oom, oom_kill, oom_group_kill (memory.events, v2); "
                + "oom_kill, memory_failcnt, under_oom (memory.oom_control and memory.failcnt, v1); pids_max (pids.events); "
                + "populated, empty, frozen, thawed (cgroup.events; on v1 populated is counted from cgroup.procs and frozen "
                + "is freezer.state); pressure (a --psi trigger fired); removed (the group is gone).",
            "",
            "The kernel notifies changes of the v2 files, and jcg waits for that (inotify); v1 files are read every "
                + "--interval. A counter that rose by several between two reads is one line with the whole rise.",
            "",
            "Runs until interrupted (Ctrl-C), until --count events were printed, or until every watched group is gone "
                + "(exit status 0). Groups made after the start are not watched.",
            ""
        })
public final class EventsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    private final List<CgroupPath> groups = new ArrayList<>();
    private boolean recursive;
    private boolean json;
    private Duration interval = GroupWatcher.DEFAULT_POLL_INTERVAL;
    private boolean notifications = true;
    private final List<PressureTrigger> triggers = new ArrayList<>();
    private Set<EventKind> kinds = EnumSet.allOf(EventKind.class);
    private long count;

    /** getopt's rule for an option given more than once: the last one counts. */
    private static <T> T last(List<T> values) {
        return values.get(values.size() - 1);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    @Parameters(arity = "0..*", paramLabel = "CGROUP", description = "The groups to watch (default: every group, as -r /).")
    void groups(List<String> paths) {
        groups.clear();
        if (paths != null) {
            paths.forEach(p -> groups.add(CgroupPath.of(p)));
        }
    }

    @Option(names = {"-r", "--recursive"}, order = 1, description = "Watch every group below each CGROUP too, as they are when jcg starts.")
    void recursive(boolean[] on) {
        recursive = on != null && on.length > 0;
    }

    @Option(names = {"-o", "--output"}, order = 2, paramLabel = "FORMAT", description = "text (default), or json: one JSON object a line.")
    void output(List<String> values) {
        if (values == null || values.isEmpty()) {
            return; // picocli resets the option before parsing
        }
        String value = last(values);
        if (!value.equals("text") && !value.equals("json")) {
            throw usage("unknown output format '" + value + "'; use text or json");
        }
        json = value.equals("json");
    }

    @Option(names = {"-e", "--events"}, order = 3, paramLabel = "LIST",
            description = "Only these events, comma-separated (oom_kill,empty); default all. removed is always printed.")
    void events(List<String> values) {
        if (values == null || values.isEmpty()) {
            return; // picocli resets the option before parsing
        }
        Map<String, EventKind> byName = new LinkedHashMap<>();
        for (EventKind k : EventKind.values()) {
            byName.put(EventLines.name(k), k);
        }
        Set<EventKind> wanted = EnumSet.noneOf(EventKind.class);
        for (String name : last(values).split(",")) {
            EventKind k = byName.get(name.strip().toLowerCase(Locale.ROOT));
            if (k == null) {
                throw usage("unknown event '" + name.strip() + "'; use " + String.join(", ", byName.keySet()));
            }
            wanted.add(k);
        }
        kinds = wanted;
    }

    @Option(names = {"-i", "--interval"}, order = 4, paramLabel = "DURATION",
            description = "How often to read the files the kernel does not notify (v1): 100ms (default), 1s …")
    void interval(List<String> values) {
        if (values == null || values.isEmpty()) {
            return; // picocli resets the option before parsing
        }
        String value = last(values);
        long micros;
        try {
            micros = Units.parseDelayMicros(value);
        } catch (IllegalArgumentException e) {
            throw usage("--interval '" + value + "' is not a duration (100ms, 1s): " + e.getMessage());
        }
        if (micros < 1_000) {
            throw usage("--interval '" + value + "' is too short; use 1ms or more");
        }
        interval = Duration.ofNanos(micros * 1_000);
    }

    @Option(names = "--poll", order = 5, description = "Read every group each --interval instead of waiting for the kernel's notifications.")
    void poll(boolean[] on) {
        notifications = on == null || on.length == 0;
    }

    @Option(names = "--psi", order = 6, paramLabel = "TRIGGER",
            description = "Print 'pressure' when the group's tasks stalled this long within the window: "
                + PressureSpecs.SYNTAX + ". The window must be 500ms to 10s (a multiple of 2s without CAP_SYS_RESOURCE). "
                + "Repeatable.")
    void psi(List<String> values) {
        triggers.clear();
        if (values == null) {
            return;
        }
        for (String v : values) {
            try {
                triggers.add(PressureSpecs.parse(v));
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
    }

    @Option(names = {"-n", "--count"}, order = 7, paramLabel = "N", description = "Exit after N events.")
    void count(List<Long> values) {
        if (values == null || values.isEmpty()) {
            return; // picocli resets the option before parsing
        }
        long n = last(values);
        if (n < 1) {
            throw usage("--count must be at least 1 (got " + n + ")");
        }
        count = n;
    }

    @Override
    public Integer call() throws InterruptedException {
        CgroupHost host = Hosts.current();
        PrintWriter out = spec.commandLine().getOut();
        GroupWatcher.Builder builder = GroupWatcher.builder(host).kinds(kinds).pollInterval(interval).notifications(notifications);
        watched(host).forEach(builder::watch);
        triggers.forEach(builder::pressure);
        EventLines lines = new EventLines(out, json, ZoneId.systemDefault());
        try (GroupWatcher watcher = builder.open()) {
            long printed = 0;
            for (Optional<GroupEvent> e = watcher.next(); e.isPresent(); e = watcher.next()) {
                lines.print(e.get());
                if (++printed == count) {
                    break;
                }
            }
        }
        return 0;
    }

    /**
     * The groups named, with their subtrees under -r; without a name, every group. A group that
     * does not exist is left to the watcher, which refuses it naming it.
     */
    private List<Cgroup> watched(CgroupHost host) {
        List<CgroupPath> named = groups.isEmpty() ? List.of(CgroupPath.root()) : groups;
        boolean subtrees = groups.isEmpty() || recursive;
        List<Cgroup> out = new ArrayList<>();
        for (CgroupPath p : named) {
            Cgroup g = host.group(p, ControllerSelection.all());
            out.addAll(subtrees ? g.subtree() : List.of(g));
        }
        return out;
    }
}
