package io.github.jcg.core.event;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerNotAvailableException;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.GroupNotFoundException;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.sample.Metric;
import io.github.jcg.core.sample.MetricFamily;
import io.github.jcg.core.sample.UsageReader;
import io.github.jcg.core.sample.UsageSnapshot;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Watches groups for what the kernel counts happening to them (OOM kills, memory limit hits,
 * refused forks), for their state changing (populated, empty, frozen, thawed) and for PSI
 * triggers firing, and delivers each as a {@link GroupEvent}.
 *
 * <p>Events are changes between snapshots ({@link UsageReader}, the engine of
 * {@link Cgroup#usage(Set)}): the watcher reads a group's event files again when the kernel
 * says they changed, and diffs the new snapshot against the last. The kernel says so through
 * inotify for the files of a v2 hierarchy ({@code cgroup.events}, {@code memory.events},
 * {@code pids.events}), which the watcher waits for with the JDK's {@code WatchService}; the
 * v1 files ({@code memory.oom_control}, {@code memory.failcnt}, v1 {@code pids.events}) raise
 * no notification, so a group with any of those is read every poll interval (100 ms unless
 * set). Every group is also checked for removal each interval: cgroupfs does not notify a
 * removal. PSI triggers need {@code poll(2)}: with one asked for, the watcher waits in a native
 * {@code poll} through jnr-ffi instead, on the triggers, an inotify descriptor and its own
 * wake-up descriptor.
 *
 * <p>Delivery is in the caller's thread: the watcher has no thread of its own. Take events one
 * by one ({@link #next()}, {@link #next(Duration)}), iterate or stream them (both block), or
 * hand a listener to {@link #run(Consumer)}. Per group, events come in the order they happened;
 * none are lost: a counter's rise between two reads is one event carrying the rise as its
 * {@link GroupEvent#delta()} (see {@link GroupEvent}). Delivery ends when the watcher is closed
 * or every watched group has been removed (each after its {@link EventKind#REMOVED} event).
 *
 * <p>One thread takes events at a time; {@link #close()} may be called from any thread and
 * makes a waiting {@link #next()} return empty.
 *
 * <pre>{@code
 * try (GroupWatcher watcher = GroupWatcher.builder(host).watch(group).open()) {
 *     watcher.run(event -> System.out.println(event.kind() + " " + event.group()));
 * }
 * }</pre>
 */
public final class GroupWatcher implements AutoCloseable, Iterable<GroupEvent> {
    /** How often groups whose files do not notify are read, unless {@link Builder#pollInterval} says otherwise. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

    private final HostLayout layout;
    private final Set<EventKind> kinds;
    private final long intervalNanos;
    private final Clock clock;
    /** Reads the families the kinds need; null when no kind needs a snapshot (triggers only). */
    private final UsageReader reader;
    /** Reads PSI totals when a trigger fires; null without triggers. */
    private final UsageReader pressureReader;
    private final Waker waker;
    private final List<Watched> groups = new ArrayList<>();
    private final List<CgroupPath> live = new CopyOnWriteArrayList<>();
    private final ArrayDeque<GroupEvent> pending = new ArrayDeque<>();
    private final ReentrantLock consumer = new ReentrantLock();
    private final Waker.Woken woken = new Waker.Woken();
    private volatile boolean closed;
    private boolean released;
    private long nextPoll;

    /** One watched group and what the watcher knows of it. */
    private static final class Watched {
        final int number;
        final Cgroup cgroup;
        final CgroupPath path;
        /** Its directories, in the hierarchies it exists in when the watch began. */
        final List<Path> dirs;
        final UsageReader.GroupHandles handles;
        final UsageReader.GroupHandles pressureHandles;
        final List<PressureTrigger> triggers;
        /** Per trigger, its total stall at the last read, µs; -1 when not known. */
        final long[] pressureTotals;
        /** Read every interval: some wanted file of it does not notify. */
        boolean polled;
        /** populated comes from cgroup.procs (the group is in no v2 hierarchy to have cgroup.events). */
        boolean populatedFromProcs;
        boolean removed;
        UsageSnapshot last;

        Watched(int number, Cgroup cgroup, List<Path> dirs, UsageReader reader, UsageReader pressureReader,
                List<PressureTrigger> triggers) {
            this.number = number;
            this.cgroup = cgroup;
            this.path = cgroup.path();
            this.dirs = dirs;
            this.handles = reader == null ? null : reader.handlesOf(path);
            this.pressureHandles = pressureReader == null ? null : pressureReader.handlesOf(path);
            this.triggers = triggers;
            this.pressureTotals = new long[triggers.size()];
        }
    }

    private GroupWatcher(Builder b) {
        this.layout = b.host.layout();
        this.kinds = b.kinds.isEmpty() ? EnumSet.noneOf(EventKind.class) : EnumSet.copyOf(b.kinds);
        this.intervalNanos = b.pollInterval.toNanos();
        this.clock = b.clock;
        Set<MetricFamily> families = EventKind.familiesFor(kinds);
        this.reader = families.isEmpty() ? null : new UsageReader(layout, families);
        this.pressureReader = b.triggers.isEmpty() ? null : new UsageReader(layout, EnumSet.of(MetricFamily.PSI));
        this.waker = wakerFor(b);
        try {
            int number = 0;
            for (Cgroup g : b.groups.values()) {
                groups.add(start(number++, g, b));
            }
            // baselines after the watches: a change from here on raises a notification
            for (Watched g : groups) {
                g.last = read(g);
                for (int i = 0; i < g.triggers.size(); i++) {
                    g.pressureTotals[i] = pressureTotal(g, g.triggers.get(i));
                }
                live.add(g.path);
            }
            nextPoll = System.nanoTime() + intervalNanos;
        } catch (RuntimeException e) {
            waker.close();
            throw e;
        }
    }

    private static Waker wakerFor(Builder b) {
        if (!b.triggers.isEmpty()) {
            return new NativeWaker();
        }
        WatchServiceWaker service = b.notifications ? WatchServiceWaker.open() : null;
        return service != null ? service : new SleepWaker();
    }

    /** Checks the group is there, asks for its notifications and sets its triggers. */
    private Watched start(int number, Cgroup cgroup, Builder b) {
        List<Path> dirs = new ArrayList<>();
        for (Hierarchy h : cgroup.hierarchies()) {
            Path dir = cgroup.directory(h);
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                dirs.add(dir);
            }
        }
        if (dirs.isEmpty()) {
            throw new GroupNotFoundException(cgroup.path().toString(), "any hierarchy of this host");
        }
        Watched g = new Watched(number, cgroup, dirs, reader, pressureReader, b.triggers);
        Optional<Path> v2 = layout.unified().map(cgroup::directory).filter(dirs::contains);
        boolean notified = b.notifications && v2.isPresent() && waker.watch(number, v2.get());
        g.populatedFromProcs = v2.isEmpty() && (kinds.contains(EventKind.POPULATED) || kinds.contains(EventKind.EMPTY));
        boolean v2Unwatched = v2.isPresent() && !notified;
        g.polled = g.populatedFromProcs || kinds.stream().map(EventKind::metric).flatMap(Optional::stream)
                .anyMatch(m -> polled(m, cgroup, v2Unwatched));
        for (int i = 0; i < b.triggers.size(); i++) {
            PressureTrigger t = b.triggers.get(i);
            Path file = pressureFile(cgroup, v2, t);
            waker.trigger(number, i, file, t);
        }
        return g;
    }

    /**
     * Whether a metric must be polled for this group: it comes from a v1 file the group has
     * (v1 files raise no notification), or from its v2 directory when that is not watched.
     * Where the metric comes from is the sampler's rule: the controller's hierarchy, and for
     * frozen the v1 freezer where the group is in one, else {@code cgroup.events}.
     */
    private boolean polled(Metric metric, Cgroup cgroup, boolean v2Unwatched) {
        Optional<Hierarchy> v1 = switch (metric) {
            case POPULATED -> Optional.empty();
            case FROZEN -> layout.hierarchyOf(Controller.FREEZER);
            case PIDS_EVENTS_MAX -> layout.hierarchyOf(Controller.PIDS);
            default -> layout.hierarchyOf(Controller.MEMORY);
        };
        v1 = v1.filter(h -> h.version() == CgroupVersion.V1);
        if (v1.isPresent() && Files.isDirectory(cgroup.directory(v1.get()), LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        // from the group's v2 directory, if anywhere: polled when that is not watched. Memory and
        // pids on v1 where the group is not, are read nowhere: nothing to poll.
        boolean fromV1Only = metric != Metric.POPULATED && metric != Metric.FROZEN && v1.isPresent();
        return !fromV1Only && v2Unwatched;
    }

    private Path pressureFile(Cgroup cgroup, Optional<Path> v2, PressureTrigger t) {
        if (v2.isEmpty()) {
            throw new ControllerNotAvailableException("cannot set the PSI trigger " + t + " on cgroup " + cgroup.path()
                    + ": PSI is measured on the cgroup v2 hierarchy, and the group is not there"
                    + layout.unified().map(h -> " (" + h.mountPoint() + "; create it there too)").orElse(" (this host has none)"));
        }
        Path file = v2.get().resolve(t.resource().file());
        if (!Files.exists(file)) {
            throw new ControllerNotAvailableException("cannot set the PSI trigger " + t + " on cgroup " + cgroup.path()
                    + ": " + file + " does not exist (PSI needs a kernel built with CONFIG_PSI and not booted with psi=0)");
        }
        return file;
    }

    /**
     * A watcher to be set up: say which groups, then {@link Builder#open()}.
     *
     * @param host the host the groups are on
     * @return a builder watching nothing yet, for every kind of event
     */
    public static Builder builder(CgroupHost host) {
        return new Builder(host);
    }

    // ---------------------------------------------------------------- delivery

    /**
     * The next event, waiting as long as it takes.
     *
     * @return the event; empty once the watcher is closed or every watched group is gone
     * @throws InterruptedException when the thread is interrupted while waiting
     * @throws CgroupException      when reading a group fails otherwise than by its removal
     */
    public Optional<GroupEvent> next() throws InterruptedException {
        return Optional.ofNullable(nextEvent(-1));
    }

    /**
     * The next event, waiting at most {@code timeout}.
     *
     * @param timeout the most to wait; zero only takes what has already happened
     * @return the event; empty when the timeout passed, and once the watcher is closed or every
     *         watched group is gone ({@link #isDone()} tells these apart)
     * @throws InterruptedException when the thread is interrupted while waiting
     * @throws CgroupException      when reading a group fails otherwise than by its removal
     */
    public Optional<GroupEvent> next(Duration timeout) throws InterruptedException {
        long nanos = timeout.isNegative() ? 0 : saturatedNanos(timeout);
        return Optional.ofNullable(nextEvent(nanos));
    }

    /**
     * Calls {@code listener} with each event, in this thread, until the watcher is closed (by the
     * listener too) or every watched group is gone.
     *
     * @param listener what to do with an event; an exception from it ends the run and is rethrown
     * @throws InterruptedException when the thread is interrupted while waiting
     * @throws CgroupException      when reading a group fails otherwise than by its removal
     */
    public void run(Consumer<? super GroupEvent> listener) throws InterruptedException {
        for (GroupEvent e = nextEvent(-1); e != null; e = nextEvent(-1)) {
            listener.accept(e);
        }
    }

    /**
     * The events as they happen, blocking on each {@code hasNext()}; the iteration ends when the
     * watcher is closed, every group is gone, or the thread is interrupted (its interrupt flag
     * set again).
     *
     * @return a blocking iterator, for one thread
     */
    @Override
    public Iterator<GroupEvent> iterator() {
        return new Iterator<>() {
            private GroupEvent ahead;
            private boolean ended;

            @Override
            public boolean hasNext() {
                if (ahead == null && !ended) {
                    try {
                        ahead = nextEvent(-1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ended = ahead == null;
                }
                return ahead != null;
            }

            @Override
            public GroupEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the watcher is closed or its groups are gone");
                }
                GroupEvent e = ahead;
                ahead = null;
                return e;
            }
        };
    }

    /**
     * The events as a sequential stream over {@link #iterator()}: it blocks for each element and
     * ends as the iteration does.
     *
     * @return an ordered stream, for one thread
     */
    public Stream<GroupEvent> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * The groups still watched: each until its {@link EventKind#REMOVED} event.
     *
     * @return their paths, in the order they were given; safe to call from any thread
     */
    public List<CgroupPath> groups() {
        return List.copyOf(live);
    }

    /**
     * The watched groups read every poll interval because some file their events come from
     * raises no notification (v1 files, a group only on v1 hierarchies), or because
     * notifications are off. The others are read when the kernel notifies a change.
     *
     * @return their paths, in the order they were given
     */
    public List<CgroupPath> polledGroups() {
        return groups.stream().filter(g -> g.polled).map(g -> g.path).toList();
    }

    /**
     * Whether no event will come any more: the watcher is closed, or every group is gone and
     * its last event taken. For the thread that takes the events.
     *
     * @return true once {@link #next()} returns empty for good
     */
    public boolean isDone() {
        return closed || live.isEmpty() && pending.isEmpty();
    }

    /**
     * Stops watching and releases the notifications, triggers and descriptors; a
     * {@link #next()} waiting in another thread returns empty. Safe to call more than once and
     * from any thread.
     */
    @Override
    public void close() {
        closed = true;
        waker.wakeUp();
        consumer.lock();
        try {
            if (!released) {
                released = true;
                waker.close();
            }
        } finally {
            consumer.unlock();
        }
    }

    // ---------------------------------------------------------------- the loop

    /** The next event or null (closed, all gone, or the timeout passed); negative timeout: none. */
    private GroupEvent nextEvent(long timeoutNanos) throws InterruptedException {
        long start = System.nanoTime();
        consumer.lockInterruptibly();
        try {
            while (pending.isEmpty()) {
                if (closed || live.isEmpty()) {
                    return null;
                }
                long now = System.nanoTime();
                if (now - nextPoll >= 0) {
                    pollPass();
                    nextPoll = now + intervalNanos;
                    continue;
                }
                long wait = nextPoll - now;
                if (timeoutNanos >= 0) {
                    long left = timeoutNanos - (now - start);
                    if (left <= 0) {
                        return null;
                    }
                    wait = Math.min(wait, left);
                }
                woken.clear();
                waker.await(wait, woken);
                if (!closed) {
                    handle(woken);
                }
            }
            return closed ? null : pending.poll();
        } finally {
            consumer.unlock();
        }
    }

    /** Reads the groups that need polling; checks that the others still exist. */
    private void pollPass() {
        for (Watched g : groups) {
            if (g.removed) {
                continue;
            }
            if (g.polled) {
                refresh(g);
            } else if (!exists(g)) {
                removed(g);
            }
        }
    }

    private void handle(Waker.Woken w) {
        for (Watched g : groups) {
            if (!g.removed && (w.all || w.groups.get(g.number))) {
                refresh(g);
            }
        }
        for (int[] t : w.triggers) {
            Watched g = groups.get(t[0]);
            if (!g.removed) {
                fired(g, t[1]);
            }
        }
    }

    /** Reads a group again and queues what changed since its last read. */
    private void refresh(Watched g) {
        UsageSnapshot now = read(g);
        if (now == null) {
            // nothing readable: gone, or (kept) a group whose event files are all missing
            if (!exists(g)) {
                removed(g);
            }
            return;
        }
        if (g.last != null) {
            EventDiff.between(g.last, now, kinds, clock.instant(), pending);
            now = withMissingFrom(g.last, now);
        }
        g.last = now;
    }

    /**
     * {@code now}, with the values of {@code last} it lacks carried over: a file that could not
     * be read once (a group being removed, a file being rewritten on a test's fake tree) must
     * not make the next read a new baseline, or a change in between would be lost.
     */
    private static UsageSnapshot withMissingFrom(UsageSnapshot last, UsageSnapshot now) {
        boolean complete = true;
        for (Metric m : Metric.values()) {
            if (last.has(m) && !now.has(m)) {
                complete = false;
                break;
            }
        }
        if (complete) {
            return now;
        }
        UsageSnapshot.Builder b = copy(now);
        for (Metric m : Metric.values()) {
            if (last.has(m) && !now.has(m)) {
                put(b, last, m);
            }
        }
        return b.build();
    }

    private static UsageSnapshot.Builder copy(UsageSnapshot s) {
        UsageSnapshot.Builder b = UsageSnapshot.builder(s.path(), s.monotonicNanos());
        for (Metric m : Metric.values()) {
            if (s.has(m)) {
                put(b, s, m);
            }
        }
        return b;
    }

    private static void put(UsageSnapshot.Builder b, UsageSnapshot from, Metric m) {
        if (from.isUnlimited(m)) {
            b.unlimited(m);
        } else {
            b.put(m, from.getAsLong(m));
        }
    }

    private void fired(Watched g, int number) {
        PressureTrigger t = g.triggers.get(number);
        long total = pressureTotal(g, t);
        long before = g.pressureTotals[number];
        g.pressureTotals[number] = total;
        long value = Math.max(total, 0);
        long delta = total >= 0 && before >= 0 && total >= before ? total - before : 0;
        pending.add(new GroupEvent(g.path, EventKind.PRESSURE, value, delta, clock.instant(), System.nanoTime(),
                Optional.of(t)));
    }

    private long pressureTotal(Watched g, PressureTrigger t) {
        UsageSnapshot s = pressureReader.read(g.path, g.pressureHandles);
        return s != null && s.has(t.totalMetric()) ? s.getAsLong(t.totalMetric()) : -1;
    }

    private void removed(Watched g) {
        g.removed = true;
        waker.forget(g.number);
        live.remove(g.path);
        pending.add(GroupEvent.of(g.path, EventKind.REMOVED, 0, 0, clock.instant(), System.nanoTime()));
    }

    private static boolean exists(Watched g) {
        for (Path dir : g.dirs) {
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A snapshot of the group's event metrics; on a group in no v2 hierarchy, populated is
     * counted from its and its descendants' {@code cgroup.procs} ({@link Cgroup#isPopulated()}).
     */
    private UsageSnapshot read(Watched g) {
        UsageSnapshot s = reader == null ? null : reader.read(g.path, g.handles);
        if (!g.populatedFromProcs) {
            return s;
        }
        boolean populated;
        try {
            populated = g.cgroup.isPopulated();
        } catch (CgroupException e) {
            return s; // removed while its subtree was walked: the next read tells
        }
        if (!exists(g)) {
            return null;
        }
        UsageSnapshot.Builder b = s != null ? copy(s) : UsageSnapshot.builder(g.path, System.nanoTime());
        return b.put(Metric.POPULATED, populated ? 1 : 0).build();
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    // ---------------------------------------------------------------- set-up

    /** What to watch, and how; {@link #open()} starts watching. */
    public static final class Builder {
        private final CgroupHost host;
        private final Map<CgroupPath, Cgroup> groups = new LinkedHashMap<>();
        private final List<PressureTrigger> triggers = new ArrayList<>();
        private Set<EventKind> kinds = EnumSet.allOf(EventKind.class);
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private boolean notifications = true;
        private Clock clock = Clock.systemUTC();

        private Builder(CgroupHost host) {
            this.host = Objects.requireNonNull(host, "host");
        }

        /**
         * Watches a group. It is read in every hierarchy of the host it exists in, whatever
         * the handle's selection; a group given twice is watched once.
         *
         * @param group the group
         * @return this builder
         */
        public Builder watch(Cgroup group) {
            groups.putIfAbsent(group.path(), group);
            return this;
        }

        /**
         * Watches a group by path.
         *
         * @param path the group's path
         * @return this builder
         */
        public Builder watch(CgroupPath path) {
            return watch(host.group(path, ControllerSelection.all()));
        }

        /**
         * Watches groups.
         *
         * @param more the groups
         * @return this builder
         */
        public Builder watchAll(Collection<Cgroup> more) {
            more.forEach(this::watch);
            return this;
        }

        /**
         * Which kinds to deliver (all unless told). Only the files they come from are read.
         * {@link EventKind#REMOVED} comes whatever is asked; {@link EventKind#PRESSURE} comes
         * from the triggers ({@link #pressure}).
         *
         * @param wanted the kinds
         * @return this builder
         */
        public Builder kinds(Set<EventKind> wanted) {
            this.kinds = EnumSet.noneOf(EventKind.class);
            this.kinds.addAll(wanted);
            return this;
        }

        /**
         * How often to read the groups whose files raise no notification (v1 files), and to
         * check every group is still there.
         *
         * @param interval at least 1 ms; {@link #DEFAULT_POLL_INTERVAL} unless told
         * @return this builder
         * @throws InvalidValueException when the interval is under 1 ms
         */
        public Builder pollInterval(Duration interval) {
            if (interval.compareTo(Duration.ofMillis(1)) < 0) {
                throw new InvalidValueException("poll interval", interval.toMillis() + "ms", "must be at least 1ms");
            }
            this.pollInterval = interval;
            return this;
        }

        /**
         * Whether to wait for the kernel's inotify notifications where files raise them (the
         * default); without, every group is polled. For comparing the two, and for file systems
         * whose notifications cannot be trusted. PSI triggers are waited for either way.
         *
         * @param on false to poll only
         * @return this builder
         */
        public Builder notifications(boolean on) {
            this.notifications = on;
            return this;
        }

        /**
         * Sets a PSI trigger on every watched group; each time it fires comes a
         * {@link EventKind#PRESSURE} event. Triggers need jnr-ffi (loaded only then) and the
         * groups on the v2 hierarchy.
         *
         * @param trigger the trigger
         * @return this builder
         */
        public Builder pressure(PressureTrigger trigger) {
            triggers.add(Objects.requireNonNull(trigger, "trigger"));
            return this;
        }

        /**
         * The clock events' wall-clock times come from (the system's UTC clock unless told).
         *
         * @param wallClock the clock
         * @return this builder
         */
        public Builder clock(Clock wallClock) {
            this.clock = Objects.requireNonNull(wallClock, "wallClock");
            return this;
        }

        /**
         * Starts watching: asks for the notifications, sets the triggers and reads each group
         * once, the baseline later reads are compared with (what happened before is no event).
         *
         * @return the watcher; close it
         * @throws IllegalStateException           when no group was given
         * @throws GroupNotFoundException          when a group exists in no hierarchy of the host
         * @throws ControllerNotAvailableException when a trigger's pressure file is missing
         * @throws io.github.jcg.core.KernelRefusedException when the kernel refuses a trigger
         */
        public GroupWatcher open() {
            if (groups.isEmpty()) {
                throw new IllegalStateException("no group to watch: call watch(group) first");
            }
            return new GroupWatcher(this);
        }
    }
}
