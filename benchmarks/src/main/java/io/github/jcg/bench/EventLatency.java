package io.github.jcg.bench;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.event.EventKind;
import io.github.jcg.core.event.GroupEvent;
import io.github.jcg.core.event.GroupWatcher;
import io.github.jcg.core.event.PressureTrigger;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/**
 * Event latency: from a change the kernel makes inside a write(2) to the event leaving
 * {@link GroupWatcher#next(Duration)}. A sleeping process is moved between two sibling groups;
 * each move sets one group's {@code cgroup.events} populated and clears the other's at once,
 * so the clock starts when the write returns. Measured woken by inotify (WatchService), by
 * inotify inside the native poll(2) that PSI triggers use, and by polling every 100 ms.
 * Needs root and a cgroup v2 hierarchy (the v2 mount of a hybrid host will do: the groups are
 * made there only). Everything lives under one jcg-bench-latency-* group, removed at the end.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.jcg.bench.EventLatency [ROUNDS]</pre>
 */
public final class EventLatency {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private EventLatency() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        CgroupHost host = CgroupHost.discover();
        if (host.layout().unified().isEmpty()) {
            System.out.println("no cgroup v2 hierarchy: nothing notifies here, every event is polled");
            return;
        }
        Cgroup parent = host.group("jcg-bench-latency-" + UUID.randomUUID().toString().substring(0, 8), ControllerSelection.none());
        Process sleeper = new ProcessBuilder("sleep", "3600").start();
        try {
            Cgroup a = parent.child("a").create();
            Cgroup b = parent.child("b").create();
            b.attach(sleeper.pid());
            report("inotify (WatchService)", latencies(host, a, b, sleeper, true, Optional.empty(), rounds));
            boolean psi = host.layout().unified().map(h -> java.nio.file.Files.exists(a.directory(h).resolve("memory.pressure"))).orElse(false);
            if (psi) {
                PressureTrigger trigger = PressureTrigger.some(PressureTrigger.Resource.MEMORY, Duration.ofSeconds(2), Duration.ofSeconds(2));
                report("inotify in the native poll (a PSI trigger set)", latencies(host, a, b, sleeper, true, Optional.of(trigger), rounds));
            }
            report("polling every 100 ms", latencies(host, a, b, sleeper, false, Optional.empty(), rounds));
        } finally {
            sleeper.destroyForcibly().waitFor();
            parent.delete(DeleteOptions.defaults().recursively().onPopulated(DeleteOptions.OnPopulated.KILL).ignoringMissing());
        }
    }

    private static long[] latencies(CgroupHost host, Cgroup a, Cgroup b, Process sleeper, boolean notifications,
            Optional<PressureTrigger> trigger, int rounds) throws Exception {
        long[] out = new long[2 * rounds];
        GroupWatcher.Builder builder = GroupWatcher.builder(host).watch(a).notifications(notifications)
                .kinds(EnumSet.of(EventKind.POPULATED, EventKind.EMPTY));
        trigger.ifPresent(builder::pressure);
        try (GroupWatcher w = builder.open()) {
            for (int i = 0; i < 2 * rounds; i++) {
                // spread the changes over the poll interval, as real ones are
                Thread.sleep(7 + (i * 37) % 100);
                (i % 2 == 0 ? a : b).attach(sleeper.pid());
                long changed = System.nanoTime();
                GroupEvent e = w.next(WAIT).orElseThrow(() -> new IllegalStateException("no event within " + WAIT));
                out[i] = System.nanoTime() - changed;
                EventKind expected = i % 2 == 0 ? EventKind.POPULATED : EventKind.EMPTY;
                if (e.kind() != expected) {
                    throw new IllegalStateException("expected " + expected + ", got " + e);
                }
            }
        }
        return out;
    }

    private static void report(String how, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-48s median %6.2f ms, p90 %6.2f ms, max %6.2f ms over %d changes%n", how,
                at(sorted, 50) / 1e6, at(sorted, 90) / 1e6, at(sorted, 100) / 1e6, sorted.length);
    }

    private static long at(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
