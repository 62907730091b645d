package io.github.jcg.cli.kube;

import io.github.jcg.cli.Hosts;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.kube.Manifest;
import io.github.jcg.kube.Manifests;
import io.github.jcg.kube.cgroups.ControllerVersions;
import io.github.jcg.kube.cgroups.KubeletCgroups;
import io.github.jcg.kube.node.KubeletConfig;
import io.github.jcg.kube.node.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The node a {@code jcg kube} command plays the kubelet of: the host's cgroups, the kubelet's
 * configuration (its cgroup root replaced by {@code --cgroup-root}), the node's Capacity and
 * Allocatable, and the planner of the kubelet's cgroup values.
 */
final class KubeContext {
    final CgroupHost host;
    final KubeletConfig config;
    final Node node;
    final ControllerVersions versions;
    final KubeletCgroups planner;
    final KubeOptions options;

    private KubeContext(KubeOptions options) {
        this.options = options;
        this.host = Hosts.current();
        KubeletConfig read = options.kubeletConfig == null ? KubeletConfig.defaults() : KubeletConfig.read(options.kubeletConfig);
        this.config = options.cgroupRoot().map(root -> withRoot(read, root)).orElse(read);
        this.node = Node.ofHost(config);
        this.versions = ControllerVersions.of(host.layout());
        this.planner = new KubeletCgroups(node, versions, KubeletCgroups.KUBELET_MAPPING, options.mapping());
    }

    static KubeContext open(KubeOptions options) {
        // a configuration the kubelet would refuse: one line naming the setting
        return KubeErrors.manifests(() -> new KubeContext(options));
    }

    /** The kubelet's cgroup root, normalised: {@code /} or {@code /a/b}. */
    String cgroupRoot() {
        String root = config.cgroupRoot().replaceAll("/+$", "");
        return root.isEmpty() ? "/" : (root.startsWith("/") ? root : "/" + root);
    }

    /** Whether the cgroup root is there already, in any hierarchy ({@code /} always is). */
    boolean rootExists() {
        if (cgroupRoot().equals("/")) {
            return true;
        }
        io.github.jcg.core.Cgroup root = host.group(cgroupRoot());
        return root.hierarchies().stream().anyMatch(h -> java.nio.file.Files.isDirectory(root.directory(h)));
    }

    /** Locks and reads what this node has admitted. */
    NodeState state() {
        return NodeState.open(options.stateDir, cgroupRoot());
    }

    /** Every manifest of the files, in order; {@code -} is standard input, as for kubectl. */
    static List<Manifest> read(List<Path> files) {
        List<Manifest> all = new ArrayList<>();
        for (Path f : files) {
            if (f.toString().equals("-")) {
                try {
                    all.addAll(Manifests.parse(new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                            "<stdin>"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
                }
            } else {
                all.addAll(Manifests.read(f));
            }
        }
        return all;
    }

    private static KubeletConfig withRoot(KubeletConfig c, String root) {
        return new KubeletConfig(c.systemReserved(), c.kubeReserved(), c.evictionHardMemoryAvailable(),
                c.enforceNodeAllocatable(), c.cpuCfsQuota(), c.cpuCfsQuotaPeriodMicros(), c.memoryThrottlingFactor(),
                c.featureGates(), root, c.cgroupsPerQos(), c.maxPods());
    }
}
