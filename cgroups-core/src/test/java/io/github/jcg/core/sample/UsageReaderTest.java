package io.github.jcg.core.sample;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.GroupNotFoundException;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.testing.FakeHost;
import io.github.jcg.testing.Fixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;

import static io.github.jcg.core.fake.FakeHosts.discover;
import static io.github.jcg.core.fake.FakeHosts.layout;
import static io.github.jcg.core.sample.Metric.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageReaderTest {
    private static final String CG = "/sys/fs/cgroup";
    private static final long USER_HZ_TICK_NANOS = 10_000_000L;

    @TempDir
    java.nio.file.Path tmp;

    private static FakeHost copy(FakeHost fake, String fixture, String hostPath) {
        return fake.file(hostPath, Fixtures.text(fixture));
    }

    /** Exactly one metric present: its value. */
    private static long value(UsageSnapshot s, Metric m) {
        assertThat(s.has(m)).as("%s present", m).isTrue();
        return s.getAsLong(m);
    }

    @Nested
    class V1OnTheHybridHost {
        /** The root group of the host the fixtures come from, file for file. */
        private FakeHost root() {
            FakeHost fake = FakeHost.hybridFixture(tmp);
            for (String f : new String[]{"cpu/cpu.stat", "cpu/cpu.cfs_quota_us", "cpu/cpu.cfs_period_us",
                    "cpuacct/cpuacct.stat", "cpuacct/cpuacct.usage", "memory/memory.stat", "memory/memory.usage_in_bytes",
                    "memory/memory.limit_in_bytes", "blkio/blkio.throttle.io_service_bytes_recursive",
                    "blkio/blkio.throttle.io_serviced_recursive", "unified/cpu.pressure", "unified/io.pressure",
                    "unified/memory.pressure", "memory/memory.oom_control", "memory/memory.failcnt"}) {
                copy(fake, "hybrid-host/" + f, CG + "/" + f);
            }
            return fake;
        }

        private UsageSnapshot readRoot() {
            return new UsageReader(layout(root())).read(CgroupPath.root());
        }

        @Test
        void cpuUsageIsCpuacctUsageInNanoseconds() {
            assertThat(readRoot().cpuUsageNanos()).hasValue(199_185_005_891L);
        }

        @Test
        void userAndSystemAreCpuacctStatTicksOfTenMilliseconds() {
            UsageSnapshot s = readRoot();

            assertThat(value(s, CPU_USER_NANOS)).isEqualTo(17_257 * USER_HZ_TICK_NANOS);
            assertThat(value(s, CPU_SYSTEM_NANOS)).isEqualTo(2_660 * USER_HZ_TICK_NANOS);
        }

        @Test
        void throttlingCountersAreReadEvenWhenZero() {
            UsageSnapshot s = readRoot();

            assertThat(value(s, CPU_PERIODS)).isZero();
            assertThat(value(s, CPU_THROTTLED_PERIODS)).isZero();
            assertThat(value(s, CPU_THROTTLED_NANOS)).isZero();
            assertThat(value(s, CPU_BURSTS)).isZero();
        }

        @Test
        void minusOneQuotaIsNoLimitAndThePeriodIsItsValue() {
            UsageSnapshot s = readRoot();

            assertThat(s.has(CPU_QUOTA_MICROS)).isTrue();
            assertThat(s.isUnlimited(CPU_QUOTA_MICROS)).isTrue();
            assertThat(s.get(CPU_QUOTA_MICROS)).isEmpty();
            assertThat(s.limit(CPU_QUOTA_MICROS)).contains(Limit.unlimited());
            assertThat(value(s, CPU_PERIOD_MICROS)).isEqualTo(100_000L);
        }

        @Test
        void memoryIsUsageInBytesAndWorkingSetSubtractsTotalInactiveFile() {
            UsageSnapshot s = readRoot();

            assertThat(s.memoryCurrentBytes()).hasValue(239_534_080L);
            assertThat(value(s, MEMORY_WORKING_SET_BYTES)).isEqualTo(239_534_080L - 93_069_312L);
            assertThat(value(s, SWAP_CURRENT_BYTES)).isZero();
        }

        @Test
        void theV1UnlimitedSentinelIsNoLimit() {
            UsageSnapshot s = readRoot();

            assertThat(s.limit(MEMORY_LIMIT_BYTES)).contains(Limit.unlimited());
        }

        @Test
        void ioWithOnlyTheTotalLineIsZero() {
            UsageSnapshot s = readRoot();

            assertThat(value(s, IO_READ_BYTES)).isZero();
            assertThat(value(s, IO_WRITE_OPS)).isZero();
        }

        @Test
        void pressureComesFromTheV2MountInMicroseconds() {
            UsageSnapshot s = readRoot();

            assertThat(value(s, PSI_CPU_SOME_MICROS)).isEqualTo(39_029_536L);
            assertThat(value(s, PSI_CPU_FULL_MICROS)).isZero();
            assertThat(value(s, PSI_IO_SOME_MICROS)).isEqualTo(1_471_498L);
            assertThat(value(s, PSI_IO_FULL_MICROS)).isEqualTo(1_248_728L);
            assertThat(value(s, PSI_MEMORY_SOME_MICROS)).isZero();
        }

        @Test
        void pressureAveragesComeFromTheSameFilesInHundredthsOfAPercent() {
            UsageSnapshot s = readRoot();

            assertThat(value(s, PSI_CPU_SOME_AVG10)).isEqualTo(2_333L);
            assertThat(value(s, PSI_CPU_SOME_AVG60)).isEqualTo(1_531L);
            assertThat(value(s, PSI_CPU_SOME_AVG300)).isEqualTo(833L);
            assertThat(value(s, PSI_CPU_FULL_AVG10)).isZero();
            assertThat(value(s, PSI_IO_SOME_AVG60)).isEqualTo(1L);
            assertThat(value(s, PSI_IO_SOME_AVG300)).isEqualTo(2L);
            assertThat(value(s, PSI_MEMORY_FULL_AVG300)).isZero();
        }

        @Test
        void totalsAndAveragesTogetherOpenEachPressureFileOnce() {
            FakeHost fake = root();

            List<String> both = new UsageReader(layout(fake), EnumSet.of(MetricFamily.PSI, MetricFamily.PSI_AVERAGES))
                    .filesOpenedFor(CgroupPath.root());
            List<String> averagesOnly = new UsageReader(layout(fake), EnumSet.of(MetricFamily.PSI_AVERAGES))
                    .filesOpenedFor(CgroupPath.root());

            assertThat(both).hasSize(3).allMatch(f -> f.endsWith(".pressure"));
            assertThat(averagesOnly).isEqualTo(both);
        }

        @Test
        void topsNarrowFamiliesOpenOneFileEachAndHoldOnlyTheirValues() {
            FakeHost fake = root();
            UsageReader reader = new UsageReader(layout(fake), EnumSet.of(MetricFamily.OOM_KILLS, MetricFamily.PSI_SOME_AVG10));

            List<String> opened = reader.filesOpenedFor(CgroupPath.root());
            UsageSnapshot s = reader.read(CgroupPath.root());

            assertThat(opened).extracting(f -> f.substring(f.lastIndexOf('/') + 1))
                    .containsExactly("cpu.pressure", "memory.pressure", "memory.oom_control", "io.pressure");
            assertThat(s.oomKills()).hasValue(0L);
            assertThat(value(s, PSI_CPU_SOME_AVG10)).isEqualTo(2_333L);
            assertThat(s.has(MEMORY_FAILCNT)).isFalse();
            assertThat(s.has(PSI_CPU_SOME_MICROS)).isFalse();
            assertThat(s.has(PSI_CPU_SOME_AVG60)).isFalse();
        }

        @Test
        void theRootsOomControlAndFailcntAreReadAsTheyAreZerosIncluded() {
            UsageSnapshot s = readRoot();

            assertThat(s.oomKills()).hasValue(0L);
            assertThat(value(s, MEMORY_UNDER_OOM)).isZero();
            assertThat(value(s, MEMORY_FAILCNT)).isZero();
        }

        @Test
        void v1EventCountersAndPeaksOfAGroup() {
            FakeHost fake = root();
            copy(fake, "kernel-docs/v1/memory.oom_control", CG + "/memory/web/memory.oom_control");
            copy(fake, "kernel-docs/v1/memory.failcnt", CG + "/memory/web/memory.failcnt");
            copy(fake, "hybrid-host/pids/child/pids.events", CG + "/pids/web/pids.events");
            copy(fake, "hybrid-host/pids/child/pids.peak", CG + "/pids/web/pids.peak");

            UsageSnapshot s = new UsageReader(layout(fake)).read(CgroupPath.of("web"));

            // oom_kill, not the oom_kill_disable line before it
            assertThat(s.oomKills()).hasValue(3L);
            assertThat(value(s, MEMORY_UNDER_OOM)).isEqualTo(1L);
            assertThat(value(s, MEMORY_FAILCNT)).isEqualTo(41L);
            assertThat(value(s, PIDS_EVENTS_MAX)).isEqualTo(1L);
            assertThat(s.pidsPeak()).hasValue(3L);
            // memory.events, memory.swap.peak and cgroup.events are v2's: none here
            assertThat(s.has(MEMORY_EVENTS_MAX)).isFalse();
            assertThat(s.has(MEMORY_EVENTS_OOM)).isFalse();
            assertThat(s.has(SWAP_PEAK_BYTES)).isFalse();
            assertThat(s.populated()).isEmpty();
        }

        @Test
        void frozenIsTheV1FreezerStateWhereTheGroupIsInThatHierarchy() {
            FakeHost fake = root();
            copy(fake, "hybrid-host/freezer/child/freezer.state", CG + "/freezer/web/freezer.state");
            // the v2 mount says not frozen: the v1 freezer is the one that froze it
            copy(fake, "kernel-docs/v2/cgroup.events", CG + "/unified/web/cgroup.events");
            fake.file(CG + "/freezer/thawing/freezer.state", "FREEZING\n");

            UsageSnapshot web = new UsageReader(layout(fake)).read(CgroupPath.of("web"));
            UsageSnapshot thawing = new UsageReader(layout(fake)).read(CgroupPath.of("thawing"));

            assertThat(web.frozen()).contains(true);
            assertThat(web.populated()).contains(true);
            assertThat(thawing.frozen()).as("a freeze under way").contains(false);
            assertThat(thawing.populated()).isEmpty();
        }

        @Test
        void aGroupOnlyOnTheV2MountIsPopulatedAndFrozenFromCgroupEvents() {
            FakeHost fake = root();
            copy(fake, "hybrid-host/unified/child/cgroup.events", CG + "/unified/web/cgroup.events");

            UsageSnapshot s = new UsageReader(layout(fake), EnumSet.of(MetricFamily.GROUP_EVENTS)).read(CgroupPath.of("web"));

            assertThat(value(s, POPULATED)).isEqualTo(1L);
            assertThat(s.frozen()).contains(true);
        }

        @Test
        void whatTheHostDoesNotShowIsAbsentNeverZero() {
            UsageSnapshot s = readRoot();

            // the root groups have no pids.events, pids.peak or cgroup.events
            assertThat(s.has(PIDS_EVENTS_MAX)).isFalse();
            assertThat(s.pidsPeak()).isEmpty();
            assertThat(s.has(POPULATED)).isFalse();
            assertThat(s.frozen()).isEmpty();

            // the root has no memory.max_usage_in_bytes copied, pids.current or cgroup.procs here
            assertThat(s.has(MEMORY_PEAK_BYTES)).isFalse();
            assertThat(s.has(PIDS_CURRENT)).isFalse();
            assertThat(s.has(PIDS_LIMIT)).isFalse();
            assertThat(s.has(PROCESSES)).isFalse();
            assertThat(s.get(MEMORY_PEAK_BYTES)).isEqualTo(OptionalLong.empty());
            assertThatThrownBy(() -> s.getAsLong(PIDS_CURRENT)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aGroupInOneHierarchyOnlyHasOnlyThatHierarchysMetrics() {
            String group = CG + "/memory/process_api/3465720c12a7cdfc371a8fedfab30b3a";
            FakeHost fake = root();
            copy(fake, "hybrid-host/memory/child/memory.stat", group + "/memory.stat");
            copy(fake, "hybrid-host/memory/child/memory.usage_in_bytes", group + "/memory.usage_in_bytes");

            UsageSnapshot s = new UsageReader(layout(fake)).read(CgroupPath.of("/process_api/3465720c12a7cdfc371a8fedfab30b3a"));

            assertThat(s.memoryCurrentBytes()).hasValue(33_013_760L);
            assertThat(value(s, MEMORY_WORKING_SET_BYTES)).isEqualTo(33_013_760L - 14_643_200L);
            assertThat(s.has(CPU_USAGE_NANOS)).isFalse();
            assertThat(s.has(CPU_PERIODS)).isFalse();
            assertThat(s.has(IO_READ_BYTES)).isFalse();
        }

        @Test
        void blkioBytesAndOpsAreSummedOverDevices() {
            FakeHost fake = root();
            copy(fake, "kernel-docs/v1/blkio.throttle.io_service_bytes", CG + "/blkio/web/blkio.throttle.io_service_bytes_recursive");
            copy(fake, "kernel-docs/v1/blkio.throttle.io_serviced", CG + "/blkio/web/blkio.throttle.io_serviced_recursive");

            UsageSnapshot s = new UsageReader(layout(fake)).read(CgroupPath.of("web"));

            assertThat(value(s, IO_READ_BYTES)).isEqualTo(1_459_200L + 90_430_464L);
            assertThat(value(s, IO_WRITE_BYTES)).isEqualTo(314_773_504L + 299_008_000L);
            assertThat(value(s, IO_READ_OPS)).isEqualTo(192L + 8_950L);
            assertThat(value(s, IO_WRITE_OPS)).isEqualTo(353L + 1_252L);
        }

        @Test
        void v1ThrottledTimeIsAlreadyNanoseconds() {
            FakeHost fake = root().file(CG + "/cpu/web/cpu.stat",
                    "nr_periods 40\nnr_throttled 10\nthrottled_time 2500000000\nnr_bursts 2\nburst_time 3000000\n");

            UsageSnapshot s = new UsageReader(layout(fake)).read(CgroupPath.of("web"));

            assertThat(value(s, CPU_PERIODS)).isEqualTo(40L);
            assertThat(s.throttledPeriods()).hasValue(10L);
            assertThat(value(s, CPU_THROTTLED_NANOS)).isEqualTo(2_500_000_000L);
            assertThat(value(s, CPU_BURST_NANOS)).isEqualTo(3_000_000L);
        }

        @Test
        void workingSetIsFlooredAtZero() {
            FakeHost fake = root().file(CG + "/memory/web/memory.usage_in_bytes", "1000\n")
                    .file(CG + "/memory/web/memory.stat", "total_inactive_file 5000\ntotal_swap 0\n");

            UsageSnapshot s = new UsageReader(layout(fake)).read(CgroupPath.of("web"));

            assertThat(value(s, MEMORY_WORKING_SET_BYTES)).isZero();
        }

        @Test
        void peakLimitPidsProcessesAndThreadsOfAV1Group() {
            FakeHost fake = root()
                    .file(CG + "/memory/web/memory.usage_in_bytes", "4096\n")
                    .file(CG + "/memory/web/memory.max_usage_in_bytes", "8192\n")
                    .file(CG + "/memory/web/memory.limit_in_bytes", "268435456\n")
                    .file(CG + "/pids/web/pids.current", "3\n")
                    .file(CG + "/pids/web/pids.max", "max\n")
                    .file(CG + "/pids/web/cgroup.procs", "10\n11\n12\n")
                    .file(CG + "/pids/web/tasks", "10\n11\n12\n13\n");

            UsageSnapshot s = new UsageReader(layout(fake)).read(CgroupPath.of("web"));

            assertThat(value(s, MEMORY_PEAK_BYTES)).isEqualTo(8_192L);
            assertThat(s.limit(MEMORY_LIMIT_BYTES)).contains(Limit.of(268_435_456L));
            assertThat(value(s, PIDS_CURRENT)).isEqualTo(3L);
            assertThat(s.limit(PIDS_LIMIT)).contains(Limit.unlimited());
            assertThat(value(s, PROCESSES)).isEqualTo(3L);
            assertThat(value(s, THREADS)).isEqualTo(4L);
        }
    }

    @Nested
    class ControllersSplitBetweenVersions {
        @Test
        void eachMetricIsReadFromTheHierarchyOfItsController() {
            HostLayout layout = layout(FakeHost.split(tmp)
                    .file(CG + "/cpuacct/web/cpuacct.usage", "123456789\n")
                    .file(CG + "/cpu/web/cpu.cfs_quota_us", "50000\n")
                    .file(CG + "/cpu/web/cpu.cfs_period_us", "100000\n")
                    .file(CG + "/unified/web/cpu.stat", "usage_usec 999\nuser_usec 500\nsystem_usec 499\n")
                    .file(CG + "/unified/web/memory.current", "4096000\n")
                    .file(CG + "/unified/web/memory.max", "max\n")
                    .file(CG + "/unified/web/pids.current", "3\n")
                    .file(CG + "/unified/web/pids.max", "100\n"));

            UsageSnapshot s = new UsageReader(layout, EnumSet.of(MetricFamily.CPU_USAGE, MetricFamily.CPU_LIMIT,
                    MetricFamily.MEMORY_USAGE, MetricFamily.MEMORY_LIMIT, MetricFamily.PIDS)).read(CgroupPath.of("web"));

            // cpuacct on v1 wins over the v2 mount's core cpu.stat
            assertThat(value(s, CPU_USAGE_NANOS)).isEqualTo(123_456_789L);
            assertThat(value(s, CPU_QUOTA_MICROS)).isEqualTo(50_000L);
            assertThat(value(s, MEMORY_CURRENT_BYTES)).isEqualTo(4_096_000L);
            assertThat(s.limit(MEMORY_LIMIT_BYTES)).contains(Limit.unlimited());
            assertThat(value(s, PIDS_CURRENT)).isEqualTo(3L);
            assertThat(s.limit(PIDS_LIMIT)).contains(Limit.of(100));
        }
    }

    @Nested
    class V2OnAUnifiedHost {
        private FakeHost withWeb() {
            FakeHost fake = FakeHost.unified(tmp, "cpu io memory pids")
                    .file(CG + "/web/memory.current", "104857600\n")
                    .file(CG + "/web/memory.peak", "209715200\n")
                    .file(CG + "/web/memory.swap.current", "0\n")
                    .file(CG + "/web/memory.max", "max\n")
                    .file(CG + "/web/pids.current", "2\n")
                    .file(CG + "/web/pids.max", "100\n")
                    .file(CG + "/web/cgroup.procs", "1\n2\n")
                    .file(CG + "/web/cgroup.threads", "1\n2\n3\n");
            copy(fake, "kernel-docs/v2/cpu.stat", CG + "/web/cpu.stat");
            copy(fake, "kernel-docs/v2/cpu.max", CG + "/web/cpu.max");
            copy(fake, "kernel-docs/v2/memory.stat", CG + "/web/memory.stat");
            copy(fake, "kernel-docs/v2/io.stat", CG + "/web/io.stat");
            copy(fake, "hybrid-host/unified/cpu.pressure", CG + "/web/cpu.pressure");
            copy(fake, "hybrid-host/unified/io.pressure", CG + "/web/io.pressure");
            copy(fake, "hybrid-host/unified/memory.pressure", CG + "/web/memory.pressure");
            for (String f : new String[]{"memory.events", "memory.swap.peak", "pids.events", "pids.peak", "cgroup.events"}) {
                copy(fake, "kernel-docs/v2/" + f, CG + "/web/" + f);
            }
            return fake;
        }

        private UsageSnapshot readWeb() {
            return new UsageReader(layout(withWeb())).read(CgroupPath.of("web"));
        }

        @Test
        void cpuStatMicrosecondsBecomeNanoseconds() {
            UsageSnapshot s = readWeb();

            assertThat(s.cpuUsageNanos()).hasValue(1_210_640_000L);
            assertThat(value(s, CPU_USER_NANOS)).isEqualTo(785_013_000L);
            assertThat(value(s, CPU_SYSTEM_NANOS)).isEqualTo(425_627_000L);
            assertThat(value(s, CPU_THROTTLED_NANOS)).isEqualTo(9_830_214_000L);
        }

        @Test
        void periodCountsAreCountsNotTimes() {
            UsageSnapshot s = readWeb();

            assertThat(value(s, CPU_PERIODS)).isEqualTo(1_457L);
            assertThat(value(s, CPU_THROTTLED_PERIODS)).isEqualTo(318L);
            assertThat(value(s, CPU_BURSTS)).isZero();
        }

        @Test
        void cpuMaxGivesQuotaAndPeriod() {
            UsageSnapshot s = readWeb();

            assertThat(s.limit(CPU_QUOTA_MICROS)).contains(Limit.of(50_000));
            assertThat(value(s, CPU_PERIOD_MICROS)).isEqualTo(100_000L);
        }

        @Test
        void memoryCurrentPeakSwapAndWorkingSet() {
            UsageSnapshot s = readWeb();

            assertThat(s.memoryCurrentBytes()).hasValue(104_857_600L);
            assertThat(value(s, MEMORY_PEAK_BYTES)).isEqualTo(209_715_200L);
            assertThat(value(s, MEMORY_WORKING_SET_BYTES)).isEqualTo(104_857_600L - 98_902_016L);
            assertThat(value(s, SWAP_CURRENT_BYTES)).isZero();
            assertThat(s.limit(MEMORY_LIMIT_BYTES)).contains(Limit.unlimited());
        }

        @Test
        void ioStatIsSummedOverDevicesAndAgreesWithV1() {
            UsageSnapshot s = readWeb();

            assertThat(value(s, IO_READ_BYTES)).isEqualTo(1_459_200L + 90_430_464L);
            assertThat(value(s, IO_WRITE_BYTES)).isEqualTo(314_773_504L + 299_008_000L);
            assertThat(value(s, IO_READ_OPS)).isEqualTo(192L + 8_950L);
            assertThat(value(s, IO_WRITE_OPS)).isEqualTo(353L + 1_252L);
        }

        @Test
        void pidsPressureProcessesAndThreads() {
            UsageSnapshot s = readWeb();

            assertThat(value(s, PIDS_CURRENT)).isEqualTo(2L);
            assertThat(s.limit(PIDS_LIMIT)).contains(Limit.of(100));
            assertThat(value(s, PSI_CPU_SOME_MICROS)).isEqualTo(39_029_536L);
            assertThat(value(s, PSI_IO_FULL_MICROS)).isEqualTo(1_248_728L);
            assertThat(value(s, PROCESSES)).isEqualTo(2L);
            assertThat(value(s, THREADS)).isEqualTo(3L);
        }

        @Test
        void memoryEventsAreReadKeyByKey() {
            UsageSnapshot s = readWeb();

            assertThat(value(s, MEMORY_EVENTS_LOW)).isZero();
            assertThat(value(s, MEMORY_EVENTS_HIGH)).isEqualTo(12L);
            assertThat(value(s, MEMORY_EVENTS_MAX)).isEqualTo(7L);
            assertThat(value(s, MEMORY_EVENTS_OOM)).isEqualTo(2L);
            assertThat(s.oomKills()).hasValue(2L);
            assertThat(value(s, MEMORY_EVENTS_OOM_GROUP_KILL)).isEqualTo(1L);
            // v1's own counters have no v2 file
            assertThat(s.has(MEMORY_FAILCNT)).isFalse();
            assertThat(s.has(MEMORY_UNDER_OOM)).isFalse();
        }

        @Test
        void peaksPidsEventsAndGroupEvents() {
            UsageSnapshot s = readWeb();

            assertThat(s.memoryPeakBytes()).hasValue(209_715_200L);
            assertThat(value(s, SWAP_PEAK_BYTES)).isEqualTo(16_777_216L);
            assertThat(s.pidsPeak()).hasValue(17L);
            // max, not the max.imposed line after it
            assertThat(value(s, PIDS_EVENTS_MAX)).isEqualTo(5L);
            assertThat(s.populated()).contains(true);
            assertThat(s.frozen()).contains(false);
        }

        @Test
        void pidsEventsMaxIsTheWholeKeyWhereverItsLineIs() {
            FakeHost fake = withWeb().file(CG + "/web/pids.events", "max.imposed 9\nmax 4\n");

            UsageSnapshot s = new UsageReader(layout(fake), EnumSet.of(MetricFamily.PIDS_EVENTS)).read(CgroupPath.of("web"));

            assertThat(value(s, PIDS_EVENTS_MAX)).isEqualTo(4L);
        }

        @Test
        void pressureAveragesOfAGroup() {
            UsageSnapshot s = readWeb();

            assertThat(value(s, PSI_CPU_SOME_AVG10)).isEqualTo(2_333L);
            assertThat(value(s, PSI_IO_SOME_AVG300)).isEqualTo(2L);
            assertThat(value(s, PSI_MEMORY_SOME_AVG10)).isZero();
        }

        @Test
        void onlyTheWantedEventFilesAreOpened() {
            HostLayout layout = layout(withWeb());

            List<String> events = new UsageReader(layout, EnumSet.of(MetricFamily.MEMORY_EVENTS, MetricFamily.GROUP_EVENTS))
                    .filesOpenedFor(CgroupPath.of("web"));
            List<String> usage = new UsageReader(layout, EnumSet.of(MetricFamily.MEMORY_USAGE)).filesOpenedFor(CgroupPath.of("web"));

            assertThat(events).extracting(f -> f.substring(f.lastIndexOf('/') + 1))
                    .containsExactly("memory.events", "cgroup.events");
            assertThat(usage).extracting(f -> f.substring(f.lastIndexOf('/') + 1)).containsExactly("memory.current");
        }

        @Test
        void withoutTheCpuControllerOnlyTheCoreUsageIsThere() {
            // cpu.stat of a group without the cpu controller: the real host's core file
            FakeHost fake = withWeb();
            copy(fake, "hybrid-host/unified/cpu.stat", CG + "/bare/cpu.stat");

            UsageSnapshot s = new UsageReader(layout(fake)).read(CgroupPath.of("bare"));

            assertThat(s.cpuUsageNanos()).hasValue(195_614_651_000L);
            assertThat(s.has(CPU_PERIODS)).isFalse();
            assertThat(s.has(CPU_THROTTLED_NANOS)).isFalse();
            assertThat(s.has(CPU_QUOTA_MICROS)).isFalse();
            assertThat(s.has(MEMORY_CURRENT_BYTES)).isFalse();
            assertThat(s.has(IO_READ_BYTES)).isFalse();
            assertThat(s.has(PSI_CPU_SOME_MICROS)).isFalse();
        }

        @Test
        void anEmptyIoStatMeansNoIoYet() {
            FakeHost fake = withWeb().file(CG + "/fresh/io.stat", "");

            UsageSnapshot s = new UsageReader(layout(fake)).read(CgroupPath.of("fresh"));

            assertThat(value(s, IO_READ_BYTES)).isZero();
            assertThat(value(s, IO_WRITE_OPS)).isZero();
        }

        @Test
        void onlyTheWantedMetricFamiliesAreRead() {
            HostLayout layout = layout(withWeb());

            UsageSnapshot s = new UsageReader(layout, EnumSet.of(MetricFamily.CPU)).read(CgroupPath.of("web"));

            assertThat(s.cpuUsageNanos()).isPresent();
            assertThat(s.has(CPU_PERIODS)).isFalse();
            assertThat(s.has(MEMORY_CURRENT_BYTES)).isFalse();
            assertThat(s.has(PROCESSES)).isFalse();
        }

        @Test
        void aGroupThatIsNotThereHasNoSnapshot() {
            HostLayout layout = layout(withWeb());

            assertThat(new UsageReader(layout).read(CgroupPath.of("gone"))).isNull();
        }

        @Test
        void cgroupUsageSaysWhenTheGroupIsMissing() {
            FakeHost fake = withWeb();

            assertThat(discover(fake).group("web").usage().cpuUsageNanos()).hasValue(1_210_640_000L);
            assertThatThrownBy(() -> discover(fake).group("gone").usage()).isInstanceOf(GroupNotFoundException.class);
        }
    }
}
