package io.github.jcg.it.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import io.github.jcg.it.support.Capabilities;
import io.github.jcg.it.support.Processes;
import io.github.jcg.it.support.Result;
import io.github.jcg.it.support.Skip;
import org.testcontainers.DockerClientFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Docker side of the container tests: whether there is an engine, the test image (built
 * by {@code integration-tests/image/build-image.sh} when missing), which of the host's
 * capabilities the engine can grant, and the label that marks this run's containers.
 *
 * <p>Without an engine the container tests skip with the reason printed, unless
 * {@code JCG_IT_REQUIRE_DOCKER} is set (run-tests sets it after it started Docker): then they
 * fail, so CI cannot pass without having run them.
 */
public final class DockerEnv {
    /** Label on every container of this JVM, so a final sweep can find and remove them. */
    public static final String RUN_LABEL = "io.github.jcg.it.run";
    public static final String RUN_ID = ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);

    private static final Pattern UNKNOWN_CAP = Pattern.compile("unknown capability: [\\\\\"]*(?:CAP_)?([A-Z_]+)");

    private static String image;
    private static List<Capability> grantable;
    private static List<String> notGrantable;
    private static boolean sweepHooked;

    private DockerEnv() {
    }

    static boolean required() {
        String v = System.getenv("JCG_IT_REQUIRE_DOCKER");
        return v != null && !v.isEmpty() && !v.equals("0");
    }

    /** Skips (or, when Docker is required, fails) unless an engine answers and the image is there. */
    public static synchronized String requireImage() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            unavailable("no Docker engine answers (is dockerd running? run-tests starts it)");
        }
        hookSweep();
        if (image == null) {
            image = resolveImage();
        }
        return image;
    }

    private static void unavailable(String reason) {
        if (required()) {
            throw new AssertionError("container tests must run here (JCG_IT_REQUIRE_DOCKER is set) but " + reason);
        }
        Skip.because("container tests: " + reason);
    }

    private static String resolveImage() {
        String given = System.getProperty("jcg.it.image", System.getenv("JCG_IT_IMAGE"));
        if (given != null && !given.isBlank()) {
            return given;
        }
        String script = System.getProperty("jcg.it.imageScript");
        if (script == null) {
            unavailable("no image given (jcg.it.image) and no build script (jcg.it.imageScript)");
        }
        Result built = Processes.run(List.of(script), Duration.ofMinutes(20));
        System.err.print(built.err());
        String tag = built.out().strip();
        if (!built.ok() || tag.isEmpty()) {
            unavailable("the test image could not be built: " + built.err().strip());
        }
        return tag.lines().reduce((a, b) -> b).orElseThrow();
    }

    /**
     * The host's bounding set as Docker capabilities, less those this engine does not know
     * (Docker 20.10 refuses PERFMON, BPF and CHECKPOINT_RESTORE with "unknown capability"):
     * learned by creating, never starting, a throwaway container and dropping what it refuses.
     */
    public static synchronized List<Capability> grantableCapabilities() {
        if (grantable != null) {
            return grantable;
        }
        Capabilities.Decoded host = Capabilities.hostBoundingSet();
        Set<Capability> wanted = EnumSet.noneOf(Capability.class);
        List<String> refused = new ArrayList<>();
        host.unknownBits().forEach(b -> refused.add("capability " + b + " (no name for it here)"));
        for (String name : host.names()) {
            try {
                wanted.add(Capability.valueOf(name));
            } catch (IllegalArgumentException e) {
                refused.add(name + " (docker-java has no name for it)");
            }
        }
        DockerClient docker = DockerClientFactory.instance().client();
        for (int attempt = 0; attempt < 64; attempt++) {
            try {
                CreateContainerResponse probe = docker.createContainerCmd(requireImage())
                        .withCmd("true")
                        .withLabels(Map.of(RUN_LABEL, RUN_ID))
                        .withHostConfig(HostConfig.newHostConfig().withCapAdd(wanted.toArray(Capability[]::new)))
                        .exec();
                docker.removeContainerCmd(probe.getId()).withForce(true).exec();
                break;
            } catch (DockerException e) {
                Matcher m = UNKNOWN_CAP.matcher(String.valueOf(e.getMessage()));
                if (!m.find() || !wanted.remove(Capability.valueOf(m.group(1)))) {
                    throw e;
                }
                refused.add(m.group(1) + " (unknown to this Docker engine)");
            }
        }
        grantable = List.copyOf(wanted);
        notGrantable = List.copyOf(refused);
        System.err.println("jcg-it: containers get the host's bounding set: " + grantable
                + (notGrantable.isEmpty() ? "" : "; left out: " + notGrantable));
        return grantable;
    }

    public static synchronized List<String> notGrantable() {
        grantableCapabilities();
        return notGrantable;
    }

    /**
     * The API version Testcontainers' client speaks, read from its (shaded docker-java) config.
     * Testcontainers 2 asks for 1.44 unless {@code api.version} is set, and when the engine
     * refuses that (Docker 20.10 speaks 1.41 at most) falls back to 1.32 without a word.
     */
    public static String clientApiVersion() {
        Object client = DockerClientFactory.instance().client();
        try {
            Object impl = field(client, "dockerClient");
            Object config = field(impl, "dockerClientConfig");
            java.lang.reflect.Method m = config.getClass().getMethod("getApiVersion");
            m.setAccessible(true);
            Object version = m.invoke(config);
            return (String) version.getClass().getMethod("getVersion").invoke(version);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError("cannot read the API version from Testcontainers' client (" + client.getClass()
                    + "); its internals changed: " + e, e);
        }
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(o);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name + " in " + o.getClass());
    }

    /** This run's containers that still exist. */
    public static List<Container> leftoverContainers() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return List.of();
        }
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(RUN_LABEL, RUN_ID)).exec();
    }

    /** Removes this run's containers (docker rm -f), whatever state the tests left them in. */
    public static void removeLeftovers() {
        for (Container c : leftoverContainers()) {
            try {
                DockerClientFactory.instance().client().removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
            } catch (DockerException e) {
                System.err.println("jcg-it: could not remove container " + c.getId() + ": " + e.getMessage());
            }
        }
    }

    private static void hookSweep() {
        if (!sweepHooked) {
            sweepHooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(DockerEnv::removeLeftovers, "jcg-it container sweep"));
        }
    }
}
