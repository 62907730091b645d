package io.github.jcg.it.container;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import io.github.jcg.it.support.CommandGate;
import io.github.jcg.it.support.Jcg;
import io.github.jcg.it.support.Result;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A near-privileged container to run jcg in. {@code --privileged} cannot be used: it asks for
 * every capability, and runc fails ("unable to apply caps") on a host whose bounding set
 * lacks one. So the container gets:
 * <ul>
 *   <li>every capability of the host's bounding set that Docker knows ({@link DockerEnv#grantableCapabilities()});</li>
 *   <li>{@code seccomp=unconfined} and {@code apparmor=unconfined}: Docker's default seccomp
 *       profile refuses {@code mount}, which the setup needs;</li>
 *   <li>a private cgroup namespace by default (so its own groups are {@code /}), or the host's,
 *       where the mounts' roots are {@code /docker/<id>} and jcg must translate;</li>
 *   <li>the cgroup hierarchies remounted writable by {@code setup.sh} (Docker mounts them
 *       read-only), and optionally a cgroup2 filesystem at {@code /sys/fs/cgroup/unified};</li>
 *   <li>Docker's init as PID 1, so killed workloads are reaped;</li>
 *   <li>the freshly built {@code jcg.jar} at {@code /opt/jcg/jcg.jar}, a {@code jcg} wrapper on PATH,
 *       and {@link io.github.jcg.it.probe.CoreProbe} to drive the library directly.</li>
 * </ul>
 */
public final class JcgContainer extends GenericContainer<JcgContainer> {
    /** Which cgroup namespace the container gets. */
    public enum CgroupNs {
        PRIVATE("private"), HOST("host");

        final String dockerMode;

        CgroupNs(String dockerMode) {
            this.dockerMode = dockerMode;
        }
    }

    private final CgroupNs cgroupNs;
    private final String name;

    public JcgContainer(CgroupNs cgroupNs, boolean mountUnified) {
        super(DockerImageName.parse(DockerEnv.requireImage()));
        this.cgroupNs = cgroupNs;
        this.name = "jcg-it-" + DockerEnv.RUN_ID + "-" + Long.toHexString(System.nanoTime() & 0xfffff);
        List<Capability> caps = DockerEnv.grantableCapabilities();
        withLabel(DockerEnv.RUN_LABEL, DockerEnv.RUN_ID);
        withEnv("JCG_IT_UNIFIED", mountUnified ? "1" : "0");
        withCopyFileToContainer(MountableFile.forHostPath(Jcg.jar()), "/opt/jcg/jcg.jar");
        withCopyFileToContainer(MountableFile.forClasspathResource("io/github/jcg/it/probe/CoreProbe.class"),
                "/opt/jcg/probe/io/github/jcg/it/probe/CoreProbe.class");
        withCopyToContainer(Transferable.of(resource("setup.sh"), 0755), "/usr/local/bin/jcg-it-setup");
        withCopyToContainer(Transferable.of(resource("jcg"), 0755), "/usr/local/bin/jcg");
        withCommand("/usr/local/bin/jcg-it-setup");
        waitingFor(Wait.forLogMessage(".*jcg-it ready.*", 1).withStartupTimeout(Duration.ofSeconds(60)));
        withCreateContainerCmdModifier(cmd -> {
            cmd.withName(name);
            cmd.getHostConfig()
                    .withCapAdd(caps.toArray(Capability[]::new))
                    .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
                    .withCgroupnsMode(cgroupNs.dockerMode)
                    .withInit(true);
        });
    }

    public CgroupNs cgroupNs() {
        return cgroupNs;
    }

    /** What Docker says it made: the cgroupns mode shows whether API 1.41 was really spoken. */
    public InspectContainerResponse inspect() {
        return DockerClientFactory.instance().client().inspectContainerCmd(getContainerId()).exec();
    }

    /** Runs a command in the container and waits for it. */
    public Result exec(String... command) {
        try {
            ExecResult r = execInContainer(command);
            return new Result(List.of(command), r.getExitCode(), r.getStdout(), r.getStderr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** {@code sh -c script} in the container. */
    public Result sh(String script) {
        return exec("sh", "-c", script);
    }

    /** {@code jcg args…} in the container. */
    public Result jcg(String... args) {
        List<String> command = new ArrayList<>();
        command.add("jcg");
        command.addAll(List.of(args));
        return exec(command.toArray(String[]::new));
    }

    /** The core library's {@link io.github.jcg.it.probe.CoreProbe} in the container. */
    public Result probe(String... args) {
        List<String> command = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", "/opt/jcg/jcg.jar:/opt/jcg/probe", "io.github.jcg.it.probe.CoreProbe"));
        command.addAll(List.of(args));
        return exec(command.toArray(String[]::new));
    }

    /** Skips the calling test unless the jar has {@code jcg command} (asked inside the container). */
    public void requireBuilt(String command) {
        CommandGate.requireBuilt("container", command, this::jcg);
    }

    private static String resource(String name) {
        try (InputStream in = JcgContainer.class.getResourceAsStream("/container/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /container/" + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
