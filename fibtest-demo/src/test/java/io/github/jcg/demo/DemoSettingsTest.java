package io.github.jcg.demo;

import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.limit.Limit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoSettingsTest {
    @Test
    void defaultsAreTheArticlesStoryInAboutAMinute() {
        DemoSettings d = DemoSettings.defaults();
        List<Phase> phases = d.phases();

        assertThat(phases).extracting(Phase::role).containsExactly(
                PhaseRole.BASELINE, PhaseRole.CHOKED, PhaseRole.MIDDLE, PhaseRole.RESTORED);
        assertThat(phases.get(0).limit().isLimited()).isFalse();
        assertThat(phases.get(1).limit()).isEqualTo(CpuLimit.of(1_000, 50_000));
        assertThat(phases.get(2).limit()).isEqualTo(CpuLimit.of(50_000, 100_000));
        assertThat(phases.get(3).limit().isLimited()).isFalse();
        assertThat(d.totalSeconds()).isBetween(50, 65);
        assertThat(phases).allMatch(p -> p.settleSeconds() == 2 && p.windowSeconds() == 12);
        assertThat(d.group()).isEqualTo("fibtest");
        assertThat(d.threads()).isEqualTo(1);
    }

    @Test
    void aQuotaTheKernelWouldRefuseIsRefusedBeforeAnythingIsCreated() {
        DemoSettings tiny = new DemoSettings("g", 1, 10, 10, 2, 1, 500, 50_000, 0.5, 100_000, 0);

        assertThatThrownBy(tiny::phases).isInstanceOf(InvalidValueException.class).hasMessageContaining("1000");
        DemoSettings longPeriod = new DemoSettings("g", 1, 10, 10, 2, 1, 1_000, 2_000_000, 0.5, 100_000, 0);
        assertThatThrownBy(longPeriod::phases).isInstanceOf(InvalidValueException.class).hasMessageContaining("1000000");
    }

    @Test
    void phasesNeedTwoMeasuredSecondsAfterTheirSettleTime() {
        assertThatThrownBy(() -> DemoSettings.defaults().withSeconds(3, 8, 2).phases())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline");
        assertThat(DemoSettings.defaults().withSeconds(4, 4, 2).phases()).hasSize(4);
    }

    @Test
    void cpuLimitDescribesItselfInBothKernelVocabularies() {
        CpuLimit choke = CpuLimit.of(1_000, 50_000);

        assertThat(choke.percentOfCpu()).isEqualTo(2.0);
        assertThat(choke.describe()).isEqualTo("1000/50000 µs");
        assertThat(choke.percentText()).isEqualTo("2 %");
        assertThat(choke.kernelWrites(io.github.jcg.core.CgroupVersion.V1)).isEqualTo("cpu.cfs_quota_us=1000 cpu.cfs_period_us=50000");
        assertThat(choke.kernelWrites(io.github.jcg.core.CgroupVersion.V2)).isEqualTo("cpu.max=\"1000 50000\"");
        assertThat(CpuLimit.none().kernelWrites(io.github.jcg.core.CgroupVersion.V2)).isEqualTo("cpu.max=\"max 100000\"");
        assertThat(CpuLimit.none().kernelWrites(io.github.jcg.core.CgroupVersion.V1)).isEqualTo("cpu.cfs_quota_us=-1 cpu.cfs_period_us=100000");
        assertThat(CpuLimit.cores(0.5, 100_000).quota()).isEqualTo(Limit.of(50_000));
        assertThat(CpuLimit.none().resources().cpuQuota()).contains(Limit.unlimited());
    }

    @Test
    void autoWeightIsTheHighestOnlyWhileTheWorkloadLeavesACpuFree() {
        DemoSettings auto = DemoSettings.defaults();

        assertThat(auto.weight()).isEqualTo(DemoSettings.AUTO_WEIGHT);
        assertThat(auto.effectiveWeight(2)).isEqualTo(DemoSettings.HIGH_WEIGHT);
        assertThat(auto.effectiveWeight(1)).isZero();
        DemoSettings two = new DemoSettings("g", 2, 10, 10, 2, 1, 1000, 50_000, 0.5, 100_000, DemoSettings.AUTO_WEIGHT);
        assertThat(two.effectiveWeight(2)).isZero();
        assertThat(two.effectiveWeight(4)).isEqualTo(DemoSettings.HIGH_WEIGHT);
        assertThat(auto.withWeight(500).effectiveWeight(2)).isEqualTo(500);
        assertThat(auto.withWeight(0).effectiveWeight(8)).isZero();
    }
}
