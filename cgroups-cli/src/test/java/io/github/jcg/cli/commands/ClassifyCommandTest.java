package io.github.jcg.cli.commands;

import io.github.jcg.cli.FakeHosts;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.Run;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** cgclassify's argument handling and exit statuses (moving real processes: see the kernel tests). */
class ClassifyCommandTest {
    @TempDir
    Path root;
    private FakeHost host;
    private Hosts.Scope scope;

    @BeforeEach
    void setUp() {
        host = FakeHost.hybrid(root);
        scope = FakeHosts.use(host);
        host.cpuGroup("web", "1024", "-1");
    }

    @AfterEach
    void tearDown() {
        scope.close();
    }

    @Test
    void pidsAreReadAsStrtolReadsThem() {
        assertThat(ClassifyCommand.pid("123")).isEqualTo(OptionalLong.of(123));
        assertThat(ClassifyCommand.pid(" +7")).isEqualTo(OptionalLong.of(7));
        assertThat(ClassifyCommand.pid("12abc")).isEmpty();
        assertThat(ClassifyCommand.pid("")).isEmpty();
        assertThat(ClassifyCommand.pid("0")).isEmpty();
        assertThat(ClassifyCommand.pid("99999999999")).isEmpty();
    }

    @Test
    void aBadPidIsTwoAndTheLastProblemDecides() {
        assertThat(Run.as("cgclassify", "-g", "cpu:web", "abc").status()).isEqualTo(2);
        Run r = Run.as("cgclassify", "-g", "cpu:web", "abc", "2147483000");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(2);
    }

    @Test
    void optionsEndAtTheFirstPid() {
        Run r = Run.as("cgclassify", "2147483000", "-g", "cpu:web");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("'-g' is not a valid pid", "cgrules.conf");
    }

    @Test
    void nothingToMoveIsNoErrorButNoArgumentsIsWrongUsage() {
        assertThat(Run.as("cgclassify", "-g", "cpu:web").status()).isZero();
        assertThat(Run.as("cgclassify", "--sticky", "-g", "cpu:web").status()).isZero();
        assertThat(Run.as("cgclassify").status()).isEqualTo(129);
        assertThat(Run.as("cgclassify", "-g", "cpu", "1").status()).isEqualTo(129);
    }
}
