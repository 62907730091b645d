package io.github.jcg.cli.top;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree changes under top: groups vanish between listing and reading, are made again
 * with counters that start over, processes come and go. No crash, no negative or absurd
 * number: {@code -} where there is nothing to tell. Real kernel, root only.
 */
@Tag("root")
class TreeChangeTest {
    @Test
    void groupsComingAndGoingWhileTopRunsNeverBreakIt() throws Exception {
        try (KernelGroups k = KernelGroups.require()) {
            k.busyLoop("steady", 0.2);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger churned = new AtomicInteger();
            Thread churn = new Thread(() -> {
                int i = 0;
                while (!stop.get()) {
                    String name = "churn" + (i % 5);
                    try {
                        Cgroup g = k.group(name + "/inner");
                        k.startIn(g, "sleep 0.05");
                        k.remove(k.host.group(k.parent + "/" + name, k.controllers));
                        churned.incrementAndGet();
                    } catch (RuntimeException | java.io.IOException e) {
                        // a race with ourselves is fine; top is what is under test
                    }
                    i++;
                }
            });
            churn.start();
            try {
                for (String[] args : List.of(
                        new String[] {"top", "-b", "-n", "6", "-d", "0.2", "/" + k.parent},
                        new String[] {"top", "-b", "-n", "6", "-d", "0.2", "--limits", "-r", "/" + k.parent},
                        new String[] {"top", "-b", "-n", "4", "-d", "0.2", "-P", "/" + k.parent},
                        new String[] {"top", "-o", "json", "-n", "4", "-d", "0.2", "/" + k.parent})) {
                    String out = TopOptionsTest.run(args);
                    assertThat(out).as(String.join(" ", args)).startsWith("0:");
                    assertThat(out).as("no negative numbers").doesNotContainPattern("\\s-\\d").doesNotContain(":-");
                }
            } finally {
                stop.set(true);
                churn.join();
            }
            assertThat(churned.get()).as("the tree really changed").isGreaterThan(5);
        }
    }

    @Test
    void aGroupMadeAgainBetweenRefreshesShowsNoRateNotANegativeOne() throws Exception {
        try (KernelGroups k = KernelGroups.require()) {
            Cgroup again = k.busyLoop("again", 0);
            k.group("gone");
            Thread.sleep(300);
            TopSettings settings = new TopSettings();
            settings.root = CgroupPath.of(k.parent);
            for (boolean limits : new boolean[] {false, true}) {
                Source source = Source.forSettings(k.host.layout(), settings, limits);
                Source.Pass before = source.sample();
                k.remove(again);
                k.remove(k.host.group(k.parent + "/gone", k.controllers));
                again = k.group("again");
                k.group("new");
                Source.Pass after = source.sample();
                Map<String, GroupRow> rows = source.rows(before, after, TaskCounting.TASKS, true).stream()
                        .collect(Collectors.toMap(r -> r.path().toString(), Function.identity()));
                String base = "/" + k.parent;
                assertThat(rows).containsKeys(base, base + "/again", base + "/new").doesNotContainKey(base + "/gone");
                assertThat(rows.get(base + "/again").cpuPercent()).as("counter started over: no rate").isEmpty();
                assertThat(rows.get(base + "/new").cpuPercent()).as("first sample of a new group").isEmpty();
                assertThat(rows.get(base).cpuPercent()).isPresent();
                assertThat(rows.get(base).cpuPercent().getAsDouble()).isBetween(0.0, 100.0 * Runtime.getRuntime().availableProcessors() + 5);
                k.startIn(again, "while :; do :; done");
                k.remove(k.host.group(k.parent + "/new", k.controllers));
                k.group("gone");
                Thread.sleep(300);
            }
        }
    }
}
