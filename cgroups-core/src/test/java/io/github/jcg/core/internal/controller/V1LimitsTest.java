package io.github.jcg.core.internal.controller;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.InMemoryGroupFiles;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.limit.BlockDevice;
import io.github.jcg.core.limit.CpuList;
import io.github.jcg.core.limit.CpuWeight;
import io.github.jcg.core.limit.IoDeviceLimit;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Planning v1 writes from text alone: which files, which spelling, which order. */
class V1LimitsTest {
    private static final String V1_UNLIMITED = "9223372036854771712\n";
    private static final long MiB = 1L << 20;

    private final OneVersion driver = new OneVersion(CgroupVersion.V1);

    private List<PlannedWrite> plan(Resources wanted, InMemoryGroupFiles current) {
        return driver.plan(wanted, current, SharesWeightMapping.LIBCGROUP_LINEAR);
    }

    private static InMemoryGroupFiles defaults() {
        return InMemoryGroupFiles.of(
                "cpu.cfs_quota_us", "-1\n", "cpu.cfs_period_us", "100000\n", "cpu.shares", "1024\n",
                "memory.limit_in_bytes", V1_UNLIMITED, "memory.memsw.limit_in_bytes", V1_UNLIMITED,
                "memory.soft_limit_in_bytes", V1_UNLIMITED, "pids.max", "max\n", "freezer.state", "THAWED\n");
    }

    @Test
    void nothingWantedIsNothingWritten() {
        assertThat(plan(Resources.builder().build(), defaults())).isEmpty();
    }

    @Nested
    class Cpu {
        @Test
        void noLimitIsMinusOne() {
            assertThat(plan(Resources.builder().cpuQuota(Limit.unlimited()).build(), defaults()))
                    .extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(tuple("cpu.cfs_quota_us", "-1"));
        }

        @Test
        void aGrowingPeriodIsWrittenBeforeTheQuota() {
            // 1 CPU as 100000/100000 → 200000/200000: quota first would pass through 2 CPUs,
            // which the kernel refuses under a parent limited to one
            List<PlannedWrite> writes = plan(Resources.builder().cpuMax(Limit.of(200_000), 200_000).build(), defaults());

            assertThat(writes).extracting(PlannedWrite::file, PlannedWrite::value)
                    .containsExactly(tuple("cpu.cfs_period_us", "200000"), tuple("cpu.cfs_quota_us", "200000"));
        }

        @Test
        void aShrinkingPeriodIsWrittenAfterTheQuota() {
            // the throttling demo's 1000/50000, from 100000/100000: period first would pass
            // through 100000/50000, two CPUs, which a parent limited to one refuses
            List<PlannedWrite> writes = plan(Resources.builder().cpuMax(Limit.of(1_000), 50_000).build(),
                    InMemoryGroupFiles.of("cpu.cfs_quota_us", "100000\n", "cpu.cfs_period_us", "100000\n"));

            assertThat(writes).extracting(PlannedWrite::file, PlannedWrite::value)
                    .containsExactly(tuple("cpu.cfs_quota_us", "1000"), tuple("cpu.cfs_period_us", "50000"));
        }

        @Test
        void aPeriodOrQuotaAloneIsWrittenAlone() {
            assertThat(plan(Resources.builder().cpuPeriodMicros(50_000).build(), defaults()))
                    .extracting(PlannedWrite::file).containsExactly("cpu.cfs_period_us");
            assertThat(plan(Resources.builder().cpuQuota(Limit.of(20_000)).build(), defaults()))
                    .extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(tuple("cpu.cfs_quota_us", "20000"));
        }

        @Test
        void aBurstNeedsTheKernelsBurstFile() {
            Resources burst = Resources.builder().cpuQuota(Limit.of(50_000)).cpuBurstMicros(10_000).build();

            assertThatThrownBy(() -> plan(burst, defaults())).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("cpu.cfs_burst_us").hasMessageContaining("5.14");
            assertThat(plan(burst, InMemoryGroupFiles.of("cpu.cfs_period_us", "100000\n", "cpu.cfs_burst_us", "0\n")))
                    .extracting(PlannedWrite::file, PlannedWrite::value).contains(tuple("cpu.cfs_burst_us", "10000"));
        }

