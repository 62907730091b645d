package io.github.jcg.core.kernel;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.event.EventKind;
import io.github.jcg.core.event.GroupEvent;
import io.github.jcg.core.event.GroupWatcher;
import io.github.jcg.core.event.PressureTrigger;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.sample.Metric;
import io.github.jcg.core.sample.MetricFamily;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.github.jcg.core.Controller.MEMORY;
import static io.github.jcg.core.Controller.PIDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GroupWatcher} on the real kernel: the events arrive, in order, none lost, from the
 * files of whichever version holds each controller, woken by inotify where the kernel notifies
 * (the v2 hierarchy) and by polling where it does not (v1). How soon events arrive is
 * measured by the benchmarks ({@code EventLatency}), not here. Root only.
 */
class GroupWatcherKernelTest {
    private static final long MiB = 1L << 20;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private RealKernel kernel;

    @BeforeEach
    void setUp() {
        kernel = RealKernel.require();
    }

    @AfterEach
    void tearDown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    /**
     * Two sibling groups a process can be moved between: on the v2 hierarchy alone where there
     * is one (cgroup.events), otherwise in the v1 pids or cpu hierarchy (populated is then
     * counted from cgroup.procs, and polled).
     */
    private List<Cgroup> siblings() {
        ControllerSelection where = kernel.host.layout().unified().isPresent() ? ControllerSelection.none()
                : kernel.select(kernel.has(PIDS) ? "pids" : "cpu");
        return List.of(kernel.group("a", where).create(), kernel.group("b", where).create());
    }

    private GroupWatcher.Builder watcher(Cgroup... groups) {
        GroupWatcher.Builder b = GroupWatcher.builder(kernel.host);
        Arrays.stream(groups).forEach(b::watch);
        return b;
    }

    /** The next event, failing after {@link #WAIT}. */
    private static GroupEvent next(GroupWatcher w) throws InterruptedException {
        return w.next(WAIT).orElseThrow(() -> new AssertionError("no event within " + WAIT));
    }

    /** The next event of a kind, the others before it dropped into {@code skipped}. */
    private static GroupEvent nextOf(GroupWatcher w, EventKind kind, List<GroupEvent> skipped) throws InterruptedException {
        for (GroupEvent e = next(w); ; e = next(w)) {
            if (e.kind() == kind) {
                return e;
            }
            skipped.add(e);
        }
    }

    @Test
    void emptyArrivesWhenTheLastProcessExits() throws Exception {
        Cgroup g = siblings().get(0);
        Process sleeper = kernel.sleeper();
        kernel.attach(g, sleeper.pid());
        try (GroupWatcher w = watcher(g).kinds(EnumSet.of(EventKind.POPULATED, EventKind.EMPTY)).open()) {
            boolean v2 = kernel.host.layout().unified().isPresent();
            assertThat(w.polledGroups()).as("polled: only where there is no cgroup.events to notify")
                    .isEqualTo(v2 ? List.of() : List.of(g.path()));

            sleeper.destroyForcibly();
            GroupEvent e = next(w);

            assertThat(e.kind()).isEqualTo(EventKind.EMPTY);
            assertThat(e.group()).isEqualTo(g.path());
            assertThat(e.value()).isZero();
            assertThat(e.delta()).isEqualTo(-1);
            assertThat(g.isPopulated()).isFalse();
            assertThat(w.next(Duration.ofMillis(300))).as("nothing more happened").isEmpty();
        }
    }

