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

import static org.assertj.core.api.Assertions.assertThat;

/** cgdelete's exit codes on a fake host (removing directories needs a real cgroupfs; see the kernel tests). */
class DeleteCommandTest {
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
    void noArgumentsIsWrongUsageAsInLibcgroup31() {
        // cgdelete.c: argc < 2 -> usage(1): "Wrong input parameters," " try %s --help' ..." and EXIT_BADARGS
        Run r = Run.as("cgdelete");
        assertThat(r.status()).as(r.toString()).isEqualTo(129);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("Wrong input parameters, try cgdelete --help' for more information.",
                "cgdelete: nothing to delete; name the groups to remove, e.g. cgdelete cpu:web");
        Run jcg = Run.as("jcg", "delete");
        assertThat(jcg.status()).isEqualTo(129);
        assertThat(jcg.errLines()[0]).isEqualTo("jcg delete: nothing to delete; name the groups to remove, e.g. jcg delete cpu:web");
        // an option alone is arguments: cgdelete goes on, finds no group and exits 0
        assertThat(Run.as("cgdelete", "-r").status()).isZero();
        assertThat(host.read("cpu", "web", "cpu.shares")).isEqualTo("1024\n");
    }

    @Test
    void aSpecWithoutColonIsAUsageError() {
        Run r = Run.as("cgdelete", "web");
        assertThat(r.status()).isEqualTo(129);
        assertThat(r.err()).contains("<controllers>:<path>");
    }
}
