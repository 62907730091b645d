package io.github.jcg.core;

import io.github.jcg.core.limit.BlockDevice;
import io.github.jcg.core.limit.CpuWeight;
import io.github.jcg.core.limit.IoDeviceLimit;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import io.github.jcg.testing.FakeHost;
import io.github.jcg.testing.Fixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.github.jcg.core.fake.FakeHosts.discover;
import static io.github.jcg.testing.FakeHost.afterWrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Cgroup} on fake v1 (hybrid) and v2 (unified) trees: which hierarchy a file is found
 * in, what {@code apply} writes and in which spelling, what {@code resources} reads back.
 */
class FakeTreeCgroupTest {
    /** What v1 memory.*limit_in_bytes reads when no limit is set (PAGE_COUNTER_MAX pages). */
    private static final String V1_UNLIMITED = "9223372036854771712\n";
    private static final String CG = "/sys/fs/cgroup";
    private static final long MiB = 1L << 20;

    @TempDir
    Path tmp;

    private static Set<String> words(String text) {
        return Set.of(text.strip().split("\\s+"));
    }

    @Nested
    class V1OnAHybridHost {
        /** Group "web" with the control files v1 shows, holding the kernel's defaults. */
        private FakeHost withWeb() {
            return FakeHost.hybridFixture(tmp)
                    .file(CG + "/cpu/web/cpu.cfs_quota_us", "-1\n")
                    .file(CG + "/cpu/web/cpu.cfs_period_us", "100000\n")
                    .file(CG + "/cpu/web/cpu.shares", "1024\n")
                    .file(CG + "/cpu/web/cgroup.procs", "")
                    .file(CG + "/cpuacct/web/cpuacct.usage", "0\n")
                    .file(CG + "/memory/web/memory.limit_in_bytes", V1_UNLIMITED)
                    .file(CG + "/memory/web/memory.memsw.limit_in_bytes", V1_UNLIMITED)
                    .file(CG + "/memory/web/memory.soft_limit_in_bytes", V1_UNLIMITED)
                    .file(CG + "/blkio/web/blkio.throttle.read_bps_device", "")
                    .file(CG + "/blkio/web/blkio.throttle.write_bps_device", "")
                    .file(CG + "/blkio/web/blkio.throttle.read_iops_device", "")
                    .file(CG + "/blkio/web/blkio.throttle.write_iops_device", "")
                    .file(CG + "/freezer/web/freezer.state", "THAWED\n")
                    .file(CG + "/pids/web/pids.max", "max\n")
                    .file(CG + "/unified/web/cpu.pressure", Fixtures.text("hybrid-host/unified/cpu.pressure"))
                    .file(CG + "/unified/web/cgroup.procs", "");
        }

        /** The same group, with empty files wherever the planner does not read the current value. */
        private FakeHost withBlankWeb() {
            FakeHost fake = withWeb();
            for (String file : List.of("/cpu/web/cpu.cfs_quota_us", "/cpu/web/cpu.shares",
                    "/memory/web/memory.soft_limit_in_bytes", "/pids/web/pids.max")) {
                fake.file(CG + file, "");
            }
            return fake;
        }

        @Test
        void aControllerFileIsReadFromTheHierarchyOfItsPrefix() {
            Cgroup web = discover(withWeb()).group("web");

            assertThat(web.hierarchyOf("cpu.cfs_quota_us").mountedAt()).isEqualTo(CG + "/cpu");
            assertThat(web.read("cpu.cfs_quota_us")).isEqualTo("-1\n");
            assertThat(web.hierarchyOf("cpuacct.usage").mountedAt()).isEqualTo(CG + "/cpuacct");
            assertThat(web.hierarchyOf("memory.limit_in_bytes").mountedAt()).isEqualTo(CG + "/memory");
            assertThat(web.hierarchyOf("pids.max").mountedAt()).isEqualTo(CG + "/pids");
        }

        @Test
        void aFileTheV1SideLacksIsFoundOnTheV2Mount() {
            Cgroup web = discover(withWeb()).group("web");

            // cpu.pressure carries the cpu prefix, but only cgroup2 has pressure files
            Hierarchy where = web.hierarchyOf("cpu.pressure");
            assertThat(where.version()).isEqualTo(CgroupVersion.V2);
            assertThat(where.mountedAt()).isEqualTo(CG + "/unified");
            assertThat(web.read("cpu.pressure")).isEqualTo(Fixtures.text("hybrid-host/unified/cpu.pressure"));
        }

        @Test
        void writeGoesToTheOwningHierarchy() {
            FakeHost fake = withWeb();

            discover(fake).group("web").write("cpu.cfs_quota_us", "50000");

            assertThat(fake.read(CG + "/cpu/web/cpu.cfs_quota_us")).isEqualTo("50000");
        }

        @Test
        void writeRefusesAValueOutOfRangeBeforeTheKernelSeesIt() {
            FakeHost fake = withWeb();
            Cgroup web = discover(fake).group("web");

            assertThatThrownBy(() -> web.write("cpu.cfs_quota_us", "500"))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("cpu.cfs_quota_us").hasMessageContaining("1000").hasMessageContaining("(got 500)");
            assertThat(fake.read(CG + "/cpu/web/cpu.cfs_quota_us")).isEqualTo("-1\n");
        }

