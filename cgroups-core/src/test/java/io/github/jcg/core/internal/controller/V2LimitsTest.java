package io.github.jcg.core.internal.controller;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.InMemoryGroupFiles;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.limit.BlockDevice;
import io.github.jcg.core.limit.CpuWeight;
import io.github.jcg.core.limit.IoDeviceLimit;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import io.github.jcg.testing.Fixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Planning v2 writes from text alone, in the spellings of cgroup-v2.rst. */
class V2LimitsTest {
    private static final long MiB = 1L << 20;

    private final OneVersion driver = new OneVersion(CgroupVersion.V2);

    private List<PlannedWrite> plan(Resources wanted, InMemoryGroupFiles current) {
        return driver.plan(wanted, current, SharesWeightMapping.RUNC_CURVE);
    }

    private static InMemoryGroupFiles defaults() {
        return InMemoryGroupFiles.of("cpu.max", "max 100000\n", "cpu.weight", "100\n", "memory.max", "max\n",
                "memory.swap.max", "max\n", "pids.max", "max\n", "io.max", "", "cgroup.freeze", "0\n");
    }

    @Test
    void nothingWantedIsNothingWritten() {
        assertThat(plan(Resources.builder().build(), defaults())).isEmpty();
    }

    @Nested
    class CpuMax {
        @Test
        void quotaAndPeriodGoTogether() {
            assertThat(plan(Resources.builder().cpuMax(Limit.of(50_000), 100_000).build(), defaults()))
                    .extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(tuple("cpu.max", "50000 100000"));
        }

        @Test
        void noLimitIsMax() {
            assertThat(plan(Resources.builder().cpuMax(Limit.unlimited(), 100_000).build(), defaults()))
                    .extracting(PlannedWrite::value).containsExactly("max 100000");
        }

        @Test
        void aQuotaAloneIsOneNumberWhichSetsMaxOnly() {
            assertThat(plan(Resources.builder().cpuQuota(Limit.of(50_000)).build(), defaults()))
                    .extracting(PlannedWrite::value).containsExactly("50000");
        }

        @Test
        void aPeriodAloneRepeatsTheQuotaInForce() {
            assertThat(plan(Resources.builder().cpuPeriodMicros(50_000).build(), InMemoryGroupFiles.of("cpu.max", "20000 100000\n")))
                    .extracting(PlannedWrite::value).containsExactly("20000 50000");
            assertThat(plan(Resources.builder().cpuPeriodMicros(50_000).build(), defaults()))
                    .extracting(PlannedWrite::value).containsExactly("max 50000");
            assertThat(plan(Resources.builder().cpuPeriodMicros(50_000).build(), InMemoryGroupFiles.of()))
                    .extracting(PlannedWrite::value).containsExactly("max 50000");
        }

        @Test
        void undoWritesTheOldPairBack() {
            PlannedWrite write = plan(Resources.builder().cpuMax(Limit.of(50_000), 100_000).build(), defaults()).get(0);

            assertThat(write.restore().apply("max 100000\n")).containsExactly("max 100000");
        }

        @Test
        void burstAndWeightHaveTheirOwnFiles() {
            assertThat(plan(Resources.builder().cpuQuota(Limit.of(50_000)).cpuBurstMicros(10_000)
                    .cpuWeight(CpuWeight.shares(1024)).build(), defaults()))
                    .extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(
                            tuple("cpu.max", "50000"), tuple("cpu.max.burst", "10000"), tuple("cpu.weight", "100"));
        }

        @Test
        void sharesBecomeAWeightThroughTheChosenMapping() {
            Resources shares = Resources.builder().cpuWeight(CpuWeight.shares(1024)).build();

            assertThat(driver.plan(shares, defaults(), SharesWeightMapping.OCI_RANGE_LINEAR))
                    .extracting(PlannedWrite::value).containsExactly("39");
            assertThat(plan(Resources.builder().cpuWeight(CpuWeight.weight(250)).build(), defaults()))
                    .extracting(PlannedWrite::value).containsExactly("250");
        }
    }

    @Nested
    class MemoryPidsIoFreeze {
        @Test
        void eachMemoryLimitHasItsFileAndMaxMeansNone() {
            List<PlannedWrite> writes = plan(Resources.builder().memoryMin(Limit.of(MiB)).memoryLow(Limit.of(2 * MiB))
                    .memoryHigh(Limit.unlimited()).memoryMax(Limit.of(256 * MiB)).swapMax(Limit.of(64 * MiB)).build(), defaults());

            assertThat(writes).extracting(PlannedWrite::file, PlannedWrite::value).containsExactlyInAnyOrder(
                    tuple("memory.min", "1048576"), tuple("memory.low", "2097152"), tuple("memory.high", "max"),
                    tuple("memory.max", "268435456"), tuple("memory.swap.max", "67108864"));
        }

        @Test
        void pidsMaxIsANumberOrMax() {
            assertThat(plan(Resources.builder().pidsMax(Limit.unlimited()).build(), defaults()))
                    .extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(tuple("pids.max", "max"));
        }

