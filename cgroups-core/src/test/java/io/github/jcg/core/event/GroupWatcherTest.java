package io.github.jcg.core.event;

import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.ControllerNotAvailableException;
import io.github.jcg.core.GroupNotFoundException;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static io.github.jcg.core.fake.FakeHosts.discover;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The watcher on a fake hybrid host: plain files stand for the kernel's, so inotify reports a
 * test's writes to the v2 group's {@code cgroup.events} as it reports the kernel's, and the v1
 * files ({@code pids.events}, {@code memory.oom_control}) are polled.
 */
class GroupWatcherTest {
    private static final String CG = "/sys/fs/cgroup";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration FAST = Duration.ofMillis(10);
    private static final CgroupPath WEB = CgroupPath.of("web");

    @TempDir
    Path tmp;

    private final List<GroupWatcher> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(GroupWatcher::close);
    }

    /** A hybrid host with the group web in every hierarchy, nothing happened to it yet. */
    private FakeHost hybridWithWeb() {
        FakeHost fake = FakeHost.hybrid(tmp);
        fake.group("unified", "/web", Map.of("cgroup.procs", "", "cgroup.events", "populated 0\nfrozen 0\n"));
        fake.pidsGroup("/web", "max");
        fake.file(CG + "/pids/web/pids.events", "max 0\n");
        fake.memoryGroup("/web", "67108864");
        fake.file(CG + "/memory/web/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n");
        fake.file(CG + "/memory/web/memory.failcnt", "0\n");
        fake.group("cpu", "/web", Map.of("cgroup.procs", "", "tasks", ""));
        return fake;
    }

    private GroupWatcher open(GroupWatcher.Builder b) {
        GroupWatcher w = b.open();
        opened.add(w);
        return w;
    }

    private static GroupEvent next(GroupWatcher w) throws InterruptedException {
        return w.next(WAIT).orElseThrow(() -> new AssertionError("no event within " + WAIT));
    }

    @Test
    void cgroupEventsOnTheV2MountIsNotifiedNotPolled() throws Exception {
        FakeHost fake = hybridWithWeb();
        GroupWatcher w = open(GroupWatcher.builder(discover(fake)).watch(WEB)
                .kinds(EnumSet.of(EventKind.POPULATED, EventKind.EMPTY, EventKind.FROZEN, EventKind.THAWED))
                // a poll a minute: only a notification can bring the event in time
                .pollInterval(Duration.ofMinutes(1)));

        assertThat(w.polledGroups()).isEmpty();
        fake.file(CG + "/unified/web/cgroup.events", "populated 1\nfrozen 0\n");

        GroupEvent e = next(w);
        assertThat(e.kind()).isEqualTo(EventKind.POPULATED);
        assertThat(e.group()).isEqualTo(WEB);
        assertThat(e.value()).isEqualTo(1);
        assertThat(e.delta()).isEqualTo(1);
        assertThat(e.trigger()).isEmpty();
    }

    @Test
    void onAV2OnlyHostEveryEventFileNotifiesAndNothingIsPolled() throws Exception {
        FakeHost fake = FakeHost.unifiedAllEnabled(tmp);
        fake.v2Group("/web", Map.of("cgroup.events", "populated 1\nfrozen 0\n", "pids.events", "max 0\n",
                "memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n"));
        CgroupHost host = discover(fake);
        GroupWatcher w = open(GroupWatcher.builder(host).watch(WEB).pollInterval(Duration.ofMinutes(1)));
        assertThat(w.polledGroups()).isEmpty();

        fake.file(CG + "/web/memory.events", "low 0\nhigh 0\nmax 4\noom 1\noom_kill 1\noom_group_kill 0\n");

        assertThat(List.of(next(w), next(w), next(w))).extracting(GroupEvent::kind, GroupEvent::delta)
                .containsExactly(tuple(EventKind.MEMORY_MAX, 4L), tuple(EventKind.OOM, 1L), tuple(EventKind.OOM_KILL, 1L));
        try (GroupWatcher polling = GroupWatcher.builder(host).watch(WEB).notifications(false).open()) {
            assertThat(polling.polledGroups()).as("notifications off").containsExactly(WEB);
        }
    }

    @Test
    void aGroupInTheV1FreezerIsPolledForFrozenOnly() {
        FakeHost fake = hybridWithWeb().v1("/sys/fs/cgroup/freezer", "rw,freezer");
        fake.group("freezer", "/web", Map.of("cgroup.procs", "", "freezer.state", "THAWED\n"));
        fake.group("freezer", "/", Map.of("cgroup.procs", ""));
        CgroupHost host = discover(fake);

        try (GroupWatcher frozen = GroupWatcher.builder(host).watch(WEB).kinds(EnumSet.of(EventKind.FROZEN)).open();
             GroupWatcher populated = GroupWatcher.builder(host).watch(WEB).kinds(EnumSet.of(EventKind.EMPTY)).open()) {
            assertThat(frozen.polledGroups()).as("freezer.state does not notify").containsExactly(WEB);
            assertThat(populated.polledGroups()).as("cgroup.events on the v2 mount does").isEmpty();
        }
    }

    @Test
    void v1CountersArePolledAndARiseIsOneEventWithTheDelta() throws Exception {
        FakeHost fake = hybridWithWeb();
        GroupWatcher w = open(GroupWatcher.builder(discover(fake)).watch(WEB).pollInterval(FAST));
        assertThat(w.polledGroups()).as("memory.oom_control and v1 pids.events raise no notification").containsExactly(WEB);

        fake.file(CG + "/pids/web/pids.events", "max 3\n");
        GroupEvent forks = next(w);
        fake.file(CG + "/memory/web/memory.failcnt", "12\n");
        fake.file(CG + "/memory/web/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        GroupEvent first = next(w);
        GroupEvent second = first.kind() == EventKind.OOM_KILL ? next(w) : null;

        assertThat(forks).extracting(GroupEvent::kind, GroupEvent::value, GroupEvent::delta)
                .containsExactly(EventKind.PIDS_MAX, 3L, 3L);
        List<GroupEvent> memory = second == null ? List.of(first, next(w)) : List.of(first, second);
        assertThat(memory).extracting(GroupEvent::kind, GroupEvent::value, GroupEvent::delta)
                .containsExactlyInAnyOrder(tuple(EventKind.OOM_KILL, 2L, 2L), tuple(EventKind.MEMORY_FAILCNT, 12L, 12L));
    }

    @Test
    void whatHappenedBeforeTheWatchIsTheBaselineNotAnEvent() throws Exception {
        FakeHost fake = hybridWithWeb();
        fake.file(CG + "/pids/web/pids.events", "max 40\n");
        GroupWatcher w = open(GroupWatcher.builder(discover(fake)).watch(WEB).pollInterval(FAST));

        assertThat(w.next(Duration.ofMillis(100))).isEmpty();
        fake.file(CG + "/pids/web/pids.events", "max 41\n");
        assertThat(next(w)).extracting(GroupEvent::value, GroupEvent::delta).containsExactly(41L, 1L);
    }

    @Test
    void withoutNotificationsEveryGroupIsPolled() throws Exception {
        FakeHost fake = hybridWithWeb();
        GroupWatcher w = open(GroupWatcher.builder(discover(fake)).watch(WEB).notifications(false).pollInterval(FAST)
                .kinds(EnumSet.of(EventKind.POPULATED)));

        assertThat(w.polledGroups()).containsExactly(WEB);
        fake.file(CG + "/unified/web/cgroup.events", "populated 1\nfrozen 0\n");
        assertThat(next(w).kind()).isEqualTo(EventKind.POPULATED);
    }

    @Test
    void onlyTheKindsAskedForAreDelivered() throws Exception {
        FakeHost fake = hybridWithWeb();
        GroupWatcher w = open(GroupWatcher.builder(discover(fake)).watch(WEB).pollInterval(FAST)
                .kinds(EnumSet.of(EventKind.EMPTY)));

        fake.file(CG + "/pids/web/pids.events", "max 3\n");
        fake.file(CG + "/unified/web/cgroup.events", "populated 1\nfrozen 0\n");
        assertThat(w.next(Duration.ofMillis(200))).as("populated and pids.max are not asked for").isEmpty();
        fake.file(CG + "/unified/web/cgroup.events", "populated 0\nfrozen 0\n");
        assertThat(next(w).kind()).isEqualTo(EventKind.EMPTY);
    }

    @Test
    void aGroupOnlyOnV1IsPopulatedFromCgroupProcsOfItsSubtree() throws Exception {
        FakeHost fake = FakeHost.hybrid(tmp);
        fake.pidsGroup("/batch", "max");
        fake.pidsGroup("/batch/job", "max");
        GroupWatcher w = open(GroupWatcher.builder(discover(fake)).watch(CgroupPath.of("batch")).pollInterval(FAST)
                .kinds(EnumSet.of(EventKind.POPULATED, EventKind.EMPTY)));
        assertThat(w.polledGroups()).containsExactly(CgroupPath.of("batch"));

        fake.file(CG + "/pids/batch/job/cgroup.procs", "4242\n");
        assertThat(next(w).kind()).as("a process in a descendant populates the group").isEqualTo(EventKind.POPULATED);
        fake.file(CG + "/pids/batch/job/cgroup.procs", "");
        assertThat(next(w).kind()).isEqualTo(EventKind.EMPTY);
    }

    @Test
    void aRemovedGroupIsItsLastEventAndTheWatchEndsWithTheLastGroup() throws Exception {
        FakeHost fake = hybridWithWeb();
        fake.group("unified", "/db", Map.of("cgroup.procs", "", "cgroup.events", "populated 0\nfrozen 0\n"));
        Instant now = Instant.parse("2026-05-06T07:08:09Z");
        GroupWatcher w = open(GroupWatcher.builder(discover(fake)).watch(WEB).watch(CgroupPath.of("db")).pollInterval(FAST)
                .clock(Clock.fixed(now, ZoneOffset.UTC)));
        assertThat(w.groups()).containsExactly(WEB, CgroupPath.of("db"));

        for (String h : List.of("unified", "pids", "memory", "cpu")) {
            deleteTree(fake.groupDir(h, "/web"));
        }
        GroupEvent removed = next(w);
        assertThat(removed).extracting(GroupEvent::group, GroupEvent::kind, GroupEvent::time)
                .containsExactly(WEB, EventKind.REMOVED, now);
        assertThat(w.groups()).containsExactly(CgroupPath.of("db"));
        assertThat(w.isDone()).isFalse();

        deleteTree(fake.groupDir("unified", "/db"));
        assertThat(next(w).group()).isEqualTo(CgroupPath.of("db"));
        assertThat(w.next()).isEmpty();
        assertThat(w.isDone()).isTrue();
    }

    @Test
    void closeFromAnotherThreadEndsAWaitingNext() throws Exception {
        FakeHost fake = hybridWithWeb();
        GroupWatcher w = open(GroupWatcher.builder(discover(fake)).watch(WEB).pollInterval(Duration.ofMinutes(1)));
        AtomicReference<Optional<GroupEvent>> got = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                got.set(w.next());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        Thread.sleep(100);

        w.close();
        waiter.join(WAIT.toMillis());

        assertThat(waiter.isAlive()).isFalse();
        assertThat(got.get()).isEmpty();
        assertThat(w.isDone()).isTrue();
        w.close(); // twice is harmless
    }

    @Test
    void theEventsStreamInOrderAsTheyHappen() throws Exception {
        FakeHost fake = hybridWithWeb();
        GroupWatcher w = open(GroupWatcher.builder(discover(fake)).watch(WEB).pollInterval(FAST)
                .kinds(EnumSet.of(EventKind.PIDS_MAX)));
        Thread writer = new Thread(() -> {
            for (int i = 1; i <= 3; i++) {
                fake.file(CG + "/pids/web/pids.events", "max " + i * 10 + "\n");
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        writer.start();

        List<Long> values = w.stream().limit(3).map(GroupEvent::value).toList();
        writer.join();

        assertThat(values).containsExactly(10L, 20L, 30L);
    }

    @Test
    void aGroupThatExistsNowhereIsRefusedAtOpen() {
        CgroupHost host = discover(hybridWithWeb());

        assertThatThrownBy(() -> GroupWatcher.builder(host).watch(CgroupPath.of("nope")).open())
                .isInstanceOf(GroupNotFoundException.class)
                .hasMessage("cgroup '/nope' does not exist in any hierarchy of this host (create it first, e.g. jcg create)");
        assertThatThrownBy(() -> GroupWatcher.builder(host).open()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no group to watch");
        assertThatThrownBy(() -> GroupWatcher.builder(host).pollInterval(Duration.ZERO))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("poll interval must be at least 1ms");
    }

    @Test
    void aTriggerOnAGroupNotOnTheV2HierarchyIsRefusedSayingWhy() {
        FakeHost fake = FakeHost.hybrid(tmp);
        fake.pidsGroup("/batch", "max");
        PressureTrigger cpu = PressureTrigger.some(PressureTrigger.Resource.CPU, Duration.ofMillis(100), Duration.ofSeconds(2));

        assertThatThrownBy(() -> GroupWatcher.builder(discover(fake)).watch(CgroupPath.of("batch")).pressure(cpu).open())
                .isInstanceOf(ControllerNotAvailableException.class)
                .hasMessageContaining("cannot set the PSI trigger cpu some 100ms/2s on cgroup /batch: PSI is measured on"
                        + " the cgroup v2 hierarchy, and the group is not there");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
