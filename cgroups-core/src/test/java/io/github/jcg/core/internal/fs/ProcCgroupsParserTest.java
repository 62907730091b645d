package io.github.jcg.core.internal.fs;

import io.github.jcg.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcCgroupsParserTest {

    @Test
    void readsEveryControllerOfARealHostAndSkipsTheHeader() {
        List<ControllerStatus> rows = ProcCgroupsParser.parse(Fixtures.text("hybrid-host/proc/cgroups"));

        assertThat(rows).extracting(ControllerStatus::name).containsExactly("cpuset", "cpu", "cpuacct", "blkio",
                "memory", "devices", "freezer", "net_cls", "perf_event", "net_prio", "hugetlb", "pids");
        assertThat(rows).contains(new ControllerStatus("cpu", 1, 1, true), new ControllerStatus("memory", 4, 13, true));
    }

    @Test
    void hierarchyZeroMeansOnNoV1Hierarchy() {
        List<ControllerStatus> rows = ProcCgroupsParser.parse(Fixtures.text("hybrid-host/proc/cgroups"));

        assertThat(rows).filteredOn(r -> r.hierarchyId() == 0).extracting(ControllerStatus::name)
                .containsExactly("net_cls", "perf_event", "net_prio", "hugetlb");
    }

    @Test
    void aControllerDisabledOnTheCommandLineHasEnabledZero() {
        // cgroup_disable=memory: the row stays, with enabled 0
        List<ControllerStatus> rows = ProcCgroupsParser.parse("""
                #subsys_name\thierarchy\tnum_cgroups\tenabled
                cpu\t2\t10\t1
                memory\t0\t1\t0
                """);

        assertThat(rows).containsExactly(new ControllerStatus("cpu", 2, 10, true), new ControllerStatus("memory", 0, 1, false));
    }

    @Test
    void leavesOutRowsItCannotRead() {
        List<ControllerStatus> rows = ProcCgroupsParser.parse("""
                #subsys_name\thierarchy\tnum_cgroups\tenabled
                cpu\tx\t1\t1
                short\t1
                pids\t8\t1\t1
                """);

        assertThat(rows).containsExactly(new ControllerStatus("pids", 8, 1, true));
    }

    @Test
    void emptyTextHasNoRows() {
        assertThat(ProcCgroupsParser.parse("")).isEmpty();
    }
}
