package io.github.jcg.cli.commands;

import io.github.jcg.cli.Main;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.sample.MetricGroup;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

/**
 * Hidden: the launcher runs this once per build with {@code -XX:ArchiveClassesAtExit} so the
 * class-data-sharing archive holds what ordinary commands load (picocli's model of every
 * command, discovery, control-file reads, output). Touches nothing on the host.
 */
@Command(name = "cds-training", hidden = true)
public final class CdsTrainingCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        String[][] readOnly = {{"--help"}, {"info"}, {"info", "-o", "json"}, {"exec", "--help"},
            {"get", "-n", "-v", "-r", "cpu.shares", "/"}, {"get", "-g", "cpu", "/"}, {"get", "-m", "-a", "/"},
            {"ls"}, {"lssubsys", "-am"}, {"create", "--help"}, {"set", "--help"}, {"delete", "--help"}};
        for (String[] args : readOnly) {
            Main.run("jcg", args, sink, sink);
        }
        CgroupHost host = CgroupHost.discover();
        var root = host.group(CgroupPath.root(), ControllerSelection.all());
        for (var h : root.hierarchies()) {
            root.fileNames(h);
        }
        host.sampler(CgroupPath.root(), 1, MetricGroup.all()).sample();
        return 0;
    }
}