        @Test
        void ioMaxNamesTheDeviceAndOnlyTheKeysGiven() {
            List<PlannedWrite> writes = plan(Resources.builder().io(new IoDeviceLimit(new BlockDevice(8, 16),
                    Optional.of(Limit.of(2_097_152)), Optional.of(Limit.unlimited()), Optional.empty(), Optional.of(Limit.of(120)))).build(),
                    defaults());

            // the kernel documentation's own example, less the riops it leaves alone
            assertThat(writes).extracting(PlannedWrite::file, PlannedWrite::value)
                    .containsExactly(tuple("io.max", "8:16 rbps=2097152 wbps=max wiops=120"));
        }

        @Test
        void aDeviceWithNothingToChangeIsNotWritten() {
            // IoDeviceLimit: "an empty field leaves that limit as it is"; with all four empty
            // there is nothing to write (v1 writes nothing either)
            Resources nothing = Resources.builder().io(new IoDeviceLimit(new BlockDevice(8, 16),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())).build();

            assertThat(plan(nothing, defaults())).isEmpty();
        }

        @Test
        void undoingIoMaxRestoresEveryKeyOfThatDevice() {
            PlannedWrite write = plan(Resources.builder().io(new IoDeviceLimit(new BlockDevice(8, 16),
                    Optional.of(Limit.of(MiB)), Optional.empty(), Optional.empty(), Optional.empty())).build(), defaults()).get(0);

            assertThat(write.restore().apply("8:0 rbps=5 wbps=max riops=max wiops=max\n" + Fixtures.text("kernel-docs/v2/io.max")))
                    .containsExactly("8:16 rbps=2097152 wbps=max riops=max wiops=120");
            assertThat(write.restore().apply("")).containsExactly("8:16 rbps=max wbps=max riops=max wiops=max");
        }

        @Test
        void freezingIsCgroupFreeze() {
            assertThat(plan(Resources.builder().frozen(true).build(), defaults()))
                    .extracting(PlannedWrite::file, PlannedWrite::value).containsExactly(tuple("cgroup.freeze", "1"));
            assertThat(plan(Resources.builder().frozen(false).build(), defaults()))
                    .extracting(PlannedWrite::value).containsExactly("0");
        }
    }

    @Nested
    class Read {
        @Test
        void readsEveryFileBack() {
            Resources r = driver.read(InMemoryGroupFiles.of("cpu.max", Fixtures.text("kernel-docs/v2/cpu.max"),
                    "cpu.max.burst", "0\n", "cpu.weight", "100\n", "cpuset.cpus", "0-3\n",
                    "memory.max", "268435456\n", "memory.high", "max\n", "memory.low", "0\n", "memory.min", "0\n",
                    "memory.swap.max", "max\n", "pids.max", "100\n", "io.max", Fixtures.text("kernel-docs/v2/io.max"),
                    "cgroup.freeze", "1\n"));

            assertThat(r.cpuQuota()).contains(Limit.of(50_000));
            assertThat(r.cpuPeriodMicros()).hasValue(100_000);
            assertThat(r.cpuBurstMicros()).hasValue(0);
            assertThat(r.cpuWeight()).contains(CpuWeight.weight(100));
            assertThat(r.cpusetCpus().orElseThrow()).hasToString("0-3");
            assertThat(r.memoryMax()).contains(Limit.of(256 * MiB));
            assertThat(r.memoryHigh()).contains(Limit.unlimited());
            assertThat(r.memoryLow()).contains(Limit.of(0));
            assertThat(r.swapMax()).contains(Limit.unlimited());
            assertThat(r.pidsMax()).contains(Limit.of(100));
            assertThat(r.io()).containsExactly(new IoDeviceLimit(new BlockDevice(8, 16), Optional.of(Limit.of(2_097_152)),
                    Optional.of(Limit.unlimited()), Optional.of(Limit.unlimited()), Optional.of(Limit.of(120))));
            assertThat(r.frozen()).contains(true);
        }

        @Test
        void theDefaultCpuMaxIsNoLimitWithTheDefaultPeriod() {
            Resources r = driver.read(InMemoryGroupFiles.of("cpu.max", "max 100000\n"));

            assertThat(r.cpuQuota()).contains(Limit.unlimited());
            assertThat(r.cpuPeriodMicros()).hasValue(100_000);
            assertThat(r.cpuCores()).isEmpty();
        }

        @Test
        void absentFilesLeaveFieldsEmpty() {
            assertThat(driver.read(InMemoryGroupFiles.of()).isEmpty()).isTrue();
        }

        @Test
        void frozenIsWhatCgroupEventsReports() {
            assertThat(driver.isFrozen(InMemoryGroupFiles.of("cgroup.events", "populated 1\nfrozen 1\n"))).isTrue();
            assertThat(driver.isFrozen(InMemoryGroupFiles.of("cgroup.events", "populated 1\nfrozen 0\n", "cgroup.freeze", "1\n"))).isFalse();
            assertThat(driver.isFrozen(InMemoryGroupFiles.of())).isFalse();
        }
    }
}
