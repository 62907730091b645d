package io.github.jcg.it.probe;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.sample.UsageSnapshot;

/**
 * The core library driven from inside a test container, next to the jar
 * ({@code java -cp /opt/jcg/jcg.jar:/opt/jcg/probe io.github.jcg.it.probe.CoreProbe …}): what
 * the CLI's create/set/delete will do, available before those commands are. One class, no
 * nested classes, so it can be copied in as one file.
 *
 * <pre>
 * create  CTRLS PATH
 * cpu-max CTRLS PATH QUOTA PERIOD
 * usage   CTRLS PATH          prints cpuUsageNanos=N and throttledPeriods=N
 * delete  CTRLS PATH          recursively, killing what runs there
 * </pre>
 */
public final class CoreProbe {
    private CoreProbe() {
    }

    public static void main(String[] args) {
        Cgroup g = CgroupHost.discover().group(args[2], ControllerSelection.parse(args[1]));
        switch (args[0]) {
            case "create" -> g.create();
            case "cpu-max" -> g.apply(Resources.builder().cpuMax(Limit.of(Long.parseLong(args[3])), Long.parseLong(args[4])).build());
            case "usage" -> {
                UsageSnapshot u = g.usage();
                System.out.println("cpuUsageNanos=" + u.cpuUsageNanos().orElse(-1));
                System.out.println("throttledPeriods=" + u.throttledPeriods().orElse(-1));
            }
            case "delete" -> g.delete(DeleteOptions.defaults().recursively().onPopulated(DeleteOptions.OnPopulated.KILL));
            default -> throw new IllegalArgumentException("unknown probe command " + args[0]);
        }
    }
}
