package io.github.jcg.kube.cgroups;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.Errno;
import io.github.jcg.core.GroupBusyException;
import io.github.jcg.core.UndoLog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies planned groups to a real host, through cgroups-core's public API only, and removes a
 * pod's groups again.
 *
 * <p>Groups are made in the controllers the kubelet uses that the host has: cpu, cpuacct, memory
 * and pids, each in its own hierarchy on v1; on v2 {@link Cgroup#create()} enables them in the
 * ancestors' {@code cgroup.subtree_control} as it goes down.
 */
public final class PodCgroups {
    private static final List<Controller> KUBELET_CONTROLLERS =
            List.of(Controller.CPU, Controller.CPUACCT, Controller.MEMORY, Controller.PIDS);
    private static final String PERIOD = "cpu.cfs_period_us";
    private static final String QUOTA = "cpu.cfs_quota_us";

    private PodCgroups() {
    }

    /**
     * Creates the missing groups and writes every planned file, parents before children, each
     * group's files in the plan's order (runc's: on v1 the CFS period before the quota). All or
     * nothing: when any step fails, every value this call changed is written back, newest first,
     * and every group it created is removed (core's {@link UndoLog}); then the failure is thrown.
     *
     * <p>As runc does, a v1 period the kernel refuses with EINVAL (the old quota over the new,
     * shorter period would exceed the parent's bandwidth) is written again after the quota.
     * Lowering a limit is never refused for the order of writes: the kernel lets a child's limit
     * exceed its parent's on both versions (except v1 CFS quotas, which the plan keeps within
     * the pod's), and refuses a memory limit only below the group's current usage (EBUSY).
     *
     * @param host   the discovered host
     * @param groups planned groups, such as {@link PodPlan#groups()} or
     *               {@link KubeletCgroups#planNode}; applied sorted by depth, so parents come first
     * @throws CgroupException with one line naming the group, the file, the value and the errno
     *                         (or jcg's own check that refused the value), and what was undone;
     *                         {@link CgroupException#group()}, {@code file()}, {@code value()} and
     *                         {@code errno()} carry them too
     */
    public static void apply(CgroupHost host, List<PlannedGroup> groups) {
        ControllerSelection selection = selection(host);
        List<PlannedGroup> ordered = new ArrayList<>(groups);
        ordered.sort(Comparator.comparingInt(g -> CgroupPath.of(g.path()).depth()));
        UndoLog undo = new UndoLog();
        Set<CgroupPath> created = new HashSet<>();
        Step step = new Step();
        try {
            for (PlannedGroup planned : ordered) {
                step.at(planned.path(), null, null);
                CgroupPath path = CgroupPath.of(planned.path());
                for (CgroupPath level : path.lineage()) {
                    Cgroup g = host.group(level, selection);
                    if (!g.exists()) {
                        step.at(level.toString(), null, null);
                        g.create();
                        created.add(level);
                        undo.add(() -> g.delete(DeleteOptions.defaults().recursively().ignoringMissing()));
                    }
                }
                writeFiles(host.group(path, selection), planned, created.contains(path), undo, step);
            }
        } catch (RuntimeException e) {
            List<String> undoFailures = undo.run();
            throw failure(step, e, created.size(), undoFailures);
        }
    }

    /**
     * Removes a pod's group and its container groups; the kubepods and QoS groups stay (apply
     * {@link KubeletCgroups#planNode} for the pods left to update them). Nothing is done when the
     * pod group is already gone.
     *
     * @param host the discovered host
     * @param plan the pod's plan
     * @throws GroupBusyException when processes are still in the pod's groups; nothing is removed
     * @throws CgroupException    when the kernel refuses to remove a group
     */
    public static void delete(CgroupHost host, PodPlan plan) {
        delete(host, plan, false);
    }

    /**
     * Removes a pod's group and its container groups, and with {@code kill} first kills what runs
     * in them and waits until it is gone, as the kubelet's pod cleanup does.
     *
     * @param host the discovered host
     * @param plan the pod's plan
     * @param kill kill the processes left in the pod's groups instead of refusing
     * @throws GroupBusyException when processes are still there and {@code kill} is false (nothing
     *                            is removed), or they are not gone 5 s after the kill
     * @throws CgroupException    when the kernel refuses to remove a group
     */
    public static void delete(CgroupHost host, PodPlan plan, boolean kill) {
        String path = plan.podGroup().path();
        Cgroup pod = host.group(CgroupPath.of(path), selection(host));
        if (!kill && pod.isPopulated()) {
            throw new GroupBusyException("pod " + plan.pod().namespace() + "/" + plan.pod().name() + " still has processes"
                    + " in " + path + "; stop them first, or delete with kill as the kubelet does", path);
        }
        pod.delete(DeleteOptions.defaults().recursively().ignoringMissing()
                .onPopulated(kill ? DeleteOptions.OnPopulated.KILL : DeleteOptions.OnPopulated.REFUSE));
    }

    /** The kubelet's controllers that this host mounts. */
    private static ControllerSelection selection(CgroupHost host) {
        Controller[] present = KUBELET_CONTROLLERS.stream()
                .filter(c -> host.layout().hierarchyOf(c).isPresent()).toArray(Controller[]::new);
        if (present.length == 0) {
            throw new CgroupException("this host mounts none of the kubelet's controllers (cpu, cpuacct, memory, pids);"
                    + " available: " + host.layout().describeAvailable());
        }
        return ControllerSelection.of(present);
    }

    private static void writeFiles(Cgroup g, PlannedGroup planned, boolean fresh, UndoLog undo, Step step) {
        boolean periodDeferred = false;
        PlannedFile period = null;
        for (PlannedFile f : planned.files()) {
            step.at(planned.path(), f.name(), f.value());
            try {
                write(g, f, fresh, undo);
            } catch (CgroupException e) {
                boolean quotaFollows = planned.file(QUOTA).isPresent();
                if (f.name().equals(PERIOD) && quotaFollows && e.errno().orElse(null) == Errno.EINVAL) {
                    periodDeferred = true;
                    period = f;
                    continue;
                }
                throw e;
            }
            if (periodDeferred && f.name().equals(QUOTA)) {
                step.at(planned.path(), period.name(), period.value());
                write(g, period, fresh, undo);
                periodDeferred = false;
            }
        }
    }

    /** One write, noting how to put back what was there (a new group needs no restoring: it goes). */
    private static void write(Cgroup g, PlannedFile f, boolean fresh, UndoLog undo) {
        Optional<String> before = fresh ? Optional.empty() : readQuietly(g, f.name());
        g.write(f.name(), f.value());
        before.ifPresent(old -> undo.add(() -> g.write(f.name(), old)));
    }

    private static Optional<String> readQuietly(Cgroup g, String file) {
        try {
            String text = g.read(file).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (CgroupException e) {
            // a file that cannot be read will fail to be written too, which reports it
            return Optional.empty();
        }
    }

    private static CgroupException failure(Step step, RuntimeException failure, int created, List<String> undoFailures) {
        Optional<Errno> errnoOf = failure instanceof CgroupException c ? c.errno() : Optional.empty();
        String errno = errnoOf.map(Errno::toString).orElse("no errno: refused by jcg's check before the kernel saw it");
        RuntimeException e = failure;
        String what = step.file == null ? "creating the group failed" : "writing " + step.file + " = " + step.value + " failed";
        String undone = undoFailures.isEmpty()
                ? "undone: every value changed was restored and the " + created + " group" + (created == 1 ? "" : "s")
                + " created were removed"
                : "undoing failed too: " + String.join("; ", undoFailures);
        return new CgroupException("cgroup " + step.group + ": " + what + " (" + errno + "): " + e.getMessage() + "; "
                + undone, step.group, step.file, step.value, errnoOf.orElse(null), e);
    }

    /** Where apply is, for the failure's message. */
    private static final class Step {
        String group;
        String file;
        String value;

        void at(String group, String file, String value) {
            this.group = group;
            this.file = file;
            this.value = value;
        }
    }
}
