package io.github.jcg.cli.kube;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code jcg kube}: Kubernetes' node resource model on this host. The pods' cgroups get exactly
 * the values the kubelet (cgroupfs driver) and the container runtime would write, on v1 and v2.
 */
@Command(name = "kube", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        subcommands = {KubeNodeCommand.class, KubeApplyCommand.class, KubeExecCommand.class,
            KubeEvictCommand.class, KubeDeleteCommand.class},
        description = {
            "Kubernetes' node resource model on this host: Capacity and Allocatable, pod admission (LimitRange, "
                + "ResourceQuota), QoS classes, and the cgroups the kubelet would make for a pod, with its exact values "
                + "on cgroup v1 and v2, created here for real.",
            ""
        })
public final class KubeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing required subcommand: node, apply, exec, evict or delete");
    }
}
