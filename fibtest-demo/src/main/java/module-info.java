/**
 * The Fibonacci workload ({@code io.github.jcg.fibtest}) and the demo agent that makes CFS
 * throttling visible with it ({@code io.github.jcg.demo}). Uses cgroups-core through its
 * exported API only.
 */
@SuppressWarnings("requires-automatic") // jfreechart names its module in its manifest only
module io.github.jcg.demo {
    // the demo's commands take and return the core's types (limits, snapshots)
    requires transitive io.github.jcg.core;
    // act two (jcg demo --kube): pods, the kubelet's cgroup values, the node
    requires io.github.jcg.kube;
    requires info.picocli;
    requires tools.jackson.core;
    requires org.jfree.jfreechart;
    requires java.desktop;

    // the CLI runs `jcg demo` and `jcg fibtest` as its subcommands
    exports io.github.jcg.demo;
    exports io.github.jcg.fibtest;
    // jcg's one text table, for the demo's report and the CLI's tables alike: the core prints
    // nothing, and this is the lowest module both printing modules see (the CLI requires this one)
    exports io.github.jcg.text;

    // picocli reads and sets the commands' annotated fields by reflection
    opens io.github.jcg.demo to info.picocli;
    opens io.github.jcg.fibtest to info.picocli;
    // io.github.jcg.demo.kube (act two) is not exported: DemoCommand's --kube runs it
}
