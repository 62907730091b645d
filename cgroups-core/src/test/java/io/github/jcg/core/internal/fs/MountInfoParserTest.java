package io.github.jcg.core.internal.fs;

import io.github.jcg.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MountInfoParserTest {

    @Test
    void readsEveryLineOfARealHybridHost() {
        List<MountInfoEntry> entries = MountInfoParser.parse(Fixtures.text("hybrid-host/proc/self/mountinfo"));

        assertThat(entries).hasSize(19);
        assertThat(entries).filteredOn(e -> e.fsType().equals("cgroup")).extracting(MountInfoEntry::mountPoint)
                .containsExactly("/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpuacct", "/sys/fs/cgroup/cpuset",
                        "/sys/fs/cgroup/memory", "/sys/fs/cgroup/devices", "/sys/fs/cgroup/freezer",
                        "/sys/fs/cgroup/blkio", "/sys/fs/cgroup/pids", "/sys/fs/cgroup/systemd");
        assertThat(entries).filteredOn(e -> e.fsType().equals("cgroup2")).extracting(MountInfoEntry::mountPoint)
                .containsExactly("/sys/fs/cgroup/unified");
    }

    @Test
    void splitsEveryFieldOfACgroupLine() {
        MountInfoEntry cpu = MountInfoParser.parse(Fixtures.text("hybrid-host/proc/self/mountinfo")).stream()
                .filter(e -> e.mountPoint().equals("/sys/fs/cgroup/cpu")).findFirst().orElseThrow();

        assertThat(cpu.mountId()).isEqualTo(32);
        assertThat(cpu.parentId()).isEqualTo(31);
        assertThat(cpu.device()).isEqualTo("0:29");
        assertThat(cpu.root()).isEqualTo("/");
        assertThat(cpu.mountOptions()).containsExactly("rw", "relatime");
        assertThat(cpu.fsType()).isEqualTo("cgroup");
        assertThat(cpu.source()).isEqualTo("cgroup");
        assertThat(cpu.superOptions()).containsExactly("rw", "cpu");
    }

    @Test
    void namedHierarchyKeepsItsNameOption() {
        MountInfoEntry systemd = MountInfoParser.parse(Fixtures.text("hybrid-host/proc/self/mountinfo")).stream()
                .filter(e -> e.mountPoint().equals("/sys/fs/cgroup/systemd")).findFirst().orElseThrow();

        assertThat(systemd.superOptions()).containsExactly("rw", "name=systemd");
    }

    @Test
    void skipsOptionalFieldsBeforeTheSeparator() {
        // the example line of proc(5), with one optional field, and a systemd host's with three
        List<MountInfoEntry> entries = MountInfoParser.parse("""
                36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
                28 25 0:26 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:9 master:2 propagate_from:1 - cgroup cgroup rw,cpu,cpuacct
                """);

        assertThat(entries).hasSize(2);
        MountInfoEntry ext3 = entries.get(0);
        assertThat(ext3.root()).isEqualTo("/mnt1");
        assertThat(ext3.mountPoint()).isEqualTo("/mnt2");
        assertThat(ext3.mountOptions()).containsExactly("rw", "noatime");
        assertThat(ext3.fsType()).isEqualTo("ext3");
        assertThat(ext3.source()).isEqualTo("/dev/root");
        assertThat(ext3.superOptions()).containsExactly("rw", "errors=continue");
        MountInfoEntry cpu = entries.get(1);
        assertThat(cpu.mountPoint()).isEqualTo("/sys/fs/cgroup/cpu,cpuacct");
        assertThat(cpu.fsType()).isEqualTo("cgroup");
        assertThat(cpu.superOptions()).containsExactly("rw", "cpu", "cpuacct");
    }

    @Test
    void decodesOctalEscapesInRootMountPointAndSource() {
        MountInfoEntry e = MountInfoParser.parse(
                "50 25 0:40 /docker/my\\040app /sys/fs/cgroup/a\\040b\\011c\\012d\\134e rw - cgroup2 my\\040src rw\n").get(0);

        assertThat(e.root()).isEqualTo("/docker/my app");
        assertThat(e.mountPoint()).isEqualTo("/sys/fs/cgroup/a b\tc\nd\\e");
        assertThat(e.source()).isEqualTo("my src");
    }

    @Test
    void unescapeLeavesWhatIsNotAThreeDigitOctalEscapeAlone() {
        assertThat(MountInfoParser.unescape("plain")).isEqualTo("plain");
        assertThat(MountInfoParser.unescape("a\\04")).isEqualTo("a\\04");
        assertThat(MountInfoParser.unescape("a\\089b")).isEqualTo("a\\089b");
        assertThat(MountInfoParser.unescape("\\134040")).isEqualTo("\\040");
    }

    @Test
    void skipsMalformedLinesAndKeepsTheGoodOnes() {
        List<MountInfoEntry> entries = MountInfoParser.parse("""

                garbage
                x 25 0:30 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu
                31 25 0:31 / /sys/fs/cgroup/memory rw cgroup cgroup rw,memory
                32 25 0:32 / /sys/fs/cgroup/pids rw -
                33 25 0:33 / /sys/fs/cgroup/blkio rw - cgroup cgroup rw,blkio
                """);

        assertThat(entries).extracting(MountInfoEntry::mountPoint).containsExactly("/sys/fs/cgroup/blkio");
    }

    @Test
    void aLineWithoutSuperOptionsHasNone() {
        MountInfoEntry e = MountInfoParser.parse("41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2").get(0);

        assertThat(e.fsType()).isEqualTo("cgroup2");
        assertThat(e.superOptions()).isEmpty();
    }
}
