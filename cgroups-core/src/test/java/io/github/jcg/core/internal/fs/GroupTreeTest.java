package io.github.jcg.core.internal.fs;

import io.github.jcg.core.internal.fs.GroupTree.Listing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupTreeTest {
    @TempDir
    Path tmp;

    /** A tree as cgroupfs has them: groups, control files, and a group named like a file. */
    private Path tree() throws IOException {
        Path top = Files.createDirectories(tmp.resolve("mount"));
        for (String dir : List.of("web/b", "web/a/deep", "db", "cpu.batch/inner", "zz")) {
            Files.createDirectories(top.resolve(dir));
        }
        Files.writeString(top.resolve("cpu.shares"), "1024\n");
        Files.writeString(top.resolve("web/tasks"), "");
        Files.writeString(top.resolve("web/a/cgroup.procs"), "");
        return top;
    }

    /** Every group below top as its path from top, in the order the walk met them. */
    private static List<String> walked(Path top, Listing listing, int maxDepth) {
        List<String> out = new ArrayList<>();
        GroupTree.walk(top, "", listing, maxDepth, (parent, name) -> {
            String path = parent.isEmpty() ? name : parent + "/" + name;
            out.add(path);
            return path;
        });
        return out;
    }

    @Test
    void theWalkIsDepthFirstParentsBeforeChildrenSortedByNameInNameOrder() throws IOException {
        assertThat(walked(tree(), Listing.NAME_ORDER, Integer.MAX_VALUE))
                .containsExactly("cpu.batch", "cpu.batch/inner", "db", "web", "web/a", "web/a/deep", "web/b", "zz");
    }

    @Test
    void inKernelOrderEachDirectorysGroupsComeAsTheDirectoryIsListed() throws IOException {
        Path top = tree();
        List<String> listed;
        try (Stream<Path> entries = Files.list(top)) {
            listed = entries.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString()).toList();
        }

        assertThat(GroupTree.groups(top, Listing.KERNEL_ORDER)).containsExactlyElementsOf(listed);
        List<String> walked = walked(top, Listing.KERNEL_ORDER, Integer.MAX_VALUE);
        assertThat(walked.stream().filter(p -> !p.contains("/")).toList()).containsExactlyElementsOf(listed);
        assertThat(walked).containsExactlyInAnyOrderElementsOf(walked(top, Listing.NAME_ORDER, Integer.MAX_VALUE));
        // parents first: every group comes after its parent
        assertThat(walked.indexOf("web/a/deep")).isGreaterThan(walked.indexOf("web/a"));
        assertThat(walked.indexOf("web/a")).isGreaterThan(walked.indexOf("web"));
    }

    /** cgroupfs has no symbolic links, but a fake or bind-mounted tree may: the walk does not follow one. */
    @Test
    void filesAndSymbolicLinksAreNotGroups() throws IOException {
        Path top = tree();
        Files.createDirectories(tmp.resolve("elsewhere/x"));
        Files.createSymbolicLink(top.resolve("link"), tmp.resolve("elsewhere"));

        assertThat(GroupTree.groups(top, Listing.NAME_ORDER)).containsExactly("cpu.batch", "db", "web", "zz");
        assertThat(walked(top, Listing.NAME_ORDER, Integer.MAX_VALUE)).noneMatch(p -> p.startsWith("link") || p.endsWith("tasks"));
    }

    @Test
    void theByNameListingFindsTheSameGroupsAsLookingAtEachEntry() throws IOException {
        Path top = tree();

        assertThat(walked(top, Listing.BY_NAME, Integer.MAX_VALUE))
                .containsExactlyInAnyOrderElementsOf(walked(top, Listing.NAME_ORDER, Integer.MAX_VALUE));
    }

    @Test
    void maxDepthLimitsHowFarDownTheWalkGoes() throws IOException {
        Path top = tree();

        assertThat(walked(top, Listing.NAME_ORDER, 1)).containsExactly("cpu.batch", "db", "web", "zz");
        assertThat(walked(top, Listing.BY_NAME, 2)).containsExactlyInAnyOrder(
                "cpu.batch", "cpu.batch/inner", "db", "web", "web/a", "web/b", "zz");
        assertThat(walked(top, Listing.NAME_ORDER, 0)).isEmpty();
    }

    @Test
    void aVisitorLeavesAGroupOutWithAllBelowIt() throws IOException {
        List<String> out = new ArrayList<>();
        GroupTree.walk(tree(), "", Listing.NAME_ORDER, Integer.MAX_VALUE, (parent, name) -> {
            String path = parent.isEmpty() ? name : parent + "/" + name;
            if (path.equals("web")) {
                return null;
            }
            out.add(path);
            return path;
        });

        assertThat(out).containsExactly("cpu.batch", "cpu.batch/inner", "db", "zz");
    }

    @Test
    void aDirectoryThatIsGoneHasNoGroupsAndBY_NAMEIsNotForOneDirectory() throws IOException {
        assertThat(GroupTree.groups(tmp.resolve("nosuch"), Listing.NAME_ORDER)).isEmpty();
        assertThat(walked(tmp.resolve("nosuch"), Listing.BY_NAME, 3)).isEmpty();
        assertThat(walked(tmp.resolve("nosuch"), Listing.KERNEL_ORDER, 3)).isEmpty();
        assertThatThrownBy(() -> GroupTree.groups(tmp, Listing.BY_NAME)).isInstanceOf(IllegalArgumentException.class);
    }

    // the by-name listing's two tools, as SubtreeSampler's tests had them

    @Test
    void namesThatLookLikeFilesAreLookedAtOnlyWhenTheLinkCountSaysGroupsHideAmongThem() {
        String[] names = {"cpu.shares", "cpu.batch", "tasks", "web"};

        assertThat(GroupTree.groupsAmongFileNames(names, 2)).isEqualTo(1);
        assertThat(GroupTree.groupsAmongFileNames(names, 1)).isZero();
        assertThat(GroupTree.groupsAmongFileNames(names, 0)).isZero();
        // a file system that keeps no count: each is looked at
        assertThat(GroupTree.groupsAmongFileNames(names, -1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theLinkCountOfADirectoryIsItsSubdirectories() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("counted"));
        Files.createDirectories(dir.resolve("one"));
        Files.createDirectories(dir.resolve("two.x"));
        Files.writeString(dir.resolve("cpu.shares"), "");

        assertThat(GroupTree.subdirectoryCount(dir.toFile())).isEqualTo(2);
        assertThat(GroupTree.subdirectoryCount(dir.resolve("one").toFile())).isZero();
    }
}
