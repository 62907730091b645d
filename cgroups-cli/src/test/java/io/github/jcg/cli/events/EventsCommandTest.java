package io.github.jcg.cli.events;

import io.github.jcg.cli.FakeHosts;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.Run;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jcg events} on a fake hybrid host, run in-process: a test thread changes the fake
 * files as the kernel would while the command watches.
 */
class EventsCommandTest {
    private static final String CG = "/sys/fs/cgroup";
    private static final Pattern PIDS_LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) /web pids_max \\+(\\d+) total=(\\d+)");

    @TempDir
    Path tmp;

    private FakeHost hostWithWeb() {
        FakeHost fake = FakeHost.hybrid(tmp);
        fake.group("unified", "/web", Map.of("cgroup.procs", "", "cgroup.events", "populated 0\nfrozen 0\n"));
        fake.pidsGroup("/web", "10");
        fake.file(CG + "/pids/web/pids.events", "max 0\n");
        return fake;
    }

    /** Runs jcg events in another thread while {@code meanwhile} changes the files, until it ends. */
    private static Run watching(FakeHost fake, Runnable meanwhile, String... args) throws Exception {
        try (Hosts.Scope scope = FakeHosts.use(fake)) {
            String[] argv = Stream.concat(Stream.of("events"), Stream.of(args)).toArray(String[]::new);
            CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> Run.as("jcg", argv));
            while (!run.isDone()) {
                meanwhile.run();
            }
            return run.get(30, TimeUnit.SECONDS);
        }
    }

    /** Raises pids.events max by one every 20 ms: the command's first read is some baseline, every later rise a line. */
    private static Runnable refusals(FakeHost fake) {
        int[] n = {0};
        return () -> {
            fake.file(CG + "/pids/web/pids.events", "max " + ++n[0] + "\n");
            sleep(20);
        };
    }

    @Test
    void eachCounterRiseIsALineWithTheRiseAndTheTotal() throws Exception {
        FakeHost fake = hostWithWeb();

        Run r = watching(fake, refusals(fake), "-n", "3", "--interval", "5ms", "/web");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        long previous = -1;
        for (String line : lines) {
            Matcher m = PIDS_LINE.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            long total = Long.parseLong(m.group(3));
            if (previous >= 0) {
                assertThat(Long.parseLong(m.group(2))).as("the rise is the difference of the totals").isEqualTo(total - previous);
            }
            previous = total;
        }
    }

    @Test
    void jsonIsOneObjectAnEvent() throws Exception {
        FakeHost fake = hostWithWeb();

        Run r = watching(fake, refusals(fake), "-o", "json", "-n", "2", "-i", "5ms", "/web");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out().lines()).hasSize(2).allMatch(l -> l.matches(
                "\\{\"time\":\"[-0-9T:.]+Z\",\"group\":\"/web\",\"event\":\"pids_max\",\"value\":\\d+,\"delta\":\\d+}"));
    }

    @Test
    void onlyTheEventsAskedForArePrinted() throws Exception {
        FakeHost fake = hostWithWeb();
        boolean[] populated = {false};
        Runnable both = () -> {
            refusals(fake).run();
            populated[0] = !populated[0];
            fake.file(CG + "/unified/web/cgroup.events", "populated " + (populated[0] ? 1 : 0) + "\nfrozen 0\n");
        };

        Run r = watching(fake, both, "-e", "empty", "-n", "2", "-i", "5ms", "/web");

        assertThat(r.out().lines()).as(r.toString()).hasSize(2).allMatch(l -> l.endsWith(" /web empty"));
    }

    @Test
    void theCommandEndsWhenEveryWatchedGroupIsGone() throws Exception {
        FakeHost fake = hostWithWeb();
        long start = System.nanoTime();
        Runnable removeAfterASecond = () -> {
            sleep(20);
            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(1) && Files.exists(fake.groupDir("pids", "/web"))) {
                deleteTree(fake.groupDir("pids", "/web"));
                deleteTree(fake.groupDir("unified", "/web"));
            }
        };

        Run r = watching(fake, removeAfterASecond, "-i", "5ms", "/web");

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).matches("\\S+ /web removed\n");
    }

    @Test
    void withoutAGroupEveryGroupIsWatched() throws Exception {
        FakeHost fake = hostWithWeb();
        fake.pidsGroup("/web/a", "10");
        fake.file(CG + "/pids/web/a/pids.events", "max 0\n");
        int[] n = {0};
        Runnable childRefusals = () -> {
            fake.file(CG + "/pids/web/a/pids.events", "max " + ++n[0] + "\n");
            sleep(20);
        };

        Run r = watching(fake, childRefusals, "-n", "1", "-i", "5ms");

        assertThat(r.out()).as(r.toString()).contains(" /web/a pids_max +");
    }

    @Test
    void aGroupThatDoesNotExistIsOneLineAndExit82() {
        try (Hosts.Scope scope = FakeHosts.use(hostWithWeb())) {
            Run r = Run.as("jcg", "events", "/web", "/nope");

            assertThat(r.status()).isEqualTo(82);
            assertThat(r.out()).isEmpty();
            assertThat(r.errLines()).containsExactly("jcg events: cgroup '/nope' does not exist in any hierarchy of this host"
                    + " (create it first, e.g. jcg create)");
        }
    }

    @Test
    void badOptionsAreOneLineEachAndExit129() {
        try (Hosts.Scope scope = FakeHosts.use(hostWithWeb())) {
            assertUsage(Run.as("jcg", "events", "-o", "yaml", "/web"), "jcg events: unknown output format 'yaml'; use text or json");
            assertUsage(Run.as("jcg", "events", "-i", "soon", "/web"),
                    "jcg events: --interval 'soon' is not a duration (100ms, 1s): 'soon' is not a duration");
            assertUsage(Run.as("jcg", "events", "-i", "0", "/web"), "jcg events: --interval '0' is too short; use 1ms or more");
            assertUsage(Run.as("jcg", "events", "-n", "0", "/web"), "jcg events: --count must be at least 1 (got 0)");
            assertUsage(Run.as("jcg", "events", "-e", "oom,boom", "/web"), "jcg events: unknown event 'boom'; use populated,"
                    + " memory_low, memory_high, memory_max, oom, oom_kill, oom_group_kill, memory_failcnt, under_oom, pids_max,"
                    + " frozen, thawed, empty, pressure, removed");
            assertUsage(Run.as("jcg", "events", "--psi", "cpu=2s/1", "/web"), "jcg events: --psi 'cpu=2s/1': cpu.pressure trigger"
                    + " stall must be at least 1us and at most the window (1s) (got 2s)");
        }
    }

    @Test
    void aTriggerWithoutItsPressureFileSaysWhatTheKernelLacks() {
        try (Hosts.Scope scope = FakeHosts.use(hostWithWeb())) {
            Run r = Run.as("jcg", "events", "--psi", "cpu=100ms/2s", "/web");

            assertThat(r.status()).as(r.toString()).isEqualTo(84);
            assertThat(r.errLines()).hasSize(1);
            assertThat(r.errLines()[0]).startsWith("jcg events: cannot set the PSI trigger cpu some 100ms/2s on cgroup /web: ")
                    .endsWith("/sys/fs/cgroup/unified/web/cpu.pressure does not exist (PSI needs a kernel built with CONFIG_PSI"
                            + " and not booted with psi=0)");
        }
    }

    private static void assertUsage(Run r, String line) {
        assertThat(r.status()).as(r.toString()).isEqualTo(129);
        assertThat(r.errLines()).as(r.toString()).isNotEmpty();
        assertThat(r.errLines()[0]).isEqualTo(line);
        assertThat(r.out()).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