        @Test
        void writeNeverCreatesAControlFile() {
            FakeHost fake = withWeb();
            Cgroup web = discover(fake).group("web");

            assertThatThrownBy(() -> web.write("cpu.cfs_burst_us", "1000"))
                    .isInstanceOf(KernelRefusedException.class)
                    .satisfies(e -> assertThat(((CgroupException) e).errno()).contains(Errno.ENOENT))
                    .hasMessageContaining(fake.path(CG + "/cpu/web/cpu.cfs_burst_us").toString());
            assertThat(fake.exists(CG + "/cpu/web/cpu.cfs_burst_us")).isFalse();
        }

        @Test
        void readingAGroupThatDoesNotExistSaysSo() {
            Cgroup nope = discover(withWeb()).group("nope");

            assertThatThrownBy(() -> nope.read("cpu.shares")).isInstanceOf(GroupNotFoundException.class)
                    .hasMessageContaining("'/nope' does not exist");
        }

        @Test
        void aFileNameCannotClimbOutOfTheGroup() {
            Cgroup web = discover(withWeb()).group("web");

            assertThatThrownBy(() -> web.read("../cgroup.procs")).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void applyWritesEveryLimitInTheV1Spelling() {
            FakeHost fake = withBlankWeb();

            discover(fake).withMapping(SharesWeightMapping.LIBCGROUP_LINEAR).group("web").apply(Resources.builder()
                    .cpuMax(Limit.of(50_000), 100_000)
                    .cpuWeight(CpuWeight.weight(50))
                    .memoryMax(Limit.of(256 * MiB))
                    .memoryHigh(Limit.of(128 * MiB))
                    .swapMax(Limit.of(64 * MiB))
                    .pidsMax(Limit.of(100))
                    .io(new IoDeviceLimit(new BlockDevice(8, 0), Optional.of(Limit.of(MiB)), Optional.of(Limit.unlimited()),
                            Optional.empty(), Optional.empty()))
                    .frozen(true)
                    .build());

            assertThat(fake.read(CG + "/cpu/web/cpu.cfs_quota_us")).isEqualTo("50000");
            assertThat(fake.read(CG + "/cpu/web/cpu.cfs_period_us")).isEqualTo("100000\n");
            // weight 50 × 1024 / 100
            assertThat(fake.read(CG + "/cpu/web/cpu.shares")).isEqualTo("512");
            assertThat(fake.read(CG + "/memory/web/memory.limit_in_bytes")).isEqualTo(afterWrite(V1_UNLIMITED, "268435456"));
            // v1 limits memory and swap together: 256 MiB + 64 MiB
            assertThat(fake.read(CG + "/memory/web/memory.memsw.limit_in_bytes")).isEqualTo(afterWrite(V1_UNLIMITED, "335544320"));
            assertThat(fake.read(CG + "/memory/web/memory.soft_limit_in_bytes")).isEqualTo("134217728");
            assertThat(fake.read(CG + "/pids/web/pids.max")).isEqualTo("100");
            assertThat(fake.read(CG + "/blkio/web/blkio.throttle.read_bps_device")).isEqualTo("8:0 1048576");
            // v1 removes a throttle rule by writing 0
            assertThat(fake.read(CG + "/blkio/web/blkio.throttle.write_bps_device")).isEqualTo("8:0 0");
            assertThat(fake.read(CG + "/blkio/web/blkio.throttle.read_iops_device")).isEmpty();
            assertThat(fake.read(CG + "/freezer/web/freezer.state")).isEqualTo("FROZEN\n");
        }

        @Test
        void noCpuLimitIsMinusOneOnV1() {
            FakeHost fake = withBlankWeb();

            discover(fake).group("web").apply(Resources.builder().cpuQuota(Limit.unlimited()).build());

            assertThat(fake.read(CG + "/cpu/web/cpu.cfs_quota_us")).isEqualTo("-1");
        }

        @Test
        void swapAloneIsAddedToTheMemoryLimitInForce() {
            FakeHost fake = withBlankWeb().file(CG + "/memory/web/memory.limit_in_bytes", "268435456\n");

            discover(fake).group("web").apply(Resources.builder().swapMax(Limit.of(64 * MiB)).build());

            assertThat(fake.read(CG + "/memory/web/memory.memsw.limit_in_bytes")).isEqualTo(afterWrite(V1_UNLIMITED, "335544320"));
            assertThat(fake.read(CG + "/memory/web/memory.limit_in_bytes")).isEqualTo("268435456\n");
        }

        @Test
        void resourcesReadsTheKernelsDefaultsAsNoLimit() {
            Resources r = discover(withWeb()).group("web").resources();

            assertThat(r).isEqualTo(Resources.builder()
                    .cpuQuota(Limit.unlimited()).cpuPeriodMicros(100_000).cpuWeight(CpuWeight.shares(1024))
                    .memoryMax(Limit.unlimited()).memoryHigh(Limit.unlimited()).swapMax(Limit.unlimited())
                    .pidsMax(Limit.unlimited()).frozen(false)
                    .build());
        }

        @Test
        void resourcesReadsBoundedV1Values() {
            Resources r = discover(withWeb()
                    .file(CG + "/cpu/web/cpu.cfs_quota_us", "50000\n")
                    .file(CG + "/cpu/web/cpu.shares", "512\n")
                    .file(CG + "/memory/web/memory.limit_in_bytes", "268435456\n")
                    .file(CG + "/memory/web/memory.memsw.limit_in_bytes", "335544320\n")
                    .file(CG + "/pids/web/pids.max", "100\n")
                    .file(CG + "/blkio/web/blkio.throttle.read_bps_device", "8:0 1048576\n8:16 2097152\n")
                    .file(CG + "/freezer/web/freezer.state", "FROZEN\n")).group("web").resources();

            assertThat(r.cpuQuota()).contains(Limit.of(50_000));
            assertThat(r.cpuCores()).contains(0.5);
            assertThat(r.cpuWeight()).contains(CpuWeight.shares(512));
            assertThat(r.memoryMax()).contains(Limit.of(256 * MiB));
            // memsw minus memory: the swap part alone, as v2 and jcg count it
            assertThat(r.swapMax()).contains(Limit.of(64 * MiB));
            assertThat(r.pidsMax()).contains(Limit.of(100));
            assertThat(r.io()).containsExactly(
                    new IoDeviceLimit(new BlockDevice(8, 0), Optional.of(Limit.of(MiB)), Optional.empty(), Optional.empty(), Optional.empty()),
                    new IoDeviceLimit(new BlockDevice(8, 16), Optional.of(Limit.of(2 * MiB)), Optional.empty(), Optional.empty(), Optional.empty()));
            assertThat(r.frozen()).contains(true);
        }

        @Test
        void memoryLowAndMinAreRefusedOnV1WithAReasonAndNothingWritten() {
            FakeHost fake = withWeb();
            Cgroup web = discover(fake).group("web");

            assertThatThrownBy(() -> web.apply(Resources.builder().memoryMax(Limit.of(256 * MiB)).memoryLow(Limit.of(MiB)).build()))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("memory.low has no cgroup v1 equivalent");
            assertThatThrownBy(() -> web.apply(Resources.builder().memoryMin(Limit.of(MiB)).build()))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("memory.min has no cgroup v1 equivalent");
            assertThat(fake.read(CG + "/memory/web/memory.limit_in_bytes")).isEqualTo(V1_UNLIMITED);
        }

        @Test
        void aFileMissingInOneHierarchyIsRefusedBeforeAnythingIsWritten() {
            FakeHost fake = withWeb().file(CG + "/cpu/half/cpu.cfs_quota_us", "-1\n").file(CG + "/cpu/half/cpu.cfs_period_us", "100000\n");
            Cgroup half = discover(fake).group("half");

            assertThatThrownBy(() -> half.apply(Resources.builder().cpuMax(Limit.of(50_000), 100_000).memoryMax(Limit.of(256 * MiB)).build()))
                    .isInstanceOf(ControllerNotAvailableException.class)
                    .hasMessageContaining("cgroup /half has no memory.limit_in_bytes")
                    .hasMessageContaining("memory hierarchy");
            assertThat(fake.read(CG + "/cpu/half/cpu.cfs_quota_us")).isEqualTo("-1\n");
        }

        @Test
        void aRefusedWritePutsBackWhatTheChangeHadWrittenBefore() throws IOException {
            FakeHost fake = withWeb().file(CG + "/memory/web/memory.limit_in_bytes", "1073741824\n")
                    .file("/elsewhere/pids.max", "max\n");
            // a link planted in the tree: pids.max cannot be touched, as a kernel refusal would have it
            Files.delete(fake.path(CG + "/pids/web/pids.max"));
            Files.createSymbolicLink(fake.path(CG + "/pids/web/pids.max"), fake.path("/elsewhere/pids.max"));
            Cgroup web = discover(fake).group("web");

            // the planted link is refused by jcg, not by the kernel, and the failure says so by its type
            assertThatThrownBy(() -> web.apply(Resources.builder().memoryMax(Limit.of(256 * MiB)).pidsMax(Limit.of(100)).build()))
                    .isInstanceOf(InvalidGroupPathException.class)
                    .hasMessageContaining("symbolic link")
                    .hasMessageContaining("the earlier writes of this change were undone")
                    .satisfies(e -> assertThat(((CgroupException) e).file()).contains("pids.max"));
            assertThat(fake.read(CG + "/memory/web/memory.limit_in_bytes")).isEqualTo("1073741824\n");
            assertThat(fake.read("/elsewhere/pids.max")).isEqualTo("max\n");
        }
    }