        @Test
        void aWeightIsWrittenAsSharesThroughTheMapping() {
            assertThat(plan(Resources.builder().cpuWeight(CpuWeight.weight(100)).build(), defaults()))
                    .extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(tuple("cpu.shares", "1024"));
            assertThat(plan(Resources.builder().cpuWeight(CpuWeight.shares(300)).build(), defaults()))
                    .extracting(PlannedWrite::value).containsExactly("300");
        }

        @Test
        void cpusetsAreWrittenInCanonicalListSyntax() {
            assertThat(plan(Resources.builder().cpusetCpus(CpuList.parse("3,0,1,2")).cpusetMems(CpuList.parse("0")).build(), defaults()))
                    .extracting(PlannedWrite::file, PlannedWrite::value)
                    .containsExactly(tuple("cpuset.cpus", "0-3"), tuple("cpuset.mems", "0"));
        }
    }

    @Nested
    class Memory {
        @Test
        void swapIsWrittenAsMemoryPlusSwap() {
            List<PlannedWrite> writes = plan(Resources.builder().memoryMax(Limit.of(256 * MiB)).swapMax(Limit.of(64 * MiB)).build(), defaults());

            assertThat(writes).extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(
                    tuple("memory.limit_in_bytes", "268435456"), tuple("memory.memsw.limit_in_bytes", "335544320"));
        }

        @Test
        void raisingTheLimitAboveTheCurrentMemswRaisesMemswFirst() {
            // limit_in_bytes may never exceed memsw.limit_in_bytes, after any single write
            List<PlannedWrite> writes = plan(Resources.builder().memoryMax(Limit.of(1024 * MiB)).swapMax(Limit.of(1024 * MiB)).build(),
                    InMemoryGroupFiles.of("memory.limit_in_bytes", "268435456\n", "memory.memsw.limit_in_bytes", "335544320\n"));

            assertThat(writes).extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(
                    tuple("memory.memsw.limit_in_bytes", "2147483648"), tuple("memory.limit_in_bytes", "1073741824"));
        }

        @Test
        void loweringTheLimitLowersItBeforeMemsw() {
            List<PlannedWrite> writes = plan(Resources.builder().memoryMax(Limit.of(256 * MiB)).swapMax(Limit.of(64 * MiB)).build(),
                    InMemoryGroupFiles.of("memory.limit_in_bytes", "1073741824\n", "memory.memsw.limit_in_bytes", "2147483648\n"));

            assertThat(writes).extracting(PlannedWrite::file).containsExactly("memory.limit_in_bytes", "memory.memsw.limit_in_bytes");
        }

        @Test
        void swapAloneAddsTheLimitInForce() {
            List<PlannedWrite> writes = plan(Resources.builder().swapMax(Limit.of(64 * MiB)).build(),
                    InMemoryGroupFiles.of("memory.limit_in_bytes", "268435456\n", "memory.memsw.limit_in_bytes", V1_UNLIMITED));

            assertThat(writes).extracting(PlannedWrite::file, PlannedWrite::value)
                    .containsExactly(tuple("memory.memsw.limit_in_bytes", "335544320"));
        }

        @Test
        void memoryPlusSwapPastALongIsNoLimitRatherThanANegativeNumber() {
            List<PlannedWrite> writes = plan(Resources.builder().memoryMax(Limit.of(Long.MAX_VALUE - MiB)).swapMax(Limit.of(64 * MiB)).build(),
                    defaults());

            assertThat(writes).extracting(PlannedWrite::file, PlannedWrite::value).contains(tuple("memory.memsw.limit_in_bytes", "-1"));
        }

