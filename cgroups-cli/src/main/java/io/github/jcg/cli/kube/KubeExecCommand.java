package io.github.jcg.cli.kube;

import io.github.jcg.cli.CommonOptions;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.run.RunLimits;
import io.github.jcg.core.run.RunResult;
import io.github.jcg.core.run.Termination;
import io.github.jcg.kube.Container;
import io.github.jcg.kube.Manifest;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.admission.Admission;
import io.github.jcg.kube.cgroups.PlannedGroup;
import io.github.jcg.kube.cgroups.PodCgroups;
import io.github.jcg.kube.cgroups.PodPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code jcg kube exec -f pod.yaml [-c NAME] -- CMD}: runs a command in one container's group of
 * a pod, with exactly the values that container would get: a pod's limits reproduced on a laptop.
 * A pod not yet applied is admitted and applied for the run and removed after it.
 */
@Command(name = "exec", mixinStandardHelpOptions = true, usageHelpWidth = 100, sortOptions = false,
        customSynopsis = "jcg kube exec -f FILE [-c NAME] [--keep] [OPTIONS...] -- COMMAND [ARG...]",
        description = {
            "Run COMMAND in the group of one container of the pod in FILE, with the values the kubelet and runc would "
                + "give that container (and its pod, QoS and kubepods groups above it). A pod not applied yet is "
                + "admitted and applied for the run, and removed afterwards unless --keep. The exit status is "
                + "COMMAND's (128 + the signal that killed it); an OOM kill is reported on stderr.",
            ""
        })
public final class KubeExecCommand implements Callable<Integer> {
    /** What a command that could not be started exits with, as jcg run and env(1). */
    static final int CANNOT_RUN = 125;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    KubeOptions kube;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE", description = "The pod's manifest.")
    Path file;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME", description = "The container (default: the pod's first).")
    String containerName;

    @Option(names = "--keep", description = "Leave a pod applied for this run in place afterwards.")
    boolean keep;

    @Option(names = "--controllers", paramLabel = "LIST",
            description = "Place COMMAND in these controllers' groups only (cpu,cpuacct,pids), e.g. where this shell's "
                    + "memory group is another's to keep; default: all of the container's (cpu, cpuacct, memory, pids).")
    String controllers;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        KubeContext ctx = KubeContext.open(kube);
        List<Pod> pods = new ArrayList<>();
        for (Manifest m : KubeErrors.manifests(() -> KubeContext.read(List.of(file)))) {
            if (m instanceof Pod p) {
                pods.add(p);
            }
        }
        if (pods.size() != 1) {
            throw KubeErrors.fail(file + ": expected one Pod, found " + pods.size());
        }
        Pod pod = pods.get(0);
        // before anything is applied: an unknown -c leaves nothing behind
        Container container = pickContainer(pod);
        PodPlan plan;
        boolean appliedHere;
        try (NodeState state = ctx.state()) {
            Optional<Pod> admitted = state.pod(pod.namespace(), pod.name());
            appliedHere = admitted.isEmpty();
            Pod running = admitted.orElseGet(() -> KubeErrors.admission(() ->
                    Admission.of(state.limitRanges, state.quotas).admit(pod, state.pods).pod()));
            if (appliedHere) {
                state.pods.add(running);
            }
            plan = ctx.planner.plan(running, state.pods);
            if (appliedHere) {
                if (!state.madeRoot() && !ctx.rootExists()) {
                    state.madeRoot(true);
                }
                KubeErrors.cgroups(() -> PodCgroups.apply(ctx.host, plan.groups()));
                state.save();
            }
        }
        PlannedGroup target = plan.container(container.name());
        Cgroup group = ctx.host.group(target.path(), controllers == null ? PodCgroups.controllers(ctx.host)
                : KubeErrors.manifests(() -> ControllerSelection.parse(controllers)));
        int status;
        try {
            RunResult result = group.launch(new ProcessBuilder(command).inheritIO()).await(RunLimits.none());
            status = result.exitStatus();
            if (result.termination() == Termination.OOM_KILL) {
                // the limit as admitted: a LimitRange may have given the container its default
                Container admitted = plan.pod().allContainers().stream()
                        .filter(c -> c.name().equals(container.name())).findFirst().orElse(container);
                err.println("jcg kube exec: " + pod.name() + "/" + container.name() + " was OOM-killed at its memory limit ("
                        + admitted.limits().memory() + ")");
            }
        } catch (IOException e) {
            err.println("jcg kube exec: cannot start " + command.get(0) + ": " + e.getMessage());
            status = CANNOT_RUN;
        } catch (CgroupException e) {
            err.println("jcg kube exec: cannot run " + command.get(0) + " in " + target.path() + ": " + e.getMessage());
            status = CANNOT_RUN;
        } finally {
            err.flush();
            if (appliedHere && !keep) {
                KubeDeleteCommand.deletePod(ctx, pod.namespace(), pod.name());
            }
        }
        return status;
    }

    private Container pickContainer(Pod pod) {
        if (containerName == null) {
            return pod.containers().get(0);
        }
        return pod.allContainers().stream().filter(c -> c.name().equals(containerName)).findFirst()
                .orElseThrow(() -> KubeErrors.fail("container \"" + containerName + "\" not found in pod \"" + pod.name()
                        + "\"; its containers: " + pod.allContainers().stream().map(Container::name)
                        .collect(Collectors.joining(", "))));
    }
}
