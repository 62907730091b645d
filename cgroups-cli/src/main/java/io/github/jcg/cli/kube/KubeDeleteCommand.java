package io.github.jcg.cli.kube;

import io.github.jcg.cli.CommonOptions;
import io.github.jcg.kube.Manifest;
import io.github.jcg.kube.Pod;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.kube.cgroups.PlannedGroup;
import io.github.jcg.kube.cgroups.PodCgroups;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code jcg kube delete -f FILE…}: removes pods (their processes killed, their groups removed, the
 * QoS groups' values recomputed without them) and forgets LimitRanges and ResourceQuotas.
 */
@Command(name = "delete", mixinStandardHelpOptions = true, usageHelpWidth = 100, sortOptions = false,
        description = {
            "Delete the objects of the files: a pod's processes are killed and its groups removed, and the burstable "
                + "group's shares recomputed as the kubelet does; LimitRanges and ResourceQuotas are forgotten. Once "
                + "no pod is left, the kubepods groups go too.",
            ""
        })
public final class KubeDeleteCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    KubeOptions kube;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE", description = "A manifest naming what to delete; - for standard input.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        KubeContext ctx = KubeContext.open(kube);
        List<Manifest> manifests = KubeErrors.manifests(() -> KubeContext.read(files));
        int missing = 0;
        for (Manifest m : manifests) {
            boolean found;
            if (m instanceof Pod pod) {
                found = deletePod(ctx, pod.namespace(), pod.name());
            } else {
                try (NodeState state = ctx.state()) {
                    found = state.remove(m);
                    state.save();
                }
            }
            String kind = m.kind().toLowerCase(Locale.ROOT);
            if (found) {
                out.println(kind + " \"" + m.name() + "\" deleted");
            } else {
                spec.commandLine().getErr().println("jcg kube delete: " + kind + "s \"" + m.name() + "\" not found in namespace "
                        + m.namespace());
                missing++;
            }
        }
        out.flush();
        return missing == 0 ? 0 : KubeErrors.FAILED;
    }

    /**
     * Removes one admitted pod: kills what runs in it, removes its groups, forgets it, and writes
     * the QoS groups' values without it (or removes them when it was the last pod).
     *
     * @return whether the pod was admitted
     */
    static boolean deletePod(KubeContext ctx, String namespace, String name) {
        try (NodeState state = ctx.state()) {
            Optional<Pod> pod = state.pod(namespace, name);
            if (pod.isEmpty()) {
                return false;
            }
            KubeErrors.cgroups(() -> PodCgroups.delete(ctx.host, ctx.planner.plan(pod.get(), state.pods), true));
            state.remove(pod.get());
            if (state.pods.isEmpty()) {
                removeNodeGroups(ctx);
                removeRoot(ctx, state);
            } else {
                KubeErrors.cgroups(() -> PodCgroups.apply(ctx.host, ctx.planner.planNode(state.pods)));
            }
            state.save();
            return true;
        }
    }

    /** With no pod left, the QoS groups and kubepods go too, children first (the root stays). */
    private static void removeNodeGroups(KubeContext ctx) {
        List<PlannedGroup> groups = new ArrayList<>(ctx.planner.planNode(List.of()));
        java.util.Collections.reverse(groups);
        for (PlannedGroup g : groups) {
            KubeErrors.cgroups(() -> ctx.host.group(g.path()).delete(DeleteOptions.defaults().ignoringMissing()));
        }
    }

    /** The cgroup root, when jcg made it and nothing is left in it. */
    private static void removeRoot(KubeContext ctx, NodeState state) {
        if (state.madeRoot() && state.pods.isEmpty()) {
            KubeErrors.cgroups(() -> ctx.host.group(ctx.cgroupRoot()).delete(DeleteOptions.defaults().ignoringMissing()));
            state.madeRoot(false);
        }
    }
}
