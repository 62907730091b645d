package io.github.jcg.it;

import io.github.jcg.it.container.DockerEnv;
import io.github.jcg.it.support.HostCgroups;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other class ({@link ClassOrderer.OrderAnnotation}, set in
 * junit-platform.properties): removes this run's parent group and checks that no
 * {@code jcg-it-*} group of this run is left in any hierarchy, and that no container of this
 * run is left. Groups of an earlier run that was killed (its JVM gone) are not this run's
 * failure: they are removed, and reported on stderr, when the first host test starts and
 * again here.
 */
@Tag("host")
@Order(Integer.MAX_VALUE)
class NothingLeftIT {
    @Test
    void noTestGroupIsLeftInAnyHierarchy() {
        // this run's parent is removed here, by the last class, after every test that used it
        HostCgroups.removeThisRunsParent();
        HostCgroups.removeGroupsOfDeadRuns();

        List<Path> left = HostCgroups.leftovers(true);

        assertThat(left).as("jcg-it groups left behind (remove them with rmdir once empty)").isEmpty();
    }

    @Test
    void noContainerOfThisRunIsLeft() {
        List<String> left = DockerEnv.leftoverContainers().stream().map(c -> c.getId() + " " + List.of(c.getNames())).toList();
        DockerEnv.removeLeftovers();

        assertThat(left).as("containers of this run still there after their tests").isEmpty();
    }
}
