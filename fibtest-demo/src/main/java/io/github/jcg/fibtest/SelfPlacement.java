package io.github.jcg.fibtest;

import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.ControllerSelection;

/**
 * Moves this very process into a group. The demo agent starts the workload with
 * {@code --cgroup}, and the workload calls this before it starts a single worker thread.
 *
 * <p>Why the child moves itself: cgexec places a command in its group between fork and exec,
 * so not one instruction of it runs outside. A Java parent cannot run code in that gap
 * ({@link ProcessBuilder} forks and execs in one native call), and attaching the child from
 * the parent after {@code start()} would race with the child's first instructions. The next
 * best thing is for the child to attach itself first, before any work, and to tell the parent
 * when it is done ({@link AgentProtocol#PLACED}).
 */
public final class SelfPlacement {
    private SelfPlacement() {
    }

    /** Attaches this process, with every thread it has, to {@code group} in {@code controllers}. */
    public static long join(String group, String controllers) {
        long pid = ProcessHandle.current().pid();
        CgroupHost.discover().group(group, ControllerSelection.parse(controllers)).attach(pid);
        return pid;
    }
}
