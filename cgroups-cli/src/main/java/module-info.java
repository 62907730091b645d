/**
 * {@code jcg}: libcgroup's tools ({@code cgcreate cgdelete cgset cgget cgexec cgclassify
 * lscgroup lssubsys}), {@code jcg top}, {@code jcg events}, {@code jcg kube}, {@code jcg info} and the demo. Uses cgroups-core
 * through its exported API only.
 */
module io.github.jcg.cli {
    requires io.github.jcg.core;
    requires io.github.jcg.demo;
    requires io.github.jcg.kube;
    requires info.picocli;
    requires tools.jackson.core;
    requires org.jline.terminal;
    requires org.jline.terminal.jni;
    // sun.misc.Signal: jcg run passes SIGINT and SIGTERM on to its group instead of dying
    requires jdk.unsupported;

    // picocli reads and sets the commands' annotated fields by reflection
    opens io.github.jcg.cli to info.picocli;
    opens io.github.jcg.cli.commands to info.picocli;
    opens io.github.jcg.cli.options to info.picocli;
    opens io.github.jcg.cli.top to info.picocli;
    opens io.github.jcg.cli.events to info.picocli;
    opens io.github.jcg.cli.kube to info.picocli;
}
