package io.github.jcg.cli.commands;

import io.github.jcg.cli.FakeHosts;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.Run;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jcg run}'s bad input on a fake hybrid host: one line naming what was wrong, the
 * status a shell or jcg gives it, and nothing made (the fake tree is as it was).
 */
class RunCommandTest {
    @TempDir
    Path root;
    private FakeHost host;
    private Hosts.Scope scope;

    @BeforeEach
    void setUp() {
        host = FakeHost.hybrid(root);
        host.file("sys/devices/system/cpu/online", "0-1\n");
        host.file("proc/meminfo", "MemTotal:        1024000 kB\nMemFree:          512000 kB\n");
        scope = FakeHosts.use(host);
    }

    @AfterEach
    void tearDown() {
        scope.close();
    }

    private long entries() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.count();
        }
    }

    private void assertRefused(int status, String message, String... args) throws IOException {
        long before = entries();
        Run r = Run.as("jcg", args);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.errLines()[0]).as(r.toString()).startsWith("jcg run: ").contains(message);
        assertThat(r.out()).isEmpty();
        assertThat(entries()).as("nothing made").isEqualTo(before);
    }

    @Test
    void noCommandIsWrongUsage() throws IOException {
        assertRefused(129, "no command given", "run", "--memory", "256Mi");
    }

    @Test
    void aUnitJcgDoesNotKnowIsNamed() throws IOException {
        assertRefused(129, "invalid value for --memory: '5Zi' is not a byte quantity", "run", "--memory", "5Zi", "--", "true");
        assertRefused(129, "invalid value for --wall-limit: '3 fortnights' is not a duration", "run", "--wall-limit", "3 fortnights", "--", "true");
    }

    @Test
    void zeroAndNegativeLimitsAreRefused() throws IOException {
        assertRefused(129, "invalid value for --memory: must be more than 0", "run", "--memory", "0", "--", "true");
        assertRefused(129, "invalid value for --pids: must be more than 0", "run", "--pids", "0", "--", "true");
        assertRefused(129, "invalid value for --cpu", "run", "--cpu", "-1", "--", "true");
        assertRefused(129, "invalid value for --cpu-time-limit: '0s' is zero", "run", "--cpu-time-limit", "0s", "--", "true");
    }

    @Test
    void limitsBeyondTheHostAreRefused() throws IOException {
        assertRefused(129, "--cpu: 3.0 CPUs is more than this host's 2", "run", "--cpu", "3", "--", "true");
        assertRefused(129, "--memory: 2147483648 bytes is more than this host's 1048576000 bytes", "run", "--memory", "2Gi", "--", "true");
        assertRefused(129, "--cpuset: 0-3 names CPUs that are not online here (online: 0-1)", "run", "--cpuset", "0-3", "--", "true");
    }

    @Test
    void aCommandNotFoundIs127AndNotExecutable126AsInAShell() throws IOException {
        assertRefused(127, "jcg-no-such-command: command not found", "run", "--", "jcg-no-such-command");
        assertRefused(127, "/nonexistent/tool: no such file or directory", "run", "/nonexistent/tool");
        Path script = root.resolve("not-executable.sh");
        Files.writeString(script, "#!/bin/sh\n");
        assertRefused(126, "permission denied (not executable", "run", "--", script.toString());
    }

    @Test
    void anExistingGroupKeepsItsOwnLimits() throws IOException {
        host.cpuGroup("busy", "1024", "-1");
        assertRefused(129, "group /busy exists already and keeps its own limits", "run", "--group", "busy", "--cpu", "1", "--", "true");
    }

    @Test
    void unknownOutputFormatAndControllersAreNamed() throws IOException {
        assertRefused(129, "unknown output format 'yaml'", "run", "-o", "yaml", "--", "true");
        assertRefused(129, "invalid value for --controllers: unknown controller 'cpux'", "run", "--controllers", "cpux", "--", "true");
    }
}
