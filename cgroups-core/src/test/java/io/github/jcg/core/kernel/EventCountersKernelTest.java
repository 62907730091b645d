package io.github.jcg.core.kernel;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.sample.Metric;
import io.github.jcg.core.sample.MetricFamily;
import io.github.jcg.core.sample.UsageSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.github.jcg.core.Controller.MEMORY;
import static io.github.jcg.core.Controller.PIDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event counters, peaks and flags of a usage snapshot, made to move on the real kernel:
 * an OOM kill under a small memory limit, a fork refused at {@code pids.max}, a group that fills
 * and empties, a freeze. Each is read through {@link Cgroup#usage(Set)} from the files of the
 * version that holds the controller ({@code memory.events} or {@code memory.oom_control} …).
 * Root only.
 */
class EventCountersKernelTest {
    private static final long MiB = 1L << 20;

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

    private static UsageSnapshot usage(Cgroup g, MetricFamily first, MetricFamily... rest) {
        return g.usage(EnumSet.of(first, rest));
    }

    @Test
    void anOomKillIsCountedAndThePeakReachesTheLimit() throws Exception {
        RealKernel.skipUnless(kernel.has(MEMORY), "the memory controller is not mounted (" + kernel.describe() + ")");
        Cgroup g = kernel.group("oom", "memory").create();
        RealKernel.skipUnless(kernel.mayAttach(g),
                "processes may not join this host's memory hierarchy (its supervisor's groups live there)");
        boolean v2 = kernel.onV2(MEMORY);
        Resources.Builder limits = Resources.builder().memoryMax(Limit.of(32 * MiB));
        // with swap the hog could be swapped out instead of killed: then swap is limited too
        boolean swapLimited = hasSwap();
        if (swapLimited) {
            RealKernel.skipUnless(Files.exists(kernel.dir(g, MEMORY).resolve(v2 ? "memory.swap.max" : "memory.memsw.limit_in_bytes")),
                    "this machine swaps and its kernel does not account swap per group, so the hog need not be OOM-killed");
            limits.swapMax(Limit.of(0));
        }
        g.apply(limits.build());
        UsageSnapshot before = usage(g, MetricFamily.MEMORY_EVENTS, MetricFamily.PEAKS);
        assertThat(before.oomKills()).as("oom_kill before the hog").hasValue(0L);

        // a shell doubling a variable allocates anonymous memory until the kernel kills it
        RealKernel.Waiting hog = kernel.waiting("x=aaaaaaaaaaaaaaaa; while :; do x=$x$x; done");
        kernel.attach(g, hog.pid());
        hog.go();
        assertThat(hog.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(hog.process.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        UsageSnapshot after = usage(g, MetricFamily.MEMORY_EVENTS, MetricFamily.PEAKS);
        assertThat(after.oomKills().orElseThrow()).as(v2 ? "memory.events oom_kill" : "memory.oom_control oom_kill")
                .isGreaterThanOrEqualTo(1);
        if (v2) {
            assertThat(after.getAsLong(Metric.MEMORY_EVENTS_OOM)).isGreaterThanOrEqualTo(1);
            assertThat(after.getAsLong(Metric.MEMORY_EVENTS_MAX)).isGreaterThanOrEqualTo(1);
            assertThat(after.has(Metric.MEMORY_FAILCNT)).isFalse();
        } else {
            if (swapLimited) {
                // memory+swap is charged first and hits the same limit first: its own failcnt counts, not memory.failcnt
                assertThat(after.has(Metric.MEMORY_FAILCNT)).isTrue();
            } else {
                assertThat(after.getAsLong(Metric.MEMORY_FAILCNT)).isGreaterThanOrEqualTo(1);
            }
            assertThat(after.get(Metric.MEMORY_UNDER_OOM)).as("the OOM killer is on, so nothing waits under OOM").hasValue(0L);
            assertThat(after.has(Metric.MEMORY_EVENTS_MAX)).isFalse();
        }
        RealKernel.skipUnless(after.memoryPeakBytes().isPresent(), "no memory.peak (v2 before Linux 5.19)");
        assertThat(after.memoryPeakBytes().getAsLong()).isBetween(16 * MiB, 32 * MiB);
    }

    @Test
    void aForkRefusedAtPidsMaxIsCountedAndThePeakStaysWithinTheLimit() throws Exception {
        RealKernel.skipUnless(kernel.has(PIDS), "the pids controller is not mounted (" + kernel.describe() + ")");
        Cgroup g = kernel.group("forks", "pids").create();
        g.apply(Resources.builder().pidsMax(Limit.of(2)).build());
        UsageSnapshot before = usage(g, MetricFamily.PIDS_EVENTS, MetricFamily.PEAKS);
        assertThat(before.get(Metric.PIDS_EVENTS_MAX)).as("pids.events max of a new group").hasValue(0L);

        RealKernel.Waiting shell = kernel.waiting("for i in 1 2 3 4; do sleep 5 & done; wait");
        kernel.attach(g, shell.pid());
        shell.go();
        // the shell's second fork is refused (EAGAIN) and a non-interactive sh gives up
        assertThat(shell.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.process.exitValue()).isNotZero();

        UsageSnapshot after = usage(g, MetricFamily.PIDS_EVENTS, MetricFamily.PEAKS);
        assertThat(after.getAsLong(Metric.PIDS_EVENTS_MAX)).isGreaterThanOrEqualTo(1);
        if (after.pidsPeak().isPresent()) {
            assertThat(after.pidsPeak().getAsLong()).as("pids.peak").isBetween(1L, 2L);
        } else {
            System.err.println("NOTE: no pids.peak (Linux before 6.13): the peak is not checked");
        }
    }

    @Test
    void populatedFollowsTheSubtreeFromOneToZero() throws Exception {
        if (kernel.host.layout().unified().isEmpty()) {
            // v1 has no cgroup.events: the snapshot must say nothing rather than make up a flag
            Cgroup g = kernel.group("populated", "cpuacct,freezer").create();
            assertThat(usage(g, MetricFamily.GROUP_EVENTS, MetricFamily.CPU_USAGE).populated()).isEmpty();
            System.err.println("NOTE: no cgroup v2 hierarchy, so no cgroup.events (" + kernel.describe() + "): populated is absent");
            return;
        }
        Cgroup top = kernel.group("populated", ControllerSelection.none()).create();
        Cgroup child = kernel.group("populated/child", ControllerSelection.none()).create();
        assertThat(usage(top, MetricFamily.GROUP_EVENTS).populated()).contains(false);

        Process sleeper = kernel.sleeper();
        kernel.attach(child, sleeper.pid());

        assertThat(usage(child, MetricFamily.GROUP_EVENTS).get(Metric.POPULATED)).hasValue(1L);
        // populated counts the descendants: the top group holds no process itself
        assertThat(usage(top, MetricFamily.GROUP_EVENTS).populated()).contains(true);

        sleeper.destroyForcibly();
        sleeper.waitFor(10, TimeUnit.SECONDS);
        // the exited process leaves its group when it is reaped: a moment after waitFor
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (usage(top, MetricFamily.GROUP_EVENTS).populated().orElseThrow() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(usage(top, MetricFamily.GROUP_EVENTS).get(Metric.POPULATED)).hasValue(0L);
        assertThat(usage(child, MetricFamily.GROUP_EVENTS).populated()).contains(false);
    }

    @Test
    void frozenIsSetOnceTheKernelHasFrozenTheGroupAndClearedByThaw() throws Exception {
        Cgroup g = kernel.group("frozen", kernel.freezable("cpuacct")).create();
        Process sleeper = kernel.sleeper();
        kernel.attach(g, sleeper.pid());
        assertThat(usage(g, MetricFamily.GROUP_EVENTS).frozen()).contains(false);

        g.freeze();

        // freeze() returns once the kernel reports it done: freezer.state FROZEN on v1, cgroup.events frozen 1 on v2
        assertThat(usage(g, MetricFamily.GROUP_EVENTS).frozen()).contains(true);
        g.thaw();
        assertThat(usage(g, MetricFamily.GROUP_EVENTS).frozen()).contains(false);
    }

    @Test
    void pressureAveragesAreTheKernelsTwoDecimalsInHundredths() throws Exception {
        RealKernel.skipUnless(kernel.host.layout().unified().isPresent(),
                "no cgroup v2 hierarchy, so no pressure files (" + kernel.describe() + ")");
        Cgroup g = kernel.group("pressure", ControllerSelection.none()).create();
        Path dir = g.directory(kernel.host.layout().unified().orElseThrow());
        RealKernel.skipUnless(Files.exists(dir.resolve("cpu.pressure")),
                "the kernel has no pressure files (CONFIG_PSI off, or booted with psi=0)");

        // a group without processes stalls on nothing: its file does not change between the two reads
        UsageSnapshot s = usage(g, MetricFamily.PSI, MetricFamily.PSI_AVERAGES);
        String cpu = Files.readString(dir.resolve("cpu.pressure"));
        String io = Files.readString(dir.resolve("io.pressure"));

        assertThat(s.getAsLong(Metric.PSI_CPU_SOME_AVG10)).isEqualTo(hundredths(cpu, "some", "avg10"));
        assertThat(s.getAsLong(Metric.PSI_CPU_SOME_AVG300)).isEqualTo(hundredths(cpu, "some", "avg300"));
        assertThat(s.getAsLong(Metric.PSI_IO_FULL_AVG60)).isEqualTo(hundredths(io, "full", "avg60"));
        assertThat(s.getAsLong(Metric.PSI_CPU_SOME_MICROS)).isEqualTo(Long.parseLong(field(cpu, "some", "total")));
        assertThat(s.has(Metric.PSI_MEMORY_FULL_AVG10)).isTrue();
    }

    /** Whether any swap area is on: /proc/swaps has more than its header. */
    private static boolean hasSwap() throws IOException {
        return Files.readAllLines(Path.of("/proc/swaps")).size() > 1;
    }

    /** {@code avg10=1.50} of one line of a pressure file, as 150: read apart from the sampler on purpose. */
    private static long hundredths(String text, String line, String key) {
        return new BigDecimal(field(text, line, key)).movePointRight(2).longValueExact();
    }

    private static String field(String text, String line, String key) {
        return text.lines().filter(l -> l.startsWith(line + " ")).flatMap(l -> Arrays.stream(l.split(" ")))
                .filter(w -> w.startsWith(key + "=")).map(w -> w.substring(key.length() + 1)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + "= on the " + line + " line of " + text));
    }
}
