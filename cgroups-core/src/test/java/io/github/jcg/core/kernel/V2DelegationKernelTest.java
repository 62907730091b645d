package io.github.jcg.core.kernel;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.CreateOptions;
import io.github.jcg.core.Ownership;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A v2 subtree delegated to an ordinary user, as the kernel's delegation model describes it: jcg
 * makes the group and hands its directory and {@code cgroup.procs}, {@code cgroup.threads} and
 * {@code cgroup.subtree_control} to the user; a process of that user then makes child groups,
 * moves itself between them, hands a controller on and limits a child, and is refused anything
 * outside its subtree. Runs on the VM's v2 and split layouts (as jcgtest, uid 1000, with the pids
 * controller) and on a hybrid host's controller-less v2 mount (as nobody, without a controller).
 */
class V2DelegationKernelTest {
    private RealKernel kernel;

    @BeforeEach
    void setUp() throws Exception {
        kernel = RealKernel.requireV2();
        RealKernel.skipUnless(Files.isExecutable(Path.of("/bin/su")) || Files.isExecutable(Path.of("/usr/bin/su")),
                "no su to run a process as another user");
    }

    @AfterEach
    void tearDown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    @Test
    void aDelegatedSubtreeIsTheUsersToOrganiseAndNothingOutsideIs() throws Exception {
        // the VM guest's passwd has jcgtest (1000); a host has nobody
        String user = RealKernel.inVm() ? "jcgtest" : "nobody";
        int uid = RealKernel.inVm() ? 1000 : 65534;
        boolean pids = kernel.onV2(Controller.PIDS);
        Ownership owner = new Ownership(uid, uid);
        Cgroup delegated = kernel.group("delegated", pids ? kernel.select("pids") : ControllerSelection.none())
                .create(CreateOptions.defaults().withGroupOwner(owner).withTasksOwner(owner));
        Path d = delegated.directory(delegated.hierarchies().get(0));
        Path outside = d.getParent();

        for (Path p : List.of(d, d.resolve("cgroup.procs"), d.resolve("cgroup.threads"), d.resolve("cgroup.subtree_control"))) {
            assertThat(Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).as(p.toString()).isEqualTo(uid);
            assertThat(Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS)).as(p.toString()).isEqualTo(uid);
        }
        assertThat(Files.getAttribute(outside.resolve("cgroup.procs"), "unix:uid")).isEqualTo(0);

        String script = String.join("\n",
                "echo $$; read go",
                "ok() { if [ $? -eq 0 ]; then echo $1=ok; else echo $1=refused; fi; }",
                "mkdir " + d + "/a " + d + "/b 2>/dev/null; ok mkdir",
                "(echo $$ > " + d + "/a/cgroup.procs) 2>/dev/null; ok move-a",
                pids ? "(echo +pids > " + d + "/cgroup.subtree_control) 2>/dev/null; ok enable" : "",
                pids ? "(echo 5 > " + d + "/a/pids.max) 2>/dev/null; ok limit" : "",
                "(echo $$ > " + d + "/b/cgroup.procs) 2>/dev/null; ok move-b",
                "(echo $$ > " + outside + "/cgroup.procs) 2>/dev/null; ok escape",
                "mkdir " + outside + "/evil 2>/dev/null; ok mkdir-outside",
                "(echo 1 > " + outside + "/cgroup.freeze) 2>/dev/null; ok freeze-outside",
                "echo done; read end; exit 0");
        RealKernel.Waiting shell = kernel.waiting(List.of("su", "-s", "/bin/sh", user, "-c", script));
        long pid = Long.parseLong(shell.readLine().strip());
        // only root may bring a process into the subtree: the common ancestor's cgroup.procs is root's
        kernel.attach(delegated, pid);
        shell.go();

        StringBuilder said = new StringBuilder();
        for (String line = shell.readLine(); line != null && !line.equals("done"); line = shell.readLine()) {
            said.append(line).append('\n');
        }
        String answers = said.toString();
        assertThat(answers).contains("mkdir=ok", "move-a=ok", "move-b=ok");
        assertThat(answers).contains("escape=refused", "mkdir-outside=refused", "freeze-outside=refused");
        if (pids) {
            assertThat(answers).contains("enable=ok", "limit=ok");
            assertThat(Files.readString(d.resolve("a/pids.max")).strip()).isEqualTo("5");
        }
        assertThat(RealKernel.v2CgroupOf(Long.toString(pid))).endsWith("/" + kernel.path("delegated/b"));
        assertThat(Files.getAttribute(d.resolve("a"), "unix:uid")).isEqualTo(uid);
        assertThat(Files.exists(outside.resolve("evil"))).isFalse();
        assertThat(Files.readString(outside.resolve("cgroup.freeze")).strip()).isEqualTo("0");

        shell.closeInput();
        assertThat(shell.process.waitFor()).isZero();
    }
}