    @Nested
    class ControllersSplitBetweenVersions {
        /**
         * Group "web" on {@link FakeHost#split}: cpu files on the v1 cpu mount, memory and
         * pids files on the cgroup2 mount, each holding a value longer than the one a test
         * writes (a fake file keeps the tail of a longer old value; see {@link FakeHost#afterWrite}).
         */
        private FakeHost withWeb() {
            return FakeHost.split(tmp)
                    .file(CG + "/cpu/web/cpu.cfs_quota_us", "200000\n")
                    .file(CG + "/cpu/web/cpu.cfs_period_us", "100000\n")
                    .file(CG + "/cpu/web/cpu.shares", "1024\n")
                    .file(CG + "/cpu/web/cgroup.procs", "")
                    .file(CG + "/unified/cgroup.subtree_control", "memory pids\n")
                    .file(CG + "/unified/web/cgroup.controllers", "memory pids\n")
                    .file(CG + "/unified/web/cgroup.procs", "")
                    .file(CG + "/unified/web/cgroup.events", "populated 0\nfrozen 0\n")
                    .file(CG + "/unified/web/cgroup.freeze", "0\n")
                    .file(CG + "/unified/web/memory.max", "1073741824\n")
                    .file(CG + "/unified/web/memory.high", "max\n")
                    .file(CG + "/unified/web/memory.low", "1048576\n")
                    .file(CG + "/unified/web/memory.min", "0\n")
                    .file(CG + "/unified/web/memory.swap.max", "max\n")
                    .file(CG + "/unified/web/pids.max", "10000\n");
        }

