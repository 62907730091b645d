package io.github.jcg.cli.commands;

import io.github.jcg.cli.FakeHost;
import io.github.jcg.cli.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** cgdelete's exit codes on a fake host (removing directories needs a real cgroupfs; see the kernel tests). */
class DeleteCommandTest {
    @TempDir
    Path root;
    private FakeHost host;

    @BeforeEach
    void setUp() {
        host = FakeHost.hybrid(root);
        host.cpuGroup("web", "1024", "-1");
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    @Test
    void aMissingGroupIsEcgotherAndTheOthersAreStillTried() {
        Run r = Run.as("cgdelete", "cpu:nosuch", "cpu:other");
        assertThat(r.status()).isEqualTo(96);
        assertThat(r.errLines()).hasSize(2);
        assertThat(r.errLines()[0]).startsWith("cgdelete: cannot remove group 'nosuch'");
    }

    @Test
    void anUnmountedControllerIsEcgroupsubsysnotmounted() {
        assertThat(Run.as("cgdelete", "bogus:web").status()).isEqualTo(84);
    }

    @Test
    void theRootIsLeftAloneAndRecursiveOnTheRootIsRefused() {
        assertThat(Run.as("cgdelete", "cpu:/").status()).isZero();
        Run r = Run.as("cgdelete", "-r", "cpu:/");
        assertThat(r.status()).isEqualTo(87);
        assertThat(r.err()).contains("refusing");
    }

    @Test
    void nothingToDeleteIsNoError() {
        assertThat(Run.as("cgdelete").status()).isZero();
    }

    @Test
    void aSpecWithoutColonIsAUsageError() {
        Run r = Run.as("cgdelete", "web");
        assertThat(r.status()).isEqualTo(129);
        assertThat(r.err()).contains("<controllers>:<path>");
    }
}