        @Test
        void noSwapLimitIsMinusOne() {
            assertThat(plan(Resources.builder().swapMax(Limit.unlimited()).build(), defaults()))
                    .extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(tuple("memory.memsw.limit_in_bytes", "-1"));
        }

        @Test
        void aSwapLimitWithoutAnyMemoryLimitIsRefused() {
            assertThatThrownBy(() -> plan(Resources.builder().swapMax(Limit.of(64 * MiB)).build(), defaults()))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("needs a memory limit on cgroup v1");
        }

        @Test
        void aSwapLimitWithoutSwapAccountingIsRefused() {
            InMemoryGroupFiles noMemsw = InMemoryGroupFiles.of("memory.limit_in_bytes", V1_UNLIMITED);

            assertThatThrownBy(() -> plan(Resources.builder().memoryMax(Limit.of(256 * MiB)).swapMax(Limit.of(MiB)).build(), noMemsw))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("swapaccount=1");
        }

        @Test
        void memoryHighIsTheSoftLimit() {
            assertThat(plan(Resources.builder().memoryHigh(Limit.of(128 * MiB)).build(), defaults()))
                    .extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(tuple("memory.soft_limit_in_bytes", "134217728"));
            assertThat(plan(Resources.builder().memoryMax(Limit.unlimited()).build(), defaults()))
                    .extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(tuple("memory.limit_in_bytes", "-1"));
        }

        @Test
        void memoryLowAndMinHaveNoV1Equivalent() {
            assertThatThrownBy(() -> plan(Resources.builder().memoryLow(Limit.of(MiB)).build(), defaults()))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("memory.low").hasMessageContaining("v1");
            assertThatThrownBy(() -> plan(Resources.builder().memoryMin(Limit.of(MiB)).build(), defaults()))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("memory.min").hasMessageContaining("v1");
        }
    }

    @Nested
    class PidsIoFreezer {
        @Test
        void pidsMaxIsANumberOrMax() {
            assertThat(plan(Resources.builder().pidsMax(Limit.of(100)).build(), defaults())).extracting(PlannedWrite::value).containsExactly("100");
            assertThat(plan(Resources.builder().pidsMax(Limit.unlimited()).build(), defaults())).extracting(PlannedWrite::value).containsExactly("max");
        }

        @Test
        void eachIoLimitGoesToItsThrottleFileAndZeroRemovesIt() {
            List<PlannedWrite> writes = plan(Resources.builder().io(new IoDeviceLimit(new BlockDevice(8, 0),
                    Optional.of(Limit.of(MiB)), Optional.empty(), Optional.of(Limit.unlimited()), Optional.of(Limit.of(120)))).build(), defaults());

            assertThat(writes).extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(
                    tuple("blkio.throttle.read_bps_device", "8:0 1048576"),
                    tuple("blkio.throttle.read_iops_device", "8:0 0"),
                    tuple("blkio.throttle.write_iops_device", "8:0 120"));
        }

        @Test
        void undoingAnIoLimitPutsBackThatDevicesOldRuleOrRemovesIt() {
            PlannedWrite write = plan(Resources.builder().io(new IoDeviceLimit(new BlockDevice(8, 0),
                    Optional.of(Limit.of(MiB)), Optional.empty(), Optional.empty(), Optional.empty())).build(), defaults()).get(0);

            assertThat(write.restore().apply("8:16 5\n8:0 2048\n")).containsExactly("8:0 2048");
            assertThat(write.restore().apply("")).containsExactly("8:0 0");
        }

        @Test
        void freezingUsesFreezerStateWhereTheGroupHasIt() {
            assertThat(plan(Resources.builder().frozen(true).build(), defaults()))
                    .extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(tuple("freezer.state", "FROZEN"));
            assertThat(plan(Resources.builder().frozen(false).build(), defaults()))
                    .extracting(PlannedWrite::value).containsExactly("THAWED");
        }

        @Test
        void onAHybridHostWithoutTheFreezerGroupTheV2FreezeIsUsed() {
            assertThat(plan(Resources.builder().frozen(true).build(), InMemoryGroupFiles.of("cgroup.freeze", "0\n")))
                    .extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(tuple("cgroup.freeze", "1"));
        }