        private Cgroup web(FakeHost fake) {
            return discover(fake).group("web", ControllerSelection.parse("cpu,memory,pids"));
        }

        @Test
        void aDeleteWhoseMoveTheV2ParentRefusesPutsBackWhatItMovedInV1() throws IOException {
            // the VM lane's split layout: cgdelete cpu,pids:del/x moved the process to del in cpu (v1),
            // then v2 refused it in del (which hands pids down to x) and the process stayed split
            FakeHost fake = FakeHost.split(tmp)
                    .file(CG + "/cpu/del/cgroup.procs", "")
                    .file(CG + "/cpu/del/x/cgroup.procs", "4242\n")
                    .file(CG + "/unified/del/x/cgroup.procs", "4242\n")
                    .file("/elsewhere/cgroup.procs", "");
            Files.createSymbolicLink(fake.path(CG + "/unified/del/cgroup.procs"), fake.path("/elsewhere/cgroup.procs"));
            Path source = fake.path(CG + "/cpu/del/x/cgroup.procs");
            Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(0));
            Cgroup x = discover(fake).group("del/x", ControllerSelection.parse("cpu,pids"));

            assertThatThrownBy(() -> x.delete(DeleteOptions.defaults().onPopulated(DeleteOptions.OnPopulated.MOVE_TO_PARENT)))
                    .isInstanceOf(CgroupException.class);
            assertThat(fake.read(CG + "/cpu/del/cgroup.procs")).as("moved to del in cpu first").isEqualTo("4242");
            assertThat(Files.getLastModifiedTime(source).toMillis()).as("then written back into del/x in cpu").isPositive();
            assertThat(fake.read("/elsewhere/cgroup.procs")).as("nothing through the link").isEmpty();
            assertThat(fake.path(CG + "/cpu/del/x")).as("nothing removed").isDirectory();
            assertThat(fake.path(CG + "/unified/del/x")).isDirectory();
        }

        @Test
        void creatingInAllHierarchiesEnablesTheV2ControllersTooAndMakesTheV1Directories() {
            FakeHost fake = FakeHost.split(tmp);

            discover(fake).group("batch").create();

            assertThat(words(fake.read(CG + "/unified/cgroup.subtree_control"))).containsExactlyInAnyOrder("+memory", "+pids", "+io");
            assertThat(fake.path(CG + "/unified/batch")).isDirectory();
            assertThat(fake.path(CG + "/cpu/batch")).isDirectory();
            assertThat(fake.path(CG + "/cpuset/batch")).isDirectory();
        }

        @Test
        void eachControllersLimitsGoToTheFilesOfItsOwnHierarchy() {
            FakeHost fake = withWeb();

            web(fake).apply(Resources.builder()
                    .cpuMax(Limit.of(50_000), 100_000)
                    .memoryMax(Limit.of(256 * MiB))
                    .memoryLow(Limit.of(0))
                    .pidsMax(Limit.of(100))
                    .build());

            assertThat(fake.read(CG + "/cpu/web/cpu.cfs_quota_us")).isEqualTo(afterWrite("200000\n", "50000"));
            assertThat(fake.read(CG + "/cpu/web/cpu.cfs_period_us")).isEqualTo("100000\n");
            assertThat(fake.read(CG + "/unified/web/memory.max")).isEqualTo(afterWrite("1073741824\n", "268435456"));
            // memory.low has no v1 equivalent: only the v2 driver can write it
            assertThat(fake.read(CG + "/unified/web/memory.low")).isEqualTo(afterWrite("1048576\n", "0"));
            assertThat(fake.read(CG + "/unified/web/pids.max")).isEqualTo(afterWrite("10000\n", "100"));
            // nothing in the other version's spelling, in either hierarchy
            assertThat(fake.exists(CG + "/cpu/web/cpu.max")).isFalse();
            assertThat(fake.exists(CG + "/unified/web/cpu.max")).isFalse();
            assertThat(fake.exists(CG + "/unified/web/memory.limit_in_bytes")).isFalse();
        }

