package io.github.jcg.it.container;

import io.github.jcg.it.support.ProcCgroup;
import io.github.jcg.it.support.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jcg exec} inside a container with a private cgroup namespace: the command replaces
 * jcg (same PID), lands in the named group in every named hierarchy and nowhere else, and
 * jcg's failures look like cgexec's. Groups are made with mkdir, not with jcg. The container's
 * {@code jcg} runs {@code java -jar} itself, without bin/jcg: this is the JVM's own exec (jnr-ffi's
 * execvpe), the way the launcher hands over to when only an exec can tell; HostExecIT covers the
 * launcher's.
 */
@Tag("container")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ContainerExecIT {
    private static JcgContainer container;

    @BeforeAll
    static void start() {
        container = new JcgContainer(JcgContainer.CgroupNs.PRIVATE, true);
        container.start();
        container.sh("for h in cpu cpuacct pids; do mkdir /sys/fs/cgroup/$h/ex; done; mkdir /sys/fs/cgroup/unified/v2ex").requireOk();
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Test
    void theCommandKeepsJcgsPidAndJoinsTheGroupInEachNamedHierarchyOnly() {
        // the outer shell becomes jcg (exec), jcg becomes the inner shell: one PID throughout
        Result r = container.exec("sh", "-c",
                "echo $$; exec jcg exec -g cpu,cpuacct,pids:/ex -- sh -c 'echo $$; cat /proc/self/cgroup'").requireOk();

        List<String> lines = r.lines();
        assertThat(lines.get(1)).as("PID after exec").isEqualTo(lines.get(0));
        List<ProcCgroup> groups = ProcCgroup.parse(String.join("\n", lines.subList(2, lines.size())));
        assertThat(ProcCgroup.pathOf(groups, "cpu")).hasValue("/ex");
        assertThat(ProcCgroup.pathOf(groups, "cpuacct")).hasValue("/ex");
        assertThat(ProcCgroup.pathOf(groups, "pids")).hasValue("/ex");
        assertThat(ProcCgroup.pathOf(groups, "memory")).hasValue("/");
        assertThat(ProcCgroup.pathOf(groups, "freezer")).hasValue("/");
        assertThat(ProcCgroup.v2Path(groups)).hasValue("/");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aGroupWithoutControllersIsTheV2One() {
        Result r = container.jcg("exec", "-g", ":/v2ex", "--", "cat", "/proc/self/cgroup").requireOk();

        List<ProcCgroup> groups = ProcCgroup.parse(r.out());
        assertThat(ProcCgroup.v2Path(groups)).hasValue("/v2ex");
        assertThat(ProcCgroup.pathOf(groups, "cpu")).hasValue("/");
    }

    @Test
    void optionsAfterTheCommandAreTheCommands() {
        Result r = container.jcg("exec", "-g", "cpu:/ex", "sh", "-c", "echo \"$@\"", "sh", "-g", "x", "--sticky").requireOk();

        assertThat(r.out()).isEqualTo("-g x --sticky\n");
    }

    @Test
    void theCommandsExitStatusIsJcgsExitStatus() {
        assertThat(container.jcg("exec", "-g", "cpu:/ex", "--", "sh", "-c", "exit 7").exit()).isEqualTo(7);
    }

    @Test
    void aMissingGroupFailsLikeCgexecAndTheCommandNeverRuns() {
        Result r = container.jcg("exec", "-g", "cpu:/no-such-group", "--", "touch", "/tmp/ran");

        assertThat(r.exit()).as("ECGROUPNOTEXIST").isEqualTo(82);
        assertThat(r.err()).contains("no-such-group");
        assertThat(container.exec("test", "-e", "/tmp/ran").exit()).as("the command ran").isNotZero();
    }

    @Test
    void aCommandThatCannotBeRunFailsWith255() {
        Result r = container.jcg("exec", "-g", "cpu:/ex", "--", "/no/such/program");

        assertThat(r.exit()).isEqualTo(255);
        assertThat(r.err()).contains("No such file or directory");
    }
}
