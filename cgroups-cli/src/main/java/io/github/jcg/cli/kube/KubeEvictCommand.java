package io.github.jcg.cli.kube;

import io.github.jcg.cli.CommonOptions;
import io.github.jcg.cli.output.Json;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.sample.Metric;
import io.github.jcg.core.sample.MetricFamily;
import io.github.jcg.core.sample.UsageSnapshot;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.QosClass;
import io.github.jcg.kube.eviction.Candidate;
import io.github.jcg.kube.eviction.EvictionRanking;
import io.github.jcg.kube.eviction.PodUsage;
import io.github.jcg.text.TextTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code jcg kube evict --dry-run}: the order in which the kubelet would evict this node's pods
 * under memory pressure, from their groups' live memory working set.
 */
@Command(name = "evict", mixinStandardHelpOptions = true, usageHelpWidth = 100, sortOptions = false,
        description = {
            "Print the order in which the kubelet would evict this node's pods under memory pressure: pods using more "
                + "memory than they request first, then by priority (lowest first), then by usage above the request "
                + "(largest first). Usage is each pod group's memory working set now (usage less inactive file "
                + "pages, as the kubelet counts it).",
            ""
        })
public final class KubeEvictCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    KubeOptions kube;

    @Option(names = "--dry-run", description = "Print the ranking only (required: jcg never evicts by itself).")
    boolean dryRun;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json.")
    String output = "text";

    @Override
    public Integer call() {
        boolean json = KubeOutput.json(spec, output);
        if (!dryRun) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "jcg kube evict only ranks the pods; add --dry-run");
        }
        KubeContext ctx = KubeContext.open(kube);
        List<PodUsage> usage = new ArrayList<>();
        try (NodeState state = ctx.state()) {
            for (Pod pod : state.pods) {
                Cgroup group = ctx.host.group(ctx.planner.plan(pod, state.pods).podGroup().path());
                UsageSnapshot s = group.usage(EnumSet.of(MetricFamily.MEMORY));
                usage.add(new PodUsage(pod, s.get(Metric.MEMORY_WORKING_SET_BYTES).orElse(0)));
            }
        }
        List<Candidate> ranking = EvictionRanking.rank(usage);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.writeLine(out, g -> {
                g.writeStartArray();
                for (Candidate c : ranking) {
                    g.writeStartObject();
                    g.writeNumberProperty("rank", c.rank());
                    g.writeStringProperty("pod", c.pod().name());
                    g.writeStringProperty("namespace", c.pod().namespace());
                    g.writeStringProperty("qosClass", QosClass.of(c.pod()).apiName());
                    g.writeNumberProperty("priority", c.priority());
                    g.writeNumberProperty("memoryRequestBytes", c.requestBytes());
                    g.writeNumberProperty("workingSetBytes", c.usageBytes());
                    g.writeBooleanProperty("exceedsRequest", c.exceedsRequest());
                    g.writeEndObject();
                }
                g.writeEndArray();
            });
        } else {
            TextTable table = new TextTable(true, false, false, false, true, true, true, true, false);
            table.row("RANK", "POD", "NAMESPACE", "QOS", "PRIORITY", "REQUEST", "WORKING SET", "ABOVE REQUEST", "EXCEEDS");
            for (Candidate c : ranking) {
                table.row(String.valueOf(c.rank()), c.pod().name(), c.pod().namespace(), QosClass.of(c.pod()).apiName(),
                        String.valueOf(c.priority()), mib(c.requestBytes()), mib(c.usageBytes()),
                        mib(c.usageBytes() - c.requestBytes()), c.exceedsRequest() ? "yes" : "no");
            }
            table.print(out, "");
        }
        out.flush();
        return 0;
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1fMi", bytes / 1048576.0);
    }
}