        @Test
        void aRefusalInTheV2HierarchyUndoesTheWritesInTheV1One() throws IOException {
            FakeHost fake = withWeb().file("/elsewhere/pids.max", "max\n");
            // planned last: cpu (v1), memory (v2), then pids (v2), which cannot be written
            Files.delete(fake.path(CG + "/unified/web/pids.max"));
            Files.createSymbolicLink(fake.path(CG + "/unified/web/pids.max"), fake.path("/elsewhere/pids.max"));
            Cgroup web = web(fake);

            assertThatThrownBy(() -> web.apply(Resources.builder()
                    .cpuMax(Limit.of(50_000), 100_000).memoryMax(Limit.of(256 * MiB)).pidsMax(Limit.of(100)).build()))
                    .isInstanceOf(InvalidGroupPathException.class)
                    .hasMessageContaining("the earlier writes of this change were undone")
                    .satisfies(e -> assertThat(((CgroupException) e).file()).contains("pids.max"));
            assertThat(fake.read(CG + "/cpu/web/cpu.cfs_quota_us")).isEqualTo("200000\n");
            assertThat(fake.read(CG + "/unified/web/memory.max")).isEqualTo("1073741824\n");
            assertThat(fake.read("/elsewhere/pids.max")).isEqualTo("max\n");
        }

        @Test
        void resourcesReadsEachControllerFromItsOwnHierarchy() {
            Resources r = web(withWeb()).resources();

            assertThat(r.cpuQuota()).contains(Limit.of(200_000));
            assertThat(r.cpuPeriodMicros()).hasValue(100_000);
            assertThat(r.cpuWeight()).contains(CpuWeight.shares(1024));
            assertThat(r.memoryMax()).contains(Limit.of(1024 * MiB));
            assertThat(r.memoryLow()).contains(Limit.of(MiB));
            assertThat(r.swapMax()).contains(Limit.unlimited());
            assertThat(r.pidsMax()).contains(Limit.of(10_000));
            assertThat(r.frozen()).contains(false);
        }

        @Test
        void withNoV1FreezerAGroupIsFrozenThroughCgroupFreeze() {
            // cgroup.events already says frozen: a fake tree has no kernel to flip it
            FakeHost fake = withWeb().file(CG + "/unified/web/cgroup.events", "populated 1\nfrozen 1\n");
            Cgroup web = web(fake);

            web.freeze();

            assertThat(fake.read(CG + "/unified/web/cgroup.freeze")).isEqualTo("1\n");
            assertThat(web.isFrozen()).isTrue();
        }
    }

    @Nested
    class V2OnAUnifiedHost {
        private FakeHost withWeb() {
            return FakeHost.unified(tmp, "cpuset cpu io memory pids")
                    .file(CG + "/web/cgroup.controllers", "cpu io memory pids\n")
                    .file(CG + "/web/cgroup.subtree_control", "")
                    .file(CG + "/web/cgroup.procs", "")
                    .file(CG + "/web/cgroup.events", "populated 0\nfrozen 0\n")
                    .file(CG + "/web/cgroup.freeze", "0\n")
                    .file(CG + "/web/cpu.max", "max 100000\n")
                    .file(CG + "/web/cpu.weight", "100\n")
                    .file(CG + "/web/memory.max", "max\n")
                    .file(CG + "/web/memory.high", "max\n")
                    .file(CG + "/web/memory.low", "0\n")
                    .file(CG + "/web/memory.min", "0\n")
                    .file(CG + "/web/memory.swap.max", "max\n")
                    .file(CG + "/web/pids.max", "max\n")
                    .file(CG + "/web/io.max", "");
        }

        @Test
        void cpuMaxTakesQuotaAndPeriodTogether() {
            FakeHost fake = withWeb();

            discover(fake).group("web").apply(Resources.builder().cpuMax(Limit.of(50_000), 100_000).build());

            assertThat(fake.read(CG + "/web/cpu.max")).isEqualTo("50000 100000");
        }

        @Test
        void noCpuLimitIsMax() {
            FakeHost fake = withWeb().file(CG + "/web/cpu.max", "max 50000\n");

            discover(fake).group("web").apply(Resources.builder().cpuMax(Limit.unlimited(), 100_000).build());

            assertThat(fake.read(CG + "/web/cpu.max")).isEqualTo("max 100000");
        }

        @Test
        void aPeriodAloneKeepsTheQuotaInForce() {
            FakeHost fake = withWeb().file(CG + "/web/cpu.max", "20000 10000\n");

            discover(fake).group("web").apply(Resources.builder().cpuPeriodMicros(50_000).build());

            assertThat(fake.read(CG + "/web/cpu.max")).isEqualTo("20000 50000\n");
        }

        @Test
        void ioMaxNamesOnlyTheLimitsGiven() {
            FakeHost fake = withWeb();

            discover(fake).group("web").apply(Resources.builder()
                    .io(new IoDeviceLimit(new BlockDevice(8, 16), Optional.of(Limit.of(2 * MiB)), Optional.of(Limit.unlimited()),
                            Optional.empty(), Optional.of(Limit.of(120))))
                    .build());

            assertThat(fake.read(CG + "/web/io.max")).isEqualTo("8:16 rbps=2097152 wbps=max wiops=120");
        }

