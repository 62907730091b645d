package io.github.jcg.cli.top;

import io.github.jcg.core.CgroupPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The listing on fake hierarchies: merged, ordered, control files skipped, vanished groups dropped. */
class TreeListerTest {
    @TempDir
    Path tmp;

    private Path mount(String name, String... groups) throws IOException {
        Path m = tmp.resolve(name);
        Files.createDirectories(m);
        Files.writeString(m.resolve("cgroup.procs"), "1\n");
        Files.writeString(m.resolve("tasks"), "1\n");
        for (String g : groups) {
            Path d = m.resolve(g);
            Files.createDirectories(d);
            Files.writeString(d.resolve(name + ".stat"), "usage_usec 1\n");
            Files.writeString(d.resolve("cgroup.procs"), "");
            Files.writeString(d.resolve("notify_on_release"), "0\n");
        }
        return m;
    }

    private static List<String> paths(List<TreeLister.Group> groups) {
        return groups.stream().map(g -> g.path.toString()).toList();
    }

    @Test
    void groupsOfAllMountsMergedInPathOrderToTheDepth() throws IOException {
        Path cpu = mount("cpu", "a", "a/x", "a/x/deep", "b.service");
        Path memory = mount("memory", "a", "a/y", "c");
        TreeLister lister = new TreeLister(List.of(cpu.toString(), memory.toString()), CgroupPath.root(), 2);
        List<TreeLister.Group> groups = lister.list();
        assertThat(paths(groups)).containsExactly("/", "/a", "/a/x", "/a/y", "/b.service", "/c");
        assertThat(groups.get(2).relative).isEqualTo("/a/x");
    }

    @Test
    void aRootArgumentAndDepthZero() throws IOException {
        Path cpu = mount("cpu", "a", "a/x", "a/x/deep");
        assertThat(paths(new TreeLister(List.of(cpu.toString()), CgroupPath.of("/a"), 1).list()))
                .containsExactly("/a", "/a/x");
        assertThat(paths(new TreeLister(List.of(cpu.toString()), CgroupPath.of("/a"), 0).list())).containsExactly("/a");
    }

    @Test
    void groupsThatVanishAreDroppedAndNewOnesAppear() throws IOException {
        Path cpu = mount("cpu", "a", "b");
        TreeLister lister = new TreeLister(List.of(cpu.toString()), CgroupPath.root(), 3);
        assertThat(paths(lister.list())).containsExactly("/", "/a", "/b");
        Files.walk(cpu.resolve("a")).sorted((x, y) -> y.compareTo(x)).forEach(p -> p.toFile().delete());
        Files.createDirectories(cpu.resolve("b/new"));
        assertThat(paths(lister.list())).containsExactly("/", "/b", "/b/new");
    }

    @Test
    void aMissingRootListsNothing() {
        assertThat(new TreeLister(List.of(tmp.resolve("nowhere").toString()), CgroupPath.root(), 3).list()).isEmpty();
    }

    @Test
    void controlFilesAreKnownByName() {
        assertThat(TreeLister.isControlFileName("cpu.stat")).isTrue();
        assertThat(TreeLister.isControlFileName("cgroup.procs")).isTrue();
        assertThat(TreeLister.isControlFileName("irq.pressure")).isTrue();
        assertThat(TreeLister.isControlFileName("tasks")).isTrue();
        assertThat(TreeLister.isControlFileName("system.slice")).isFalse();
        assertThat(TreeLister.isControlFileName("cron.service")).isFalse();
        assertThat(TreeLister.isControlFileName("web")).isFalse();
    }
}
