package io.github.jcg.cli.kube;

import io.github.jcg.cli.CommonOptions;
import io.github.jcg.cli.output.Json;
import io.github.jcg.kube.node.NodeDescription;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code jcg kube node}: Capacity and Allocatable, as {@code kubectl describe node} prints them. */
@Command(name = "node", mixinStandardHelpOptions = true, usageHelpWidth = 100,
        description = {
            "Print this host's Capacity (logical CPUs, memory and hugepages, read from the host; pods from maxPods) and "
                + "Allocatable (Capacity less systemReserved, kubeReserved and the hard eviction threshold), as kubectl "
                + "describe node prints them, and what the kubepods group is limited to.",
            ""
        })
public final class KubeNodeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    KubeOptions kube;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json.")
    String output = "text";

    @Override
    public Integer call() {
        boolean json = KubeOutput.json(spec, output);
        KubeContext ctx = KubeContext.open(kube);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.writeLine(out, g -> {
                g.writeStartObject();
                KubeOutput.resources("capacity", ctx.node.capacity(), g);
                KubeOutput.resources("allocatable", ctx.node.allocatable(), g);
                KubeOutput.resources("kubepods", ctx.node.enforcedAllocatable(), g);
                g.writeEndObject();
            });
        } else {
            out.print(NodeDescription.describe(ctx.node));
            // what the kubelet writes on kubepods: Capacity less the reservations, not the eviction threshold
            out.println("kubepods (enforced):");
            int width = ctx.node.enforcedAllocatable().entries().keySet().stream().mapToInt(String::length).max().orElse(0) + 3;
            ctx.node.enforcedAllocatable().entries().forEach((k, v) ->
                    out.println("  " + (k + ":" + " ".repeat(width)).substring(0, width) + v));
        }
        out.flush();
        return 0;
    }
}
