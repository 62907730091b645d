package io.github.jcg.core.internal.controller;

import io.github.jcg.core.ControlFileNames;
import io.github.jcg.core.Controller;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.limit.BlockDevice;
import io.github.jcg.core.limit.ControlFileRules;
import io.github.jcg.core.limit.CpuList;
import io.github.jcg.core.limit.CpuWeight;
import io.github.jcg.core.limit.IoDeviceLimit;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry: one module per controller, and each module's rules reached through the public entry points. */
class ControllersTest {
    @ParameterizedTest
    @EnumSource(Controller.class)
    void everyControllerHasExactlyOneModule(Controller controller) {
        assertThat(Controllers.all()).filteredOn(m -> m.controllers().contains(controller)).hasSize(1);
        assertThat(Controllers.of(controller)).isPresent();
    }

    @Test
    void noModuleIsRegisteredTwice() {
        Set<ControllerModule> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        assertThat(Controllers.all()).allMatch(seen::add);
        assertThat(Controllers.all()).contains(Controllers.freezer());
    }

    @Test
    void everySettingIsCopiedByExactlyOneModule() {
        Resources all = Resources.builder().cpuMax(Limit.of(50_000), 100_000).cpuBurstMicros(1_000)
                .cpuWeight(CpuWeight.weight(200)).cpusetCpus(CpuList.parse("0-1")).cpusetMems(CpuList.parse("0"))
                .memoryMax(Limit.of(1L << 30)).memoryHigh(Limit.of(1L << 29)).memoryLow(Limit.of(1L << 20))
                .memoryMin(Limit.of(1L << 19)).swapMax(Limit.unlimited()).pidsMax(Limit.of(100))
                .io(new IoDeviceLimit(new BlockDevice(8, 0), Optional.of(Limit.of(1L << 20)), Optional.empty(),
                        Optional.empty(), Optional.empty()))
                .frozen(true).build();
        Resources.Builder together = Resources.builder();
        int owners = 0;
        for (ControllerModule module : Controllers.all()) {
            Resources.Builder alone = Resources.builder();
            module.copy(all, alone);
            module.copy(all, together);
            owners += alone.build().isEmpty() ? 0 : 1;
        }
        assertThat(together.build()).isEqualTo(all);
        // cpu, cpuset, memory, pids, io, freezer
        assertThat(owners).isEqualTo(6);
    }

    @Test
    void blkioAndIoShareOneModule() {
        assertThat(Controllers.of(Controller.BLKIO)).containsSame(Controllers.of(Controller.IO).orElseThrow());
    }

    @Test
    void eachModulesFileNamesAreItsOwn() {
        Set<String> all = new HashSet<>();
        for (ControllerModule module : Controllers.all()) {
            for (String name : module.fileNames()) {
                assertThat(all.add(name)).as("%s named twice", name).isTrue();
                Controller.owningFile(name).ifPresent(c -> assertThat(Controllers.owning(name)).containsSame(module));
                assertThat(module.isFileName(name)).isTrue();
            }
        }
        assertThat(all).contains("cpu.cfs_quota_us", "cpu.max", "memory.memsw.limit_in_bytes", "blkio.throttle.read_bps_device",
                "io.max", "freezer.state", "devices.allow", "net_cls.classid", "misc.max", "dmem.max");
    }

    @Test
    void coreFilesHaveNoModule() {
        assertThat(Controllers.owning("cgroup.procs")).isEmpty();
        assertThat(Controllers.owning("tasks")).isEmpty();
        assertThat(Controllers.owning("cgroup.freeze")).isEmpty();
    }

    @Test
    void aModulesChecksAreWhatControlFileRulesApplies() {
        assertThatThrownBy(() -> ControlFileRules.check("cpu.weight", "0")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("cpu.weight must be from 1 to 10000");
        assertThatThrownBy(() -> Controllers.of(Controller.CPU).orElseThrow().check("cpu.weight", "0"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("cpu.weight must be from 1 to 10000");
        assertThatThrownBy(() -> ControlFileRules.check("io.max", "8:0 speed=1")).hasMessageContaining("rbps=");
        assertThatThrownBy(() -> ControlFileRules.check("pids.max", "-1")).hasMessageContaining("or max for no limit");
        assertThatThrownBy(() -> ControlFileRules.check("freezer.state", " FREEZING")).hasMessageContaining("(got ' FREEZING')");
        // the core's own files stay the core's
        assertThatThrownBy(() -> ControlFileRules.check("cgroup.freeze", "2")).hasMessageContaining("must be 0 or 1");
        // files no rule covers go to the kernel unchecked
        assertThatCode(() -> ControlFileRules.check("devices.allow", "a *:* rwm")).doesNotThrowAnyException();
        assertThatCode(() -> ControlFileRules.check("hugetlb.2MB.max", "anything")).doesNotThrowAnyException();
    }

    @Test
    void aModulesFileNamesAreWhatControlFileNamesReserves() {
        assertThat(ControlFileNames.reason("hugetlb.2MB.max")).hasValueSatisfying(r -> assertThat(r).contains("hugetlb controller's"));
        assertThat(ControlFileNames.reason("hugetlb.1GB.rsvd.limit_in_bytes")).isPresent();
        assertThat(ControlFileNames.reason("hugetlb.2MB.batch")).isEmpty();
        assertThat(ControlFileNames.reason("dmem.capacity")).hasValueSatisfying(r -> assertThat(r).contains("dmem controller's"));
        assertThat(ControlFileNames.reason("irq.pressure")).hasValueSatisfying(r -> assertThat(r).contains("cgroup core's"));
        assertThat(ControlFileNames.reason("perf_event.anything")).isEmpty();
        assertThat(ControlFileNames.reason("cpu.batch")).isEmpty();
    }
}