        @Test
        void anIoLimitThatChangesNothingDoesNotBlockTheRestOfTheChange() {
            FakeHost fake = withWeb();
            Resources wanted = Resources.builder().pidsMax(Limit.of(100))
                    .io(new IoDeviceLimit(new BlockDevice(8, 16), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                    .build();

            discover(fake).group("web").apply(wanted);

            assertThat(fake.read(CG + "/web/pids.max").strip()).isEqualTo("100");
            assertThat(fake.read(CG + "/web/io.max")).isEmpty();
        }

        @Test
        void memoryAndSwapGoToTheirOwnV2Files() {
            FakeHost fake = withWeb().file(CG + "/web/cpu.weight", "1\n");

            discover(fake).group("web").apply(Resources.builder()
                    .memoryMax(Limit.of(256 * MiB)).memoryHigh(Limit.of(128 * MiB))
                    .memoryLow(Limit.of(MiB)).memoryMin(Limit.of(MiB / 2))
                    .swapMax(Limit.of(64 * MiB))
                    .pidsMax(Limit.of(100))
                    .cpuWeight(CpuWeight.shares(1024))
                    .build());

            assertThat(fake.read(CG + "/web/memory.max")).isEqualTo("268435456");
            assertThat(fake.read(CG + "/web/memory.high")).isEqualTo("134217728");
            assertThat(fake.read(CG + "/web/memory.low")).isEqualTo("1048576");
            assertThat(fake.read(CG + "/web/memory.min")).isEqualTo("524288");
            // swap alone on v2, not memory + swap
            assertThat(fake.read(CG + "/web/memory.swap.max")).isEqualTo("67108864");
            assertThat(fake.read(CG + "/web/pids.max").strip()).isEqualTo("100");
            // the default shares are the default weight under the default mapping
            assertThat(fake.read(CG + "/web/cpu.weight")).isEqualTo("100");
        }

        @Test
        void freezingWritesCgroupFreezeAndWaitsForTheEvent() {
            // cgroup.events already says frozen: a fake tree has no kernel to flip it
            FakeHost fake = withWeb().file(CG + "/web/cgroup.events", "populated 1\nfrozen 1\n");

            Cgroup web = discover(fake).group("web");
            web.freeze();

            assertThat(fake.read(CG + "/web/cgroup.freeze")).isEqualTo("1\n");
            assertThat(web.isFrozen()).isTrue();
        }

        @Test
        void aSymbolicLinkInTheTreeCannotLeadAWriteOutOfTheHierarchy() throws IOException {
            FakeHost fake = withWeb().file("/elsewhere/b/pids.max", "max\n");
            Files.createSymbolicLink(fake.path(CG + "/a"), fake.path("/elsewhere"));
            Cgroup ab = discover(fake).group("a/b");

            assertThatThrownBy(() -> ab.write("pids.max", "5")).isInstanceOf(InvalidGroupPathException.class)
                    .hasMessageContaining("outside the hierarchy");
            assertThat(fake.read("/elsewhere/b/pids.max")).isEqualTo("max\n");
        }

        @Test
        void aSymbolicLinkInTheGroupPathIsRefusedEvenWhenItPointsInsideTheMount() throws IOException {
            FakeHost fake = withWeb();
            // alias/web resolves to web, a real group of the same hierarchy: still not a path jcg writes through
            Files.createSymbolicLink(fake.path(CG + "/alias"), fake.path(CG));
            Cgroup alias = discover(fake).group("alias/web");

            assertThatThrownBy(() -> alias.write("pids.max", "5")).isInstanceOf(InvalidGroupPathException.class)
                    .hasMessage("invalid group path '/alias/web': " + fake.path(CG + "/alias")
                            + " is a symbolic link; refusing to follow it outside the hierarchy mounted at " + CG);
            assertThat(fake.read(CG + "/web/pids.max")).isEqualTo("max\n");
        }

        @Test
        void aSymbolicLinkAsTheControlFileIsRefusedNamingTheFileAndNothingIsWrittenThroughIt() throws IOException {
            FakeHost fake = withWeb().file("/elsewhere/pids.max", "max\n");
            Files.delete(fake.path(CG + "/web/pids.max"));
            Files.createSymbolicLink(fake.path(CG + "/web/pids.max"), fake.path("/elsewhere/pids.max"));
            Cgroup web = discover(fake).group("web");

            assertThatThrownBy(() -> web.write("pids.max", "5")).isInstanceOf(InvalidGroupPathException.class)
                    .hasMessageContaining(fake.path(CG + "/web/pids.max") + " is a symbolic link")
                    .satisfies(e -> assertThat(((CgroupException) e).file()).contains("pids.max"));
            assertThatThrownBy(() -> web.read("pids.max")).isInstanceOf(InvalidGroupPathException.class)
                    .hasMessageContaining("symbolic link");
            assertThat(fake.read("/elsewhere/pids.max")).isEqualTo("max\n");
        }

        @Test
        void resourcesReadsV2FilesBack() {
            Resources r = discover(withWeb().file(CG + "/web/io.max", Fixtures.text("kernel-docs/v2/io.max"))).group("web").resources();

            assertThat(r).isEqualTo(Resources.builder()
                    .cpuQuota(Limit.unlimited()).cpuPeriodMicros(100_000).cpuWeight(CpuWeight.weight(100))
                    .memoryMax(Limit.unlimited()).memoryHigh(Limit.unlimited())
                    .memoryLow(Limit.of(0)).memoryMin(Limit.of(0)).swapMax(Limit.unlimited())
                    .pidsMax(Limit.unlimited())
                    .io(new IoDeviceLimit(new BlockDevice(8, 16), Optional.of(Limit.of(2_097_152)), Optional.of(Limit.unlimited()),
                            Optional.of(Limit.unlimited()), Optional.of(Limit.of(120))))
                    .frozen(false)
                    .build());
        }

        @Test
        void resourcesReadsABoundedCpuMax() {
            Resources r = discover(withWeb().file(CG + "/web/cpu.max", Fixtures.text("kernel-docs/v2/cpu.max"))).group("web").resources();

            assertThat(r.cpuQuota()).contains(Limit.of(50_000));
            assertThat(r.cpuPeriodMicros()).hasValue(100_000);
            assertThat(r.cpuCores()).contains(0.5);
        }
    }

    @Nested
    class V2Create {
        private FakeHost host() {
            return FakeHost.unified(tmp, "cpu memory pids");
        }

        @Test
        void enablesTheControllersInEveryAncestorsSubtreeControl() {
            // the kernel would show "a" its controllers once the root enables them; a fake tree needs them made
            FakeHost fake = host().file(CG + "/a/cgroup.controllers", "cpu memory pids\n").file(CG + "/a/cgroup.subtree_control", "");

            discover(fake).group("a/b", ControllerSelection.of(Controller.CPU, Controller.MEMORY)).create();

            assertThat(words(fake.read(CG + "/cgroup.subtree_control"))).containsExactlyInAnyOrder("+cpu", "+memory");
            assertThat(words(fake.read(CG + "/a/cgroup.subtree_control"))).containsExactlyInAnyOrder("+cpu", "+memory");
            assertThat(fake.path(CG + "/a/b")).isDirectory();
            // the new leaf hands nothing on
            assertThat(fake.exists(CG + "/a/b/cgroup.subtree_control")).isFalse();
        }

        @Test
        void controllersAlreadyEnabledAreNotWrittenAgain() {
            FakeHost fake = host().file(CG + "/cgroup.subtree_control", "cpu memory\n");

            discover(fake).group("x", ControllerSelection.of(Controller.CPU, Controller.MEMORY)).create();

            assertThat(fake.read(CG + "/cgroup.subtree_control")).isEqualTo("cpu memory\n");
            assertThat(fake.path(CG + "/x")).isDirectory();
        }

        @Test
        void aControllerTheHostDoesNotOfferIsRefusedByName() {
            FakeHost fake = FakeHost.unified(tmp, "cpu pids");
            CgroupHost host = discover(fake);

            assertThatThrownBy(() -> host.group("web", ControllerSelection.of(Controller.CPU, Controller.MEMORY)).create())
                    .isInstanceOf(ControllerNotAvailableException.class)
                    .hasMessageContaining("memory controller is not mounted");
            assertThat(fake.exists(CG + "/web")).isFalse();
            assertThat(fake.read(CG + "/cgroup.subtree_control")).isEmpty();
        }

        @Test
        void aControllerTheRootNoLongerOffersIsRefusedAndNothingIsLeftBehind() {
            FakeHost fake = host();
            CgroupHost host = discover(fake);
            // since discovery, memory was bound to a v1 hierarchy: the root stops offering it
            fake.file(CG + "/cgroup.controllers", "cpu pids\n");

            assertThatThrownBy(() -> host.group("web/app", ControllerSelection.of(Controller.CPU, Controller.MEMORY)).create())
                    .isInstanceOf(ControllerNotAvailableException.class)
                    .hasMessageContaining("memory controller")
                    .hasMessageContaining("offers only cpu pids");
            assertThat(fake.exists(CG + "/web")).isFalse();
            assertThat(fake.read(CG + "/cgroup.subtree_control")).isEmpty();
        }

        @Test
        void aFailureHalfWayRemovesTheGroupsMadeAndDisablesTheControllersEnabled() {
            // a new directory in a fake tree gets no cgroup.controllers, so enabling below "a" fails
            FakeHost fake = host();
            Cgroup ab = discover(fake).group("a/b", ControllerSelection.of(Controller.CPU, Controller.MEMORY));

            assertThatThrownBy(ab::create).isInstanceOf(CgroupException.class)
                    .satisfies(e -> assertThat(((CgroupException) e).errno()).contains(Errno.ENOENT));

            assertThat(fake.exists(CG + "/a")).isFalse();
            // the last write to the root's subtree_control took back what the first one enabled
            assertThat(words(fake.read(CG + "/cgroup.subtree_control"))).containsExactlyInAnyOrder("-cpu", "-memory");
        }

        @Test
        void theRootCannotBeCreated() {
            CgroupHost host = discover(host());

            assertThatThrownBy(() -> host.group("/").create()).isInstanceOf(InvalidGroupPathException.class)
                    .hasMessageContaining("root group always exists");
        }
    }

    @Nested
    class V1Create {
        private FakeHost legacy() {
            return FakeHost.at(tmp)
                    .v1(CG + "/cpu,cpuacct", "rw,cpu,cpuacct")
                    .v1(CG + "/memory", "rw,memory")
                    .controllers("cpu\t2\t1\t1\ncpuacct\t2\t1\t1\nmemory\t3\t1\t1\n")
                    .selfCgroup("3:memory:/\n2:cpu,cpuacct:/\n");
        }

        @Test
        void createsTheGroupAndItsParentsInEverySelectedHierarchy() {
            FakeHost fake = legacy();

            Cgroup ab = discover(fake).group("a/b").create();

            assertThat(fake.path(CG + "/cpu,cpuacct/a/b")).isDirectory();
            assertThat(fake.path(CG + "/memory/a/b")).isDirectory();
            assertThat(ab.exists()).isTrue();
        }

        @Test
        void creatingAGroupThatExistsIsNotAnError() {
            FakeHost fake = legacy().dir(CG + "/cpu,cpuacct/a").dir(CG + "/memory/a").file(CG + "/memory/a/memory.limit_in_bytes", V1_UNLIMITED);

            discover(fake).group("a").create();

            assertThat(fake.read(CG + "/memory/a/memory.limit_in_bytes")).isEqualTo(V1_UNLIMITED);
        }

        @Test
        void aFailedMkdirRemovesTheDirectoriesMadeBefore() {
            // a regular file where a directory must go: the memory side is refused (before any
            // mkdir below it) after the cpu,cpuacct side was already made
            FakeHost fake = legacy().dir(CG + "/memory/a").file(CG + "/memory/a/b", "not a group\n");
            Cgroup abc = discover(fake).group("a/b/c");

            assertThatThrownBy(abc::create).isInstanceOf(InvalidGroupPathException.class)
                    .hasMessageContaining("memory/a/b exists but is not a directory");

            assertThat(fake.exists(CG + "/cpu,cpuacct/a")).isFalse();
            assertThat(fake.path(CG + "/memory/a")).isDirectory();
        }

        @Test
        void aFailedCreateRemovesOnlyWhatItMade() {
            // create's contract: "everything this call made is removed"; the file at memory/a/b
            // (or a group another process made there meanwhile) was not made by this call
            FakeHost fake = legacy().dir(CG + "/memory/a").file(CG + "/memory/a/b", "not a group\n");
            Cgroup abc = discover(fake).group("a/b/c");

            assertThatThrownBy(abc::create).isInstanceOf(CgroupException.class);

            assertThat(fake.exists(CG + "/memory/a/b")).as("memory/a/b, which the failed create did not make").isTrue();
        }

        @Test
        void aGroupNamedWithAControllersPrefixIsCreatedReadAndReachedByDelete() {
            FakeHost fake = legacy();
            CgroupHost host = discover(fake);

            Cgroup batch = host.group("cpu.batch").create();
            assertThat(fake.path(CG + "/cpu,cpuacct/cpu.batch")).isDirectory();
            assertThat(fake.path(CG + "/memory/cpu.batch")).isDirectory();
            host.group("cpu.batch/memory.x", ControllerSelection.of(Controller.MEMORY)).create();
            assertThat(fake.path(CG + "/memory/cpu.batch/memory.x")).isDirectory();

            // what the kernel would put in it, read back through the group's name
            fake.file(CG + "/cpu,cpuacct/cpu.batch/cpu.shares", "512\n")
                    .file(CG + "/cpu,cpuacct/cpu.batch/cgroup.procs", "4242\n")
                    .file(CG + "/memory/cpu.batch/cgroup.procs", "4242\n");
            assertThat(host.group("cpu.batch").read("cpu.shares")).isEqualTo("512\n");
            assertThat(batch.exists()).isTrue();
            // a fake tree cannot rmdir a directory with files in it (the real-kernel tests do);
            // delete gets as far as the group's processes, named by the group's path
            assertThatThrownBy(() -> host.group("cpu.batch", ControllerSelection.of(Controller.CPU)).delete())
                    .isInstanceOf(GroupBusyException.class).hasMessageContaining("cgroup /cpu.batch still has 1 process (4242)");
            assertThatThrownBy(() -> host.group("cpu.shares")).isInstanceOf(InvalidGroupPathException.class)
                    .hasMessageContaining("'cpu.shares' is the name of a cgroup control file");
        }

        @Test
        void aRegularFileWhereTheGroupShouldBeIsNotAGroup() {
            FakeHost fake = legacy().file(CG + "/memory/x", "not a group\n");
            Cgroup x = discover(fake).group("x", ControllerSelection.of(Controller.MEMORY));

            assertThatThrownBy(x::create).as("create() where a regular file holds the name").isInstanceOf(CgroupException.class);
            assertThat(x.exists()).isFalse();
        }
    }
}
