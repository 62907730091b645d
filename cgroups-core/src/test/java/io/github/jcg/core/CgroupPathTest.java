package io.github.jcg.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CgroupPathTest {

    @Test
    void slashAndEmptyAreTheRoot() {
        assertThat(CgroupPath.of("/")).isEqualTo(CgroupPath.root());
        assertThat(CgroupPath.of("")).isEqualTo(CgroupPath.root());
        assertThat(CgroupPath.root().isRoot()).isTrue();
        assertThat(CgroupPath.root().depth()).isZero();
        assertThat(CgroupPath.root()).hasToString("/");
        assertThat(CgroupPath.root().relative()).isEmpty();
        assertThat(CgroupPath.root().name()).isEqualTo("/");
    }

    @Test
    void aLeadingOrTrailingSlashChangesNothing() {
        // like libcgroup, a leading / means "from the hierarchy root"
        CgroupPath expected = CgroupPath.of("a/b");

        assertThat(CgroupPath.of("/a/b")).isEqualTo(expected);
        assertThat(CgroupPath.of("/a/b/")).isEqualTo(expected);
        assertThat(CgroupPath.of("a/b/")).isEqualTo(expected);
        assertThat(expected.segments()).containsExactly("a", "b");
        assertThat(expected).hasToString("/a/b");
        assertThat(expected.relative()).isEqualTo("a/b");
    }

    @Test
    void namesMayHoldColonsSpacesAndDotsThatAreNotControllerPrefixes() {
        CgroupPath p = CgroupPath.of("/machine.slice/libpod-1:2.scope/my group");

        assertThat(p.segments()).containsExactly("machine.slice", "libpod-1:2.scope", "my group");
        assertThat(p.name()).isEqualTo("my group");
        assertThat(CgroupPath.of(".hidden").name()).isEqualTo(".hidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a//b", "//", "/a/b//", "..", "a/../b", "/a/..", ".", "a/./b"})
    void refusesEmptyDotAndDotDotSegments(String text) {
        assertThatThrownBy(() -> CgroupPath.of(text)).isInstanceOf(InvalidGroupPathException.class);
    }

    @Test
    void theMessageSaysWhichRuleWasBroken() {
        assertThatThrownBy(() -> CgroupPath.of("a/../etc")).hasMessageContaining("'..'").hasMessageContaining("climb out");
        assertThatThrownBy(() -> CgroupPath.of("a//b")).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> CgroupPath.of("a\nb")).hasMessageContaining("newline").hasMessageContaining("'a\\nb'");
        assertThatThrownBy(() -> CgroupPath.of("a\0b")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> CgroupPath.of("a\tb")).hasMessageContaining("control character");
        assertThatThrownBy(() -> CgroupPath.of("a\u007fb")).hasMessageContaining("control character");
        assertThatThrownBy(() -> CgroupPath.of(null)).isInstanceOf(InvalidGroupPathException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasks", "notify_on_release", "release_agent", "cgroup.procs", "cgroup.anything", "cpu.max",
            "cpuset.cpus", "io.stat", "a/cpu.shares", "pids.max", "cpu.cfs_quota_us", "cpu.stat.local", "cpu.weight",
            "memory.limit_in_bytes", "memory.memsw.max_usage_in_bytes", "memory.max", "memory.zswap.writeback",
            "cpuset.cpus.partition", "cpuset.effective_cpus", "blkio.throttle.read_bps_device",
            "blkio.bfq.io_serviced_recursive", "hugetlb.2MB.max", "hugetlb.1GB.limit_in_bytes", "hugetlb.64KB.rsvd.max",
            "freezer.state", "devices.allow", "net_cls.classid", "net_prio.ifpriomap", "rdma.max", "misc.capacity",
            "dmem.max", "irq.pressure", "io.max", "cpuacct.usage_percpu_sys"})
    void refusesNamesTheKernelUsesForControlFiles(String text) {
        assertThatThrownBy(() -> CgroupPath.of(text)).isInstanceOf(InvalidGroupPathException.class)
                .hasMessageContaining("choose another group name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu.batch", "memory.x", "cpu.foo", "a/cpu.batch/b", "cpuset.inner", "pids.maximum",
            "cpu.shares2", "io.stat.old", "hugetlb.2MB", "hugetlb.huge.max", "hugetlb.2MB.nosuch", "blkio.backup",
            "irq.x", "cpu.", "CPU.shares", "bogus.max", "memory.max.x"})
    void acceptsControllerPrefixedNamesThatAreNoControlFile(String text) {
        assertThat(CgroupPath.of(text).relative()).isEqualTo(text);
    }

    @Test
    void aControlFileNameIsRefusedNamingTheFileAndItsOwner() {
        assertThatThrownBy(() -> CgroupPath.of("web/cpu.shares")).isInstanceOf(InvalidGroupPathException.class)
                .hasMessageContaining("'cpu.shares' is the name of a cgroup control file (the cpu controller's)")
                .hasMessageContaining("choose another group name")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> CgroupPath.of("cgroup.batch")).hasMessageContaining("starts with 'cgroup.'");
        assertThat(CgroupPath.of("/cpu.batch").child("memory.x")).isEqualTo(CgroupPath.of("cpu.batch/memory.x"));
        assertThatThrownBy(() -> CgroupPath.of("/cpu.batch").child("memory.max")).isInstanceOf(InvalidGroupPathException.class);
    }

    @Test
    void kernelPathsOnlyFollowTheStructuralRules() {
        // a group another tool made with such a name must stay reachable
        assertThat(CgroupPath.ofKernel("/cpu.backup/tasks").segments()).containsExactly("cpu.backup", "tasks");
        assertThatThrownBy(() -> CgroupPath.ofKernel("/../x")).isInstanceOf(InvalidGroupPathException.class);
    }

    @Test
    void namesAreLimitedTo255BytesNotCharacters() {
        assertThat(CgroupPath.of("x".repeat(255)).name()).hasSize(255);
        assertThatThrownBy(() -> CgroupPath.of("x".repeat(256))).hasMessageContaining("255 bytes");
        // 128 two-byte characters are 256 bytes
        assertThatThrownBy(() -> CgroupPath.of("é".repeat(128))).hasMessageContaining("255 bytes");
        assertThatThrownBy(() -> CgroupPath.of("a/".repeat(2048))).hasMessageContaining("4095 bytes");
    }

    @Test
    void lineageListsEveryAncestorOutermostFirst() {
        assertThat(CgroupPath.of("/a/b/c").lineage())
                .containsExactly(CgroupPath.of("/a"), CgroupPath.of("/a/b"), CgroupPath.of("/a/b/c"));
        assertThat(CgroupPath.root().lineage()).isEmpty();
    }

    @Test
    void parentClimbsOneLevelAndStopsAtTheRoot() {
        assertThat(CgroupPath.of("/a/b").parent()).isEqualTo(CgroupPath.of("/a"));
        assertThat(CgroupPath.of("/a").parent()).isEqualTo(CgroupPath.root());
        assertThat(CgroupPath.root().parent()).isEqualTo(CgroupPath.root());
    }

    @Test
    void childValidatesItsNameLikeUserText() {
        assertThat(CgroupPath.of("/a").child("b")).isEqualTo(CgroupPath.of("/a/b"));
        assertThat(CgroupPath.root().child("b")).isEqualTo(CgroupPath.of("/b"));
        assertThatThrownBy(() -> CgroupPath.of("/a").child("..")).isInstanceOf(InvalidGroupPathException.class);
        assertThatThrownBy(() -> CgroupPath.of("/a").child("cgroup.procs")).isInstanceOf(InvalidGroupPathException.class);
    }

    @Test
    void kernelChildAcceptsListedNamesButNotStructuralTricks() {
        assertThat(CgroupPath.of("/a").kernelChild("cpu.old")).isEqualTo(CgroupPath.ofKernel("/a/cpu.old"));
        assertThatThrownBy(() -> CgroupPath.of("/a").kernelChild("..")).isInstanceOf(InvalidGroupPathException.class);
        assertThatThrownBy(() -> CgroupPath.of("/a").kernelChild("")).isInstanceOf(InvalidGroupPathException.class);
    }

    @Test
    void startsWithComparesWholeSegments() {
        CgroupPath ab = CgroupPath.of("/a/b");

        assertThat(ab.startsWith(CgroupPath.of("/a"))).isTrue();
        assertThat(ab.startsWith(ab)).isTrue();
        assertThat(ab.startsWith(CgroupPath.root())).isTrue();
        assertThat(CgroupPath.of("/ab").startsWith(CgroupPath.of("/a"))).isFalse();
        assertThat(CgroupPath.of("/a").startsWith(ab)).isFalse();
    }

    @Test
    void orderPutsEveryParentRightBeforeItsSubtree() {
        List<CgroupPath> paths = new ArrayList<>(List.of(CgroupPath.of("/b"), CgroupPath.of("/a b"), CgroupPath.of("/a/b"),
                CgroupPath.of("/a"), CgroupPath.root(), CgroupPath.of("/a-b")));

        paths.sort(null);

        // segment-wise: "/a/b" belongs under "/a" even though ' ' and '-' sort before '/'
        assertThat(paths).extracting(CgroupPath::toString).containsExactly("/", "/a", "/a/b", "/a b", "/a-b", "/b");
    }

    @Test
    void compareToIsConsistentWithEquals() {
        assertThat(CgroupPath.of("/a/b").compareTo(CgroupPath.of("a/b/"))).isZero();
        assertThat(CgroupPath.of("/a/b")).hasSameHashCodeAs(CgroupPath.of("a/b/"));
        assertThat(CgroupPath.of("/a").compareTo(CgroupPath.of("/a/b"))).isNegative();
        assertThat(CgroupPath.of("/a/b").compareTo(CgroupPath.of("/a"))).isPositive();
    }
}
