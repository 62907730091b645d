package io.github.jcg.core.internal.fs;

import io.github.jcg.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCgroupParserTest {

    @Test
    void readsARealHybridHostsLines() {
        List<ProcessCgroupEntry> entries = ProcessCgroupParser.parse(Fixtures.text("hybrid-host/proc/self/cgroup"));

        assertThat(entries).hasSize(10);
        assertThat(entries.get(0)).isEqualTo(new ProcessCgroupEntry(9, List.of("name=systemd"), "/"));
        assertThat(entries).contains(new ProcessCgroupEntry(4, List.of("memory"), "/process_api/3465720c12a7cdfc371a8fedfab30b3a"));
    }

    @Test
    void theV2LineHasIdZeroAndNoControllers() {
        List<ProcessCgroupEntry> entries = ProcessCgroupParser.parse(Fixtures.text("hybrid-host/proc/self/cgroup"));

        ProcessCgroupEntry last = entries.get(entries.size() - 1);
        assertThat(last.hierarchyId()).isZero();
        assertThat(last.controllers()).isEmpty();
        assertThat(last.path()).isEqualTo("/");
        assertThat(last.isUnified()).isTrue();
        assertThat(entries.subList(0, entries.size() - 1)).noneMatch(ProcessCgroupEntry::isUnified);
    }

    @Test
    void splitsOnTheFirstTwoColonsOnly() {
        List<ProcessCgroupEntry> entries = ProcessCgroupParser.parse("""
                3:cpu,cpuacct:/docker/a:b
                0::/machine.slice/libpod-1:2:3.scope
                """);

        assertThat(entries.get(0)).isEqualTo(new ProcessCgroupEntry(3, List.of("cpu", "cpuacct"), "/docker/a:b"));
        assertThat(entries.get(1)).isEqualTo(new ProcessCgroupEntry(0, List.of(), "/machine.slice/libpod-1:2:3.scope"));
    }

    @Test
    void keepsSpacesInPaths() {
        assertThat(ProcessCgroupParser.parse("0::/my group/x y\n").get(0).path()).isEqualTo("/my group/x y");
    }

    @Test
    void skipsLinesThatAreNotCgroupLines() {
        List<ProcessCgroupEntry> entries = ProcessCgroupParser.parse("""
                no colons here
                one:colon
                x:cpu:/
                0::/
                """);

        assertThat(entries).containsExactly(new ProcessCgroupEntry(0, List.of(), "/"));
    }
}
