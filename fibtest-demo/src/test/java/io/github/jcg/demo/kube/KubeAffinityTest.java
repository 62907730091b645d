package io.github.jcg.demo.kube;

import io.github.jcg.demo.DemoException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeAffinityTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "0; [0]",
            "0-1; [0, 1]",
            "0-3,8,10-11; [0, 1, 2, 3, 8, 10, 11]",
            "0,1; [0, 1]",
    })
    void kernelCpuListsAreRead(String list, String cpus) {
        assertThat(KubeAffinity.cpus(list)).hasToString(cpus);
        assertThat(KubeAffinity.cpus(list + "\n")).as("as sysfs writes it, with its line end").hasToString(cpus);
    }

    @ParameterizedTest
    @CsvSource({"a", "3-1", "1-x", "-1"})
    void whatIsNotACpuListIsRefused(String list) {
        assertThatThrownBy(() -> KubeAffinity.cpus(list)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(list);
    }

    @ParameterizedTest(name = "online {0}, allowed {1} and {2}: {3}")
    @CsvSource({
            "0-1, 0-1, 0-1, 1",
            "0-7, 0-3, 2-5, 3",     // a cpuset narrower than the machine
            "0-3, 0-7, 0-7, 3",     // CPUs 4-7 offline
            "0-1, 0, 1, -1",        // nothing in common: step 1b is skipped
    })
    void theContendedCpuIsTheLastOnlineCpuBothMayRunOn(String online, String small, String big, int expected) {
        Optional<Integer> cpu = KubeAffinity.lastCommon(online, List.of(small, big));

        assertThat(cpu).isEqualTo(expected < 0 ? Optional.empty() : Optional.of(expected));
    }

    @Test
    void tasksetIsFoundOnThePathOnlyAsAnExecutableFile(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path taskset = Files.writeString(bin.resolve("taskset"), "#!/bin/sh\n");
        String path = empty + ":" + bin;

        assertThat(KubeAffinity.onPath(path, "taskset")).isEmpty(); // not executable yet
        Files.setPosixFilePermissions(taskset, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(KubeAffinity.onPath(path, "taskset")).contains(taskset);
        assertThat(KubeAffinity.onPath(null, "taskset")).isEmpty();
    }

    @Test
    void aThreadTasksetLeftOnOtherCpusIsAnError(@TempDir Path proc) throws Exception {
        // /bin/true stands for a taskset that says it worked; the fake /proc shows one thread it missed
        Path tasks = Files.createDirectories(proc.resolve("4242").resolve("task"));
        Files.writeString(proc.resolve("4242").resolve("status"), "Name:\tjava\nCpus_allowed_list:\t0-1\n");
        Files.createDirectory(tasks.resolve("4242"));
        Files.writeString(tasks.resolve("4242").resolve("status"), "Name:\tjava\nCpus_allowed_list:\t1\n");
        Files.createDirectory(tasks.resolve("4243"));
        Files.writeString(tasks.resolve("4243").resolve("status"), "Name:\tC2 CompilerThre\nCpus_allowed_list:\t0-1\n");
        KubeAffinity affinity = new KubeAffinity(List.of("true"), proc);

        assertThat(affinity.allowedList(4242)).isEqualTo("0-1");
        assertThatThrownBy(() -> affinity.set(4242, "1")).isInstanceOf(DemoException.class)
                .hasMessage("true -a -p -c 1 4242 left 1 of 2 threads of process 4242 on other CPUs (0-1)");
    }

    @Test
    void aFailingTasksetIsAnErrorWithItsOutput(@TempDir Path proc) {
        KubeAffinity affinity = new KubeAffinity(List.of("false"), proc);

        assertThatThrownBy(() -> affinity.set(1, "0")).isInstanceOf(DemoException.class)
                .hasMessageStartingWith("false -a -p -c 0 1 failed with exit status 1");
    }

    @Test
    void everyThreadOfARealProcessIsConfinedAndGivenItsCpusBack() throws Exception {
        Optional<KubeAffinity> found = KubeAffinity.find();
        Assumptions.assumeTrue(found.isPresent(), "no taskset on PATH");
        KubeAffinity affinity = found.get();
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            long pid = sleeper.pid();
            String original = affinity.allowedList(pid);
            int last = KubeAffinity.cpus(original).last();

            int threads = affinity.set(pid, Integer.toString(last));

            assertThat(threads).isEqualTo(1);
            assertThat(affinity.threadLists(pid)).containsExactly(Integer.toString(last));
            affinity.set(pid, original);
            assertThat(affinity.allowedList(pid)).isEqualTo(original);
        } finally {
            sleeper.destroy();
            sleeper.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
