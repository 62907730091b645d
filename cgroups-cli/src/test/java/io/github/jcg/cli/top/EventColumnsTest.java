package io.github.jcg.cli.top;

import io.github.jcg.cli.FakeHosts;
import io.github.jcg.cli.Hosts;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.HostPaths;
import io.github.jcg.core.sample.MetricFamily;
import io.github.jcg.testing.FakeHost;
import io.github.jcg.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The OOM and pressure columns ({@code --oom-kills}, {@code --pressure}) on fake hosts: a v2 host
 * whose groups have {@code memory.events} and the pressure files, and the hybrid host the
 * fixtures come from, where OOM kills are v1's {@code memory.oom_control} and pressure comes
 * from the v2 mount. The files are read only when the columns are shown.
 */
class EventColumnsTest {
    private static final String CG = "/sys/fs/cgroup";
    private static final String V2_PROC_CGROUPS = "cpu\t0\t5\t1\nio\t0\t5\t1\nmemory\t0\t5\t1\npids\t0\t5\t1\n";

    @TempDir
    Path root;

    /** A v2 host: /web with memory.events and the pressure files, /quiet with neither. */
    private FakeHost v2Host() {
        FakeHost fake = FakeHost.empty(root).mountinfo(FakeHost.V2_ONLY_MOUNTINFO).controllers(V2_PROC_CGROUPS)
                .selfCgroup("0::/\n");
        fake.group("", "/", Map.of("cgroup.controllers", "cpu io memory pids\n", "cgroup.subtree_control", "cpu io memory pids\n",
                "cgroup.procs", "1\n", "cpu.stat", "usage_usec 1000000\nuser_usec 600000\nsystem_usec 400000\n"));
        fake.group("", "web", Map.of("cgroup.procs", "", "cpu.stat", "usage_usec 5000\nuser_usec 0\nsystem_usec 0\n",
                "memory.current", "1048576\n", "pids.current", "2\n", "io.stat", ""));
        fake.group("", "quiet", Map.of("cgroup.procs", "", "cpu.stat", "usage_usec 0\nuser_usec 0\nsystem_usec 0\n",
                "memory.current", "0\n", "pids.current", "0\n", "io.stat", ""));
        for (String f : new String[] {"memory.events", "cgroup.events"}) {
            fake.file(CG + "/web/" + f, Fixtures.text("kernel-docs/v2/" + f));
        }
        for (String f : new String[] {"cpu.pressure", "memory.pressure", "io.pressure"}) {
            fake.file(CG + "/web/" + f, Fixtures.text("hybrid-host/unified/" + f));
        }
        return fake;
    }

    /** The hybrid fixture host: /web in the v1 memory hierarchy (oom_control) and on the v2 mount (pressure). */
    private FakeHost hybridHost() {
        FakeHost fake = FakeHost.hybridFixture(root);
        fake.file(CG + "/memory/web/memory.usage_in_bytes", "4096\n");
        fake.file(CG + "/memory/web/memory.oom_control", Fixtures.text("kernel-docs/v1/memory.oom_control"));
        fake.file(CG + "/memory/web/memory.failcnt", Fixtures.text("kernel-docs/v1/memory.failcnt"));
        fake.file(CG + "/unified/web/cgroup.procs", "");
        for (String f : new String[] {"cpu.pressure", "memory.pressure", "io.pressure"}) {
            fake.file(CG + "/unified/web/" + f, Fixtures.text("hybrid-host/unified/" + f));
        }
        return fake;
    }

    private static Map<String, GroupRow> rows(FakeHost fake, boolean oomKills, boolean pressure) {
        CgroupHost host = CgroupHost.discover(HostPaths.under(fake.root()));
        TopSettings settings = new TopSettings();
        settings.oomKills = oomKills;
        settings.pressure = pressure;
        Source source = Source.forSettings(host.layout(), settings, false);
        return source.rows(null, source.sample(), TaskCounting.TASKS, true).stream()
                .collect(Collectors.toMap(r -> r.path().toString(), Function.identity()));
    }

    @Test
    void onV2TheColumnsAreMemoryEventsOomKillAndSomeAvg10() {
        Map<String, GroupRow> rows = rows(v2Host(), true, true);

        GroupRow web = rows.get("/web");
        assertThat(web.oomKills()).hasValue(2L);
        assertThat(web.cpuPressure().getAsDouble()).isCloseTo(23.33, within(1e-9));
        assertThat(web.memoryPressure()).hasValue(0.0);
        assertThat(web.ioPressure()).hasValue(0.0);
        GroupRow quiet = rows.get("/quiet");
        assertThat(quiet.oomKills()).as("no memory.events: unknown, not zero").isEmpty();
        assertThat(quiet.cpuPressure()).isEmpty();
    }

    @Test
    void onTheHybridHostOomKillsAreV1sOomControlAndPressureIsTheV2Mounts() {
        Map<String, GroupRow> rows = rows(hybridHost(), true, true);

        GroupRow web = rows.get("/web");
        assertThat(web.oomKills()).hasValue(3L);
        assertThat(web.cpuPressure().getAsDouble()).isCloseTo(23.33, within(1e-9));
        assertThat(web.ioPressure()).hasValue(0.0);
    }

    @Test
    void theFilesAreNotReadWhenTheColumnsAreOff() {
        FakeHost fake = v2Host();

        GroupRow web = rows(fake, false, false).get("/web");

        assertThat(web.oomKills()).isEmpty();
        assertThat(web.cpuPressure()).isEmpty();
        assertThat(rows(fake, true, false).get("/web").cpuPressure()).isEmpty();
        assertThat(rows(fake, false, true).get("/web").oomKills()).isEmpty();
        assertThat(Source.metricsFor(TaskCounting.TASKS, true, false, false))
                .doesNotContain(MetricFamily.OOM_KILLS, MetricFamily.PSI_SOME_AVG10, MetricFamily.MEMORY_EVENTS,
                        MetricFamily.PSI_AVERAGES);
    }

    @Test
    void batchOutputAddsTheColumnsAfterSystemdCgtopsSix() {
        FakeHost fake = v2Host();
        try (Hosts.Scope scope = FakeHosts.use(fake)) {
            String plain = TopOptionsTest.run("top", "-b", "-n", "1", "--order=path");
            String events = TopOptionsTest.run("top", "-b", "-n", "1", "--order=path", "--oom-kills", "--pressure");

            // one refresh: no IO rates yet, but the kernel's counters and averages need no second sample
            assertThat(plain).startsWith("0:").contains("/web         2      -     1.0M        -        -\n");
            assertThat(events).startsWith("0:")
                    .contains("/web         2      -     1.0M        -        -     2  23.33   0.00   0.00\n")
                    .contains("/quiet       0      -       0B        -        -     -      -      -      -\n");
        }
    }

    @Test
    void jsonHasTheFieldsWhenTheirOptionsAreGiven() {
        FakeHost fake = hybridHost();
        try (Hosts.Scope scope = FakeHosts.use(fake)) {
            String plain = TopOptionsTest.run("top", "-o", "json", "-n", "1", "/web");
            String events = TopOptionsTest.run("top", "-o", "json", "-n", "1", "--oom-kills", "--pressure", "/web");

            assertThat(plain).startsWith("0:").doesNotContain("oomKills").doesNotContain("PressureSomeAvg10");
            assertThat(events).startsWith("0:").contains("\"oomKills\":3").contains("\"cpuPressureSomeAvg10Percent\":23.33")
                    .contains("\"memoryPressureSomeAvg10Percent\":0.0").contains("\"ioPressureSomeAvg10Percent\":0.0");
        }
    }
}
