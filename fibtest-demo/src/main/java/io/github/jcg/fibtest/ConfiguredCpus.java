package io.github.jcg.fibtest;

import io.github.jcg.core.limit.CpuList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The number of CPUs the system is configured with, as the C original's
 * {@code get_nprocs_conf()} counts them: every possible CPU, whatever the cgroup quota or
 * affinity mask. (The JVM's {@code availableProcessors()} honours the quota, which would
 * make fibtest's defaults change inside the very group it is used to demonstrate.)
 */
public final class ConfiguredCpus {
    private static final Path POSSIBLE = Path.of("/sys/devices/system/cpu/possible");

    private ConfiguredCpus() {
    }

    public static int count() {
        return count(POSSIBLE);
    }

    static int count(Path possible) {
        try {
            int n = CpuList.parse(Files.readString(possible)).size();
            if (n > 0) {
                return n;
            }
        } catch (IOException | RuntimeException e) {
            // fall through: not Linux, or /sys is not mounted
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
