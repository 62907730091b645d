package io.github.jcg.cli.kube;

import io.github.jcg.cli.CommonOptions;
import io.github.jcg.kube.Manifest;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.admission.Admission;
import io.github.jcg.kube.cgroups.PodCgroups;
import io.github.jcg.kube.cgroups.PodPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code jcg kube apply -f FILE…}: admits pods as the API server would (LimitRange defaults and
 * bounds, request-below-limit, ResourceQuota), then makes their cgroups with the kubelet's values.
 * LimitRanges and ResourceQuotas in the files are kept for the pods that follow.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, usageHelpWidth = 100, sortOptions = false,
        description = {
            "Admit the pods of the files (LimitRange defaulting and validation, requests below limits, ResourceQuota, "
                + "with the API server's messages), then make the kubepods, QoS, pod and container groups with exactly "
                + "the values the kubelet and runc would write. LimitRanges and ResourceQuotas in the files are kept and "
                + "apply to later pods of their namespace. With --plan nothing is written: every file, its value and the "
                + "formula it came from are printed.",
            ""
        })
public final class KubeApplyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    KubeOptions kube;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE",
            description = "A manifest (YAML or JSON; several documents, or kind: List): Pods, LimitRanges, ResourceQuotas; - for standard input.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--plan", description = "Write nothing; print every group, file, value and formula.")
    boolean plan;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "text (default), or json: one object a pod, {\"qosClass\":…, \"groups\":[{\"path\":…, \"files\":{…}}]}.")
    String output = "text";

    @Override
    public Integer call() {
        boolean json = KubeOutput.json(spec, output);
        PrintWriter out = spec.commandLine().getOut();
        KubeContext ctx = KubeContext.open(kube);
        List<Manifest> manifests = KubeErrors.manifests(() -> KubeContext.read(files));
        try (NodeState state = ctx.state()) {
            List<String> done = new ArrayList<>();
            for (Manifest m : manifests) {
                if (!(m instanceof Pod)) {
                    boolean replaced = state.put(m);
                    done.add(m.kind().toLowerCase(java.util.Locale.ROOT) + "/" + m.name() + (replaced ? " configured" : " created"));
                }
            }
            List<PodPlan> plans = new ArrayList<>();
            for (Manifest m : manifests) {
                if (m instanceof Pod pod) {
                    Optional<Pod> existing = state.pod(pod.namespace(), pod.name());
                    List<Pod> others = new ArrayList<>(state.pods);
                    existing.ifPresent(others::remove);
                    Pod admitted = KubeErrors.admission(() ->
                            Admission.of(state.limitRanges, state.quotas).admit(pod, others).pod());
                    if (existing.isPresent()) {
                        if (existing.get().equals(admitted)) {
                            done.add("pod/" + pod.name() + " unchanged");
                            continue;
                        }
                        throw KubeErrors.fail("pods \"" + pod.name() + "\" already exists in namespace " + pod.namespace()
                                + " with other resources; a pod's resources cannot change: jcg kube delete -f FILE first");
                    }
                    state.pods.add(admitted);
                    plans.add(ctx.planner.plan(admitted, state.pods));
                }
            }
            if (plan) {
                for (PodPlan p : plans) {
                    if (json) {
                        KubeOutput.planJson(p, out);
                    } else {
                        KubeOutput.planText(p, out);
                        out.println();
                    }
                }
                out.flush();
                return 0; // the state is not saved: nothing was admitted
            }
            if (!plans.isEmpty() && !state.madeRoot() && !ctx.rootExists()) {
                state.madeRoot(true);
            }
            for (int i = 0; i < plans.size(); i++) {
                PodPlan p = plans.get(i);
                try {
                    // the latest plan carries the node-level values (burstable shares) with every pod counted
                    KubeErrors.cgroups(() -> PodCgroups.apply(ctx.host, p.groups()));
                } catch (RuntimeException e) {
                    // this pod's writes were undone; the ones before it stand and are remembered,
                    // this one and those after it are not admitted
                    plans.subList(i, plans.size()).forEach(rest -> state.pods.remove(rest.pod()));
                    state.save();
                    throw e;
                }
                done.add("pod/" + p.pod().name() + " created (" + p.qosClass().apiName() + "): " + p.podGroup().path());
            }
            state.save();
            if (json) {
                plans.forEach(p -> KubeOutput.planJson(p, out));
            } else {
                done.forEach(out::println);
            }
            out.flush();
        }
        return 0;
    }
}