    @Test
    void populatedAndEmptyAlternateInOrderNoneLost() throws Exception {
        List<Cgroup> ab = siblings();
        Cgroup a = ab.get(0);
        Cgroup b = ab.get(1);
        Process sleeper = kernel.sleeper();
        kernel.attach(b, sleeper.pid());
        int rounds = kernel.host.layout().unified().isPresent() ? 200 : 30;
        List<GroupEvent> seen = new ArrayList<>();
        try (GroupWatcher w = watcher(a, b).kinds(EnumSet.of(EventKind.POPULATED, EventKind.EMPTY)).open()) {
            for (int i = 0; i < rounds; i++) {
                kernel.attach(a, sleeper.pid());
                seen.add(next(w));
                seen.add(next(w));
                kernel.attach(b, sleeper.pid());
                seen.add(next(w));
                seen.add(next(w));
            }
            assertThat(w.next(Duration.ofMillis(300))).isEmpty();
        }
        // each move is two events, in either group order within one read, but every one is there and in turn
        List<EventKind> ofA = seen.stream().filter(e -> e.group().equals(a.path())).map(GroupEvent::kind).toList();
        List<EventKind> ofB = seen.stream().filter(e -> e.group().equals(b.path())).map(GroupEvent::kind).toList();
        assertThat(ofA).hasSize(2 * rounds);
        assertThat(ofB).hasSize(2 * rounds);
        for (int i = 0; i < 2 * rounds; i++) {
            assertThat(ofA.get(i)).as("a's event " + i).isEqualTo(i % 2 == 0 ? EventKind.POPULATED : EventKind.EMPTY);
            assertThat(ofB.get(i)).as("b's event " + i).isEqualTo(i % 2 == 0 ? EventKind.EMPTY : EventKind.POPULATED);
        }
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).monotonicNanos()).isGreaterThanOrEqualTo(seen.get(i - 1).monotonicNanos());
        }
    }

    @Test
    @SuppressWarnings("try") // closed inside the try on purpose: close() from this thread ends run() in the consumer's
    void refusedForksArriveWithTheirWholeCount() throws Exception {
        RealKernel.skipUnless(kernel.has(PIDS), "the pids controller is not mounted (" + kernel.describe() + ")");
        Cgroup g = kernel.group("forks", "pids").create();
        g.apply(Resources.builder().pidsMax(Limit.of(2)).build());
        // each inner shell is the second task: its fork for the first command is refused and it
        // gives up; one burst a line, so the refusals come spread over many reads
        RealKernel.Waiting shell = kernel.waiting("while read n; do i=0; while [ $i -lt $n ]; do"
                + " sh -c '/bin/true; /bin/true' 2>/dev/null; i=$((i+1)); done; done");
        kernel.attach(g, shell.pid());
        List<GroupEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (GroupWatcher w = watcher(g).kinds(EnumSet.of(EventKind.PIDS_MAX)).open()) {
            assertThat(w.polledGroups()).isEqualTo(kernel.onV2(PIDS) ? List.of() : List.of(g.path()));
            // a consumer takes events while the bursts happen, as jcg events does
            Thread consumer = new Thread(() -> {
                try {
                    w.run(events::add);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            consumer.start();
            shell.go();
            int shells = 0;
            for (int burst = 0; burst < 30; burst++) {
                shells += 1 + burst % 4;
                shell.process.getOutputStream().write(((1 + burst % 4) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                shell.process.getOutputStream().flush();
                Thread.sleep(burst * 7 % 40);
            }
            shell.closeInput();
            assertThat(shell.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            long counted = g.usage(EnumSet.of(MetricFamily.PIDS_EVENTS)).getAsLong(Metric.PIDS_EVENTS_MAX);
            assertThat(counted).as("refusals the kernel counted: at least one a shell").isGreaterThanOrEqualTo(shells);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (events.stream().mapToLong(GroupEvent::delta).sum() < counted && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(300);
            w.close();
            consumer.join(WAIT.toMillis());
            assertThat(consumer.isAlive()).as("close() ends run() in the other thread").isFalse();
            assertThat(events.stream().mapToLong(GroupEvent::delta).sum()).as("the deltas add up to the counter")
                    .isEqualTo(counted);
        }
        long previous = 0;
        for (GroupEvent e : events) {
            assertThat(e.kind()).isEqualTo(EventKind.PIDS_MAX);
            assertThat(e.delta()).isPositive();
            assertThat(e.value()).as("value is the counter after the rise").isEqualTo(previous + e.delta());
            previous = e.value();
        }
        System.err.println("NOTE: " + previous + " refused forks arrived as " + events.size() + " events ("
                + (kernel.onV2(PIDS) ? "inotify" : "polled") + ")");
    }

    @Test
    void anOomKillArrivesAsOomKillBeforeTheGroupEmpties() throws Exception {
        RealKernel.skipUnless(kernel.has(MEMORY), "the memory controller is not mounted (" + kernel.describe() + ")");
        Cgroup g = kernel.group("oom", "memory").create();
        RealKernel.skipUnless(kernel.mayAttach(g),
                "processes may not join this host's memory hierarchy (its supervisor's groups live there)");
        boolean v2 = kernel.onV2(MEMORY);
        Resources.Builder limits = Resources.builder().memoryMax(Limit.of(32 * MiB));
        if (Files.readAllLines(Path.of("/proc/swaps")).size() > 1) {
            RealKernel.skipUnless(Files.exists(kernel.dir(g, MEMORY).resolve(v2 ? "memory.swap.max" : "memory.memsw.limit_in_bytes")),
                    "this machine swaps and its kernel does not account swap per group, so the hog need not be OOM-killed");
            limits.swapMax(Limit.of(0));
        }
        g.apply(limits.build());
        RealKernel.Waiting hog = kernel.waiting("x=aaaaaaaaaaaaaaaa; while :; do x=$x$x; done");
        kernel.attach(g, hog.pid());
        try (GroupWatcher w = watcher(g).open()) {
            hog.go();
            List<GroupEvent> before = new ArrayList<>();
            GroupEvent kill = nextOf(w, EventKind.OOM_KILL, before);
            assertThat(kill.delta()).isGreaterThanOrEqualTo(1);
            assertThat(kill.value()).isEqualTo(g.usage(EnumSet.of(MetricFamily.MEMORY_EVENTS)).oomKills().orElseThrow());
            assertThat(hog.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(before).extracting(GroupEvent::kind).doesNotContain(EventKind.EMPTY, EventKind.REMOVED);
            if (v2) {
                // the same read saw the limit hit and the OOM: they come first, in EventKind's order
                assertThat(before).extracting(GroupEvent::kind).contains(EventKind.MEMORY_MAX, EventKind.OOM);
                List<GroupEvent> between = new ArrayList<>();
                nextOf(w, EventKind.EMPTY, between);
                assertThat(between).extracting(GroupEvent::kind).doesNotContain(EventKind.POPULATED);
            } else {
                assertThat(before).extracting(GroupEvent::kind).doesNotContain(EventKind.MEMORY_MAX, EventKind.OOM);
            }
        }
    }

    @Test
    void frozenAndThawedArriveInTurn() throws Exception {
        Cgroup g = kernel.group("frozen", kernel.freezable("cpuacct")).create();
        Process sleeper = kernel.sleeper();
        kernel.attach(g, sleeper.pid());
        try (GroupWatcher w = watcher(g).kinds(EnumSet.of(EventKind.FROZEN, EventKind.THAWED)).open()) {
            for (int i = 0; i < 3; i++) {
                g.freeze();
                assertThat(next(w).kind()).isEqualTo(EventKind.FROZEN);
                g.thaw();
                GroupEvent thawed = next(w);
                assertThat(thawed.kind()).isEqualTo(EventKind.THAWED);
                assertThat(thawed.value()).isZero();
            }
        }
    }

    @Test
    void aRemovedGroupEndsItsWatch() throws Exception {
        List<Cgroup> ab = siblings();
        try (GroupWatcher w = watcher(ab.get(0), ab.get(1)).open()) {
            ab.get(0).delete();
            GroupEvent e = next(w);
            assertThat(e.kind()).isEqualTo(EventKind.REMOVED);
            assertThat(e.group()).isEqualTo(ab.get(0).path());
            assertThat(w.groups()).containsExactly(ab.get(1).path());
            ab.get(1).delete();
            assertThat(next(w).group()).isEqualTo(ab.get(1).path());
            assertThat(w.next()).as("every group gone: the watch is over").isEmpty();
            assertThat(w.isDone()).isTrue();
        }
    }

    @Test
    void aPressureTriggerFiresUnderCpuContention() throws Exception {
        Optional<Path> unified = kernel.host.layout().unified().map(h -> h.mountPoint());
        RealKernel.skipUnless(unified.isPresent(), "no cgroup v2 hierarchy, so no pressure files (" + kernel.describe() + ")");
        Cgroup g = kernel.group("pressure", ControllerSelection.none()).create();
        RealKernel.skipUnless(Files.exists(g.directory(kernel.host.layout().unified().orElseThrow()).resolve("cpu.pressure")),
                "the kernel has no pressure files (CONFIG_PSI off, or booted with psi=0)");
        // a window of 2 s: without CAP_SYS_RESOURCE the kernel takes only multiples of 2 s
        PressureTrigger trigger = PressureTrigger.some(PressureTrigger.Resource.CPU, Duration.ofMillis(50), Duration.ofSeconds(2));
        try (GroupWatcher w = watcher(g).kinds(EnumSet.noneOf(EventKind.class)).pressure(trigger).open()) {
            // more runnable loops than CPUs: some of them always wait for one
            int loops = Runtime.getRuntime().availableProcessors() + 2;
            for (int i = 0; i < loops; i++) {
                kernel.attach(g, kernel.busyLoop().pid());
            }
            GroupEvent e = next(w);
            assertThat(e.kind()).isEqualTo(EventKind.PRESSURE);
            assertThat(e.trigger()).contains(trigger);
            assertThat(e.value()).as("cpu some total, µs").isPositive();
        }
    }

    /**
     * Each move of a process between two groups arrives as populated, then empty, whichever
     * way the watcher wakes: inotify, inotify inside the native poll(2) of PSI triggers, or
     * polling. How soon is measured by the benchmarks (EventLatency), not here.
     */
    @Test
    void everyMoveArrivesInOrderWokenByInotifyInsideANativePollOrByPolling() throws Exception {
        RealKernel.skipUnless(kernel.host.layout().unified().isPresent(),
                "no cgroup v2 hierarchy: nothing notifies, the other tests poll");
        List<Cgroup> ab = siblings();
        Process sleeper = kernel.sleeper();
        kernel.attach(ab.get(1), sleeper.pid());
        moves(ab, sleeper, true, Optional.empty(), 10);
        moves(ab, sleeper, false, Optional.empty(), 10);
        if (pressureFiles(ab.get(0))) {
            // with a PSI trigger the watcher waits in its own poll(2), on an inotify descriptor of its own
            moves(ab, sleeper, true, Optional.of(PressureTrigger.some(PressureTrigger.Resource.MEMORY, Duration.ofSeconds(2),
                    Duration.ofSeconds(2))), 10);
        }
    }

    private boolean pressureFiles(Cgroup g) {
        return kernel.host.layout().unified().map(h -> Files.exists(g.directory(h).resolve("memory.pressure"))).orElse(false);
    }

    private void moves(List<Cgroup> ab, Process sleeper, boolean notifications, Optional<PressureTrigger> trigger, int rounds)
            throws Exception {
        GroupWatcher.Builder b = watcher(ab.get(0)).notifications(notifications).kinds(EnumSet.of(EventKind.POPULATED, EventKind.EMPTY));
        trigger.ifPresent(b::pressure);
        try (GroupWatcher w = b.open()) {
            assertThat(w.polledGroups().isEmpty()).isEqualTo(notifications);
            for (int i = 0; i < 2 * rounds; i++) {
                kernel.attach(ab.get(i % 2 == 0 ? 0 : 1), sleeper.pid());
                assertThat(next(w).kind()).isEqualTo(i % 2 == 0 ? EventKind.POPULATED : EventKind.EMPTY);
            }
        }
    }
}
