package io.github.jcg.cli.commands;

import io.github.jcg.cli.Main;
import io.github.jcg.cli.run.RunTraining;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.sample.MetricFamily;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Hidden (jcg's table of commands does not list it): the launcher runs this once per build
 * with {@code -XX:ArchiveClassesAtExit} so the class-data-sharing archive holds what ordinary
 * commands load: the getopt path of the libcgroup commands (as {@code jcg <command>} and by
 * their libcgroup names, help and usage errors included), picocli's model of jcg's own
 * commands, discovery, control-file reads and output, exec's two ways of replacing the
 * process, and jcg run's path short of making a group. Every invocation here only reads;
 * nothing on the host is touched.
 */
@Command(name = "cds-training")
public final class CdsTrainingCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        String[][] readOnly = {{"--help"}, {"info"}, {"info", "-o", "json"},
            {"get", "-n", "-v", "-r", "cpu.cfs_quota_us", "/"}, {"get", "-n", "-v", "-r", "cpu.shares", "/"},
            {"get", "-r", "cpu.shares", "-r", "memory.limit_in_bytes", "/"}, {"get", "-g", "cpu", "/"},
            {"get", "-m", "-a", "/"}, {"get", "-o", "json", "-r", "cpu.shares", "/"}, {"get", "-r", "cpu.nonexistent", "/"},
            {"get"}, {"get", "-x"}, {"get", "--help"},
            {"ls"}, {"ls", "cpu:/"}, {"lssubsys", "-am"}, {"lssubsys", "-i", "-o", "json"},
            {"create", "--help"}, {"set", "--help"}, {"delete", "--help"}, {"classify", "--help"}, {"exec", "--help"},
            {"help", "get"}};
        for (String[] args : readOnly) {
            Main.run("jcg", args, sink, sink);
        }
        // exec's way to the groups up to the first check, which refuses a group no one has made
        // (a command that cannot run, too: were the group there, nothing would replace this JVM)
        String nowhere = "/jcg-cds-training-" + java.util.UUID.randomUUID();
        Main.run("jcg", new String[] {"exec", "-g", "cpu,cpuacct,memory,pids:" + nowhere, "/nonexistent/jcg-cds-training"}, sink, sink);
        String[][] asTools = {{"cgget", "-n", "-v", "-r", "cpu.cfs_quota_us", "/"}, {"cgget", "-r", "cpu.shares", "/"},
            {"cgxget", "-2", "-r", "cpu.weight", "/"}, {"lscgroup", "cpu:/"}, {"lssubsys", "-m"}, {"cgset", "-h"},
            {"cgcreate", "-h"}, {"cgdelete", "-h"}, {"cgclassify", "-h"}, {"cgexec", "-h"}};
        for (String[] tool : asTools) {
            Main.run(tool[0], Arrays.copyOfRange(tool, 1, tool.length), sink, sink);
        }
        // jcg run up to each of its first refusals (usage, a limit beyond the host, a command not
        // found: no group is made before these), then what its run loads, without a group
        String[][] runRefusals = {{"run", "--help"}, {"run"}, {"run", "--memory", "0", "--", "true"},
            {"run", "-o", "json", "--cpu", "1", "--wall-limit", "1s", "--", "/nonexistent/jcg-cds-training"}};
        for (String[] args : runRefusals) {
            Main.run("jcg", args, sink, sink);
        }
        CgroupHost host = CgroupHost.discover();
        RunTraining.exercise(host, sink);
        var root = host.group(CgroupPath.root(), ControllerSelection.all());
        for (var h : root.hierarchies()) {
            root.fileNames(h);
        }
        host.sampler(CgroupPath.root(), 1, MetricFamily.all()).sample();
        // exec as the launcher runs it (the JVM finds the file, the launcher execs it), and the
        // libc binding of exec without the launcher, each call made harmlessly: their classes
        // join the archive
        LauncherExec.exercise();
        io.github.jcg.core.ProcessReplacement.exerciseBindings();
        return 0;
    }
}