        @Test
        void aPlainWriteIsUndoneWithTheOldTextStripped() {
            PlannedWrite write = plan(Resources.builder().pidsMax(Limit.of(10)).build(), defaults()).get(0);

            assertThat(write.restore().apply("max\n")).containsExactly("max");
        }
    }

    @Nested
    class Read {
        @Test
        void theKernelsDefaultsReadAsNoLimit() {
            Resources r = driver.read(defaults());

            assertThat(r).isEqualTo(Resources.builder().cpuQuota(Limit.unlimited()).cpuPeriodMicros(100_000)
                    .cpuWeight(CpuWeight.shares(1024)).memoryMax(Limit.unlimited()).memoryHigh(Limit.unlimited())
                    .swapMax(Limit.unlimited()).pidsMax(Limit.unlimited()).frozen(false).build());
        }

        @Test
        void aLimitAtOrPastTheKernelsClampReadsAsNoLimit() {
            // what 18446744073709551615 reads back as, one page below, and a number no kernel prints
            assertThat(MemoryController.readV1Limit("9223372036854771712\n")).isEqualTo(Limit.unlimited());
            assertThat(MemoryController.readV1Limit("9223372036854767616\n")).isEqualTo(Limit.of(9_223_372_036_854_767_616L));
            assertThat(MemoryController.readV1Limit("18446744073709551615\n")).isEqualTo(Limit.unlimited());
            assertThat(MemoryController.readV1Limit("-1")).isEqualTo(Limit.unlimited());
        }

        @Test
        void boundedValuesAndSwapAsMemswMinusMemory() {
            Resources r = driver.read(InMemoryGroupFiles.of("cpu.cfs_quota_us", "50000\n", "cpu.cfs_period_us", "100000\n",
                    "cpu.cfs_burst_us", "0\n", "cpuset.cpus", "0-1\n", "cpuset.mems", "0\n",
                    "memory.limit_in_bytes", "268435456\n", "memory.memsw.limit_in_bytes", "335544320\n",
                    "blkio.throttle.read_bps_device", "8:0 1048576\n", "blkio.throttle.write_iops_device", "8:0 120\n"));

            assertThat(r.cpuQuota()).contains(Limit.of(50_000));
            assertThat(r.cpuBurstMicros()).hasValue(0);
            assertThat(r.cpusetCpus()).contains(CpuList.parse("0-1"));
            assertThat(r.memoryMax()).contains(Limit.of(256 * MiB));
            assertThat(r.swapMax()).contains(Limit.of(64 * MiB));
            assertThat(r.io()).containsExactly(new IoDeviceLimit(new BlockDevice(8, 0),
                    Optional.of(Limit.of(MiB)), Optional.empty(), Optional.empty(), Optional.of(Limit.of(120))));
            assertThat(r.pidsMax()).isEmpty();
            assertThat(r.frozen()).isEmpty();
        }

        @Test
        void aFreezeInProgressIsWantedFrozenButNotYetFrozen() {
            InMemoryGroupFiles freezing = InMemoryGroupFiles.of("freezer.state", "FREEZING\n");

            assertThat(driver.read(freezing).frozen()).contains(true);
            assertThat(driver.isFrozen(freezing)).isFalse();
            assertThat(driver.isFrozen(InMemoryGroupFiles.of("freezer.state", "FROZEN\n"))).isTrue();
        }

        @Test
        void withoutAFreezerGroupTheV2EventsTell() {
            assertThat(driver.isFrozen(InMemoryGroupFiles.of("cgroup.events", "populated 1\nfrozen 1\n"))).isTrue();
            assertThat(driver.isFrozen(InMemoryGroupFiles.of("cgroup.events", "populated 1\nfrozen 0\n"))).isFalse();
            assertThat(driver.isFrozen(InMemoryGroupFiles.of())).isFalse();
        }
    }
}
