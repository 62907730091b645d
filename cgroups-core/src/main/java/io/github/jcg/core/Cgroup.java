package io.github.jcg.core;

import io.github.jcg.core.internal.GroupFiles;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.internal.fs.GroupTree;
import io.github.jcg.core.internal.fs.ProcessCgroupEntry;
import io.github.jcg.core.internal.fs.ProcessCgroupParser;
import io.github.jcg.core.limit.ControlFileRules;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.run.GroupProcess;
import io.github.jcg.core.sample.MetricFamily;
import io.github.jcg.core.sample.UsageReader;
import io.github.jcg.core.sample.UsageSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A handle on one group: a validated path and the hierarchies selected for it. Holding a
 * handle changes nothing; {@link #create()}, {@link #apply(Resources)} and
 * {@link #attach(long)} do, each all or nothing, and {@link #delete(DeleteOptions)} checks
 * everything before it removes anything.
 *
 * <p>Control files are found by name: {@code cpu.cfs_quota_us} goes to the hierarchy that
 * owns {@code cpu}, core files to the selected hierarchies, and on hybrid hosts files the v1
 * side lacks ({@code cpu.pressure}, {@code cgroup.kill}) to the v2 mount (see
 * {@link #hierarchyOf(String)}).
 *
 * <p>Every failure is a {@link CgroupException}, unchecked; the {@code @throws} of each method
 * name the ones a caller can act on.
 */
public final class Cgroup {
    private static final String PROCS = "cgroup.procs";
    private static final String SUBTREE_CONTROL = "cgroup.subtree_control";
    private static final long SETTLE_TIMEOUT_NANOS = 5_000_000_000L;

    private final CgroupHost host;
    private final CgroupPath path;
    private final ControllerSelection selection;
    private final List<Placement> placements;
    private final Set<String> v2Controllers;

    Cgroup(CgroupHost host, CgroupPath path, ControllerSelection selection, List<Hierarchy> hierarchies, Set<String> v2Controllers) {
        this.host = host;
        this.path = path;
        this.selection = selection;
        this.placements = hierarchies.stream().map(h -> new Placement(h, path)).toList();
        // kept in the caller's order, so subtree_control is written the same way every time
        this.v2Controllers = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(v2Controllers));
    }

    /**
     * The group's path, the same in every hierarchy.
     *
     * @return the validated path, relative to each hierarchy's mount; {@code /} for the root group
     */
    public CgroupPath path() {
        return path;
    }

    /**
     * The controllers this handle was made for, as given to {@link CgroupHost#group}.
     *
     * @return all, some (by name) or none (the v2 hierarchy alone)
     */
    public ControllerSelection selection() {
        return selection;
    }

    /**
     * The hierarchies this handle creates, attaches and deletes in, resolved from the selection
     * when the handle was made.
     *
     * @return each hierarchy once: for all controllers the v1 hierarchies with a controller in
     *         mount order and then the v2 one, otherwise in the selection's order
     */
    public List<Hierarchy> hierarchies() {
        return placements.stream().map(Placement::hierarchy).toList();
    }

    /**
     * The group's directory in one hierarchy, whether or not it exists.
     *
     * @param hierarchy any hierarchy of this host, selected or not
     * @return the hierarchy's mount point joined with the group's path; the mount point itself
     *         for the root group
     */
    public Path directory(Hierarchy hierarchy) {
        return new Placement(hierarchy, path).dir();
    }

    /**
     * Whether the group exists in every selected hierarchy.
     *
     * @return true when its directory is in each of {@link #hierarchies()}; false when it is
     *         missing from any (a group created with fewer controllers, or deleted meanwhile)
     */
    public boolean exists() {
        return placements.stream().allMatch(Placement::exists);
    }

    /**
     * A handle on a group below this one, with this handle's selection. Nothing on disk is read
     * or changed.
     *
     * @param name a relative path below this group; {@code b/c} goes two levels down
     * @return the child's handle
     * @throws InvalidGroupPathException when {@code name} breaks a rule of {@link CgroupPath#of}
     */
    public Cgroup child(String name) {
        return host.group(path.child(name), selection);
    }

    /**
     * A handle on the parent group, with this handle's selection; the root group is its own
     * parent. Nothing on disk is read or changed.
     *
     * @return the parent's handle
     */
    public Cgroup parent() {
        return host.group(path.parent(), selection);
    }

    // ---------------------------------------------------------------- create

    /**
     * Creates the group (and missing ancestors) in every selected hierarchy, changing no owner
     * and no mode; see {@link #create(CreateOptions)}, which this is with
     * {@link CreateOptions#defaults()}.
     *
     * @return this handle
     * @throws InvalidGroupPathException       for the root group, or when a name on the path is a
     *                                         symbolic link or a file instead of a directory
     * @throws ControllerNotAvailableException when a v2 parent does not offer a selected controller
     * @throws KernelRefusedException          when the kernel refuses to make a directory or a
     *                                         {@code cgroup.subtree_control} write
     */
    public Cgroup create() {
        return create(CreateOptions.defaults());
    }

    /**
     * Creates the group and any missing ancestors in every selected hierarchy. On v2 the
     * selected controllers are enabled in each ancestor's {@code cgroup.subtree_control},
     * from the root down; the group's own is left as it is, so its children get no controller
     * until someone enables one there. On a v1 cpuset hierarchy a new group whose
     * {@code cpuset.cpus} or {@code cpuset.mems} the kernel left empty gets its parent's, so
     * that processes can be attached to it. If any step fails, in any hierarchy, everything
     * this call made is removed and every controller it enabled is disabled again, newest
     * first, before the exception is thrown; that undoing is best effort and does not report
     * its own failures. Creating a group that exists already is not an error (as with
     * cgcreate): missing controllers are still enabled, and the owners and modes still set.
     *
     * @param options owners and modes for the group's directory and files; they are set on the
     *                group itself, not on ancestors created on the way, and a change made to a
     *                group that existed already is not undone
     * @return this handle
     * @throws InvalidGroupPathException       for the root group, or when a name on the path is a
     *                                         symbolic link or a file instead of a directory
     * @throws ControllerNotAvailableException when a v2 parent does not offer a selected controller
     *                                         in its {@code cgroup.controllers}
     * @throws KernelRefusedException          when the kernel refuses to make a directory (EACCES
     *                                         without delegation, EAGAIN past
     *                                         {@code cgroup.max.descendants} …), a
     *                                         {@code cgroup.subtree_control} write, or an owner or
     *                                         mode change
     */
    public Cgroup create(CreateOptions options) {
        if (path.isRoot()) {
            throw new InvalidGroupPathException("/", "the root group always exists; give the name of a group to create");
        }
        UndoLog undo = new UndoLog();
        try {
            for (Placement target : placements) {
                createIn(target, options, undo);
            }
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
        return this;
    }

    private void createIn(Placement target, CreateOptions options, UndoLog undo) {
        Placement root = target.at(CgroupPath.root());
        root.requireGroup();
        boolean enable = target.isV2() && !v2Controllers.isEmpty();
        if (enable) {
            enableControllers(root, undo);
        }
        List<CgroupPath> lineage = path.lineage();
        for (int i = 0; i < lineage.size(); i++) {
            Placement level = target.at(lineage.get(i));
            if (!level.exists() && Files.exists(level.dir(), LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidGroupPathException(path.toString(), level.dir() + " exists but is not a directory"
                        + " (a symbolic link or a file); refusing to create a group through it");
            }
            if (!level.exists()) {
                level.at(lineage.get(i).parent()).checkConfined();
                if (makeDirectory(level)) {
                    undo.add(() -> removeDirectory(level));
                }
                if (level.hierarchy().has(Controller.CPUSET) && level.hierarchy().version() == CgroupVersion.V1) {
                    inheritCpuset(level);
                }
            } else {
                level.checkConfined();
            }
            if (enable && i < lineage.size() - 1) {
                enableControllers(level, undo);
            }
        }
        if (options.changesAnything()) {
            applyOwnership(target, options);
        }
    }

    /** Enables this handle's v2 controllers in one group's subtree_control, noting how to undo it. */
    private void enableControllers(Placement level, UndoLog undo) {
        Set<String> offered = words(level.read("cgroup.controllers"));
        Set<String> enabled = words(level.read(SUBTREE_CONTROL));
        List<String> missing = new ArrayList<>();
        for (String c : v2Controllers) {
            if (!offered.contains(c)) {
                throw new ControllerNotAvailableException("cannot enable the " + c + " controller below " + level.path()
                        + ": " + level.dir().resolve("cgroup.controllers") + " offers only "
                        + (offered.isEmpty() ? "none" : String.join(" ", offered))
                        + (level.path().isRoot() ? " (the controller is not available on this v2 hierarchy)"
                        : " (its parent must enable it in cgroup.subtree_control first)"));
            }
            if (!enabled.contains(c)) {
                missing.add(c);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        level.write(SUBTREE_CONTROL, missing.stream().map(c -> "+" + c).collect(Collectors.joining(" ")));
        undo.add(() -> level.write(SUBTREE_CONTROL, missing.stream().map(c -> "-" + c).collect(Collectors.joining(" "))));
    }

    /** A new v1 cpuset group starts with no CPUs and no memory nodes; give it its parent's. */
    private static void inheritCpuset(Placement level) {
        Placement parent = level.at(level.path().parent());
        for (String file : List.of("cpuset.cpus", "cpuset.mems")) {
            if (level.hasFile(file) && level.read(file).isBlank()) {
                String inherited = parent.read(file).strip();
                if (!inherited.isEmpty()) {
                    level.write(file, inherited);
                }
            }
        }
    }

    /** Makes the directory; false when someone else made it first (then it is not ours to undo). */
    private static boolean makeDirectory(Placement level) {
        try {
            Files.createDirectory(level.dir());
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw KernelErrors.directoryRefused(level, "create", e);
        }
    }

    private static void removeDirectory(Placement level) {
        try {
            level.removeDirectory();
        } catch (IOException e) {
            throw KernelErrors.directoryRefused(level, "remove", e);
        }
    }

    private static void applyOwnership(Placement target, CreateOptions options) {
        Path dir = target.dir();
        try {
            setOwner(dir, options.groupOwner());
            if (options.dirMode().isPresent()) {
                Files.setPosixFilePermissions(dir, options.dirMode().get());
            }
            try (var files = Files.newDirectoryStream(dir)) {
                for (Path file : files) {
                    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    boolean tasksFile = KernelErrors.isProcsFile(file.getFileName().toString());
                    setOwner(file, tasksFile ? options.tasksOwner().or(options::groupOwner) : options.groupOwner());
                    Optional<Set<PosixFilePermission>> mode = tasksFile ? options.tasksMode() : options.fileMode();
                    if (mode.isPresent()) {
                        Files.setPosixFilePermissions(file, mode.get());
                    }
                }
            }
        } catch (IOException e) {
            throw KernelErrors.directoryRefused(target, "change owner or mode of", e);
        }
    }

    private static void setOwner(Path path, Optional<Ownership> owner) throws IOException {
        if (owner.isPresent()) {
            Files.setAttribute(path, "unix:uid", owner.get().uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", owner.get().gid(), LinkOption.NOFOLLOW_LINKS);
        }
    }

    // ---------------------------------------------------------------- delete

    /**
     * Deletes an empty group without children; see {@link #delete(DeleteOptions)}, which this is
     * with {@link DeleteOptions#defaults()}.
     *
     * @throws InvalidGroupPathException for the root group
     * @throws GroupNotFoundException    when the group exists in no selected hierarchy
     * @throws GroupBusyException        when it has child groups or processes; nothing is removed
     * @throws KernelRefusedException    when the kernel refuses to remove a directory
     */
    public void delete() {
        delete(DeleteOptions.defaults());
    }

    /**
     * Deletes the group in every selected hierarchy where it exists. Everything is checked
     * before anything is removed: children without {@code recursive}, or processes with
     * {@link DeleteOptions.OnPopulated#REFUSE}, are refused with a message and nothing changes.
     * Otherwise the processes of the group and of every group below it are first moved to the
     * group's parent, hierarchy by hierarchy (if one move is refused, those already moved go
     * back and nothing is removed), or killed as {@link #kill()} kills them; then the groups are
     * removed, deepest first. A group kept busy by exiting tasks is tried again for up to 5 s.
     * A removal the kernel still refuses stops the delete there: groups removed before it, and
     * processes moved or killed, stay so.
     *
     * @param options whether child groups go too, what happens to processes, and whether a
     *                missing group is an error
     * @throws InvalidGroupPathException for the root group, or when the group's directory is
     *                                   reached through a symbolic link
     * @throws GroupNotFoundException    when the group exists in no selected hierarchy and
     *                                   {@code options} do not ignore that
     * @throws GroupBusyException        when it has child groups and {@code options} are not
     *                                   recursive, or processes and {@code options} refuse them;
     *                                   when killing, also when this program is among the
     *                                   processes or they are not gone within 5 s
     * @throws KernelRefusedException    when the kernel refuses to move a process or to remove a
     *                                   directory
     */
    public void delete(DeleteOptions options) {
        if (path.isRoot()) {
            throw new InvalidGroupPathException("/", "the root group cannot be deleted");
        }
        List<Placement> present = placements.stream().filter(Placement::exists).toList();
        if (present.isEmpty()) {
            if (options.ignoreMissing()) {
                return;
            }
            throw new GroupNotFoundException(path.toString(), describe(placements));
        }
        List<List<Placement>> subtrees = new ArrayList<>();
        for (Placement p : present) {
            p.checkConfined();
            List<Placement> subtree = subtreeOf(p);
            if (!options.recursive() && subtree.size() > 1) {
                throw new GroupBusyException("cgroup " + path + " has child groups ("
                        + subtree.subList(1, subtree.size()).stream().map(c -> c.path().toString()).distinct().limit(5)
                        .collect(Collectors.joining(", ")) + ") in " + p.describeHierarchy()
                        + "; delete them first, or delete recursively (-r)", path.toString());
            }
            subtrees.add(subtree);
        }
        Set<Long> pids = processesIn(subtrees);
        if (!pids.isEmpty()) {
            switch (options.onPopulated()) {
                case REFUSE -> throw new GroupBusyException("cgroup " + path + " still has " + pids.size() + " process"
                        + (pids.size() == 1 ? "" : "es") + " (" + pids.stream().limit(5).map(String::valueOf)
                        .collect(Collectors.joining(", ")) + (pids.size() > 5 ? ", …" : "")
                        + "); move them out first, or delete with move-to-parent or kill", path.toString());
                case MOVE_TO_PARENT -> moveProcessesToParent(subtrees);
                case KILL -> kill();
            }
        }
        for (List<Placement> subtree : subtrees) {
            for (int i = subtree.size() - 1; i >= 0; i--) {
                removeWhenEmpty(subtree.get(i));
            }
        }
    }

    private static Set<Long> processesIn(List<List<Placement>> subtrees) {
        Set<Long> pids = new LinkedHashSet<>();
        for (List<Placement> subtree : subtrees) {
            for (Placement p : subtree) {
                if (p.exists()) {
                    pids.addAll(processIdsIn(p));
                }
            }
        }
        return pids;
    }

    /**
     * The processes of one group of a subtree being deleted or killed. A v2 threaded group has
     * none of its own: the threaded domain above it lists the processes of its whole threaded
     * subtree, and reading a threaded group's cgroup.procs fails (EOPNOTSUPP).
     */
    private static List<Long> processIdsIn(Placement p) {
        boolean threaded = p.isV2() && p.readIfPresent("cgroup.type").map(t -> t.strip().equals("threaded")).orElse(false);
        return threaded ? List.of() : p.readIds(PROCS);
    }

    /**
     * Moves every process of the subtrees to the group's parent, hierarchy by hierarchy. When one
     * move is refused (a v2 parent that hands controllers down may hold no process: EBUSY), the
     * processes already moved go back where they were, so no process is left split between the
     * parent in one hierarchy and the group in another.
     */
    private void moveProcessesToParent(List<List<Placement>> subtrees) {
        UndoLog undo = new UndoLog();
        try {
            for (List<Placement> subtree : subtrees) {
                Placement destination = subtree.get(0).at(path.parent());
                for (int i = subtree.size() - 1; i >= 0; i--) {
                    Placement from = subtree.get(i);
                    for (long pid : processIdsIn(from)) {
                        writeId(destination, PROCS, pid, true);
                        undo.add(() -> writeId(from, PROCS, pid, true));
                    }
                }
            }
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
    }

    /** rmdir, giving exiting tasks a moment: a group stays busy until its last task is reaped. */
    private static void removeWhenEmpty(Placement p) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT_NANOS;
        while (true) {
            try {
                p.removeDirectory();
                return;
            } catch (IOException e) {
                Errno errno = Errno.of(e);
                if ((errno != Errno.EBUSY && errno != Errno.ENOTEMPTY) || System.nanoTime() > deadline) {
                    throw KernelErrors.directoryRefused(p, "remove", e);
                }
                pause(10);
            }
        }
    }

    // ---------------------------------------------------------------- processes

    /**
     * Moves a process, with all its threads, into this group in every selected hierarchy,
     * through {@code cgroup.procs}: the kernel moves every thread at once, into a v2 threaded
     * group too ({@code cgroup.threads} takes a thread only from inside the same threaded
     * subtree, and would miss threads born meanwhile). A write that fails with EINVAL while
     * the task is still being born is retried. If one hierarchy refuses, the process is moved
     * back where it was in the others.
     *
     * @param pid the process id, as in {@code /proc}; all its threads move with it
     * @throws InvalidValueException  when {@code pid} is not positive, or no process with that id
     *                                is running
     * @throws GroupNotFoundException when the group is missing from a selected hierarchy
     * @throws KernelRefusedException when a hierarchy refuses the move: EBUSY for a v2 group that
     *                                hands controllers to its children, ENOSPC for a v1 cpuset
     *                                group without CPUs or memory nodes, ESRCH when the process
     *                                has exited, EACCES without permission …
     */
    public void attach(long pid) {
        if (pid <= 0) {
            throw new InvalidValueException("pid", Long.toString(pid), "must be a positive process id");
        }
        List<ProcessCgroupEntry> origin = cgroupsOf(pid);
        UndoLog undo = new UndoLog();
        try {
            for (Placement p : placements) {
                p.requireGroup();
                writeId(p, PROCS, pid, false);
                Optional<CgroupPath> back = originIn(origin, p.hierarchy());
                if (back.isPresent()) {
                    Placement from = p.at(back.get());
                    // a class, not a lambda: no training run reaches this line, and a lambda
                    // outside the CDS archive costs jcg exec's start milliseconds to spin
                    undo.add(new Runnable() {
                        @Override
                        public void run() {
                            writeId(from, PROCS, pid, true);
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
    }

    /**
     * Moves a single thread into this group in every selected hierarchy, through {@code tasks}
     * on v1 and {@code cgroup.threads} on v2, where the kernel moves a thread alone only within
     * one threaded subtree. A write that fails with EINVAL while the thread is still being born
     * is retried. Unlike {@link #attach(long)} nothing is undone: when one hierarchy refuses, the
     * moves already made in the others stay.
     *
     * @param tid the thread id, as in {@code /proc/PID/task}
     * @throws InvalidValueException  when {@code tid} is not positive
     * @throws GroupNotFoundException when the group is missing from a selected hierarchy
     * @throws KernelRefusedException when a hierarchy refuses the move (EOPNOTSUPP on v2 outside
     *                                a threaded subtree, ESRCH for a thread that has exited …)
     */
    public void attachThread(long tid) {
        if (tid <= 0) {
            throw new InvalidValueException("thread id", Long.toString(tid), "must be a positive thread id");
        }
        for (Placement p : placements) {
            p.requireGroup();
            writeId(p, p.isV2() ? "cgroup.threads" : "tasks", tid, false);
        }
    }

    /**
     * The processes in the group itself, not in its children, from {@code cgroup.procs} of the
     * first selected hierarchy that has the group.
     *
     * @return process ids in the kernel's order, not sorted
     * @throws GroupNotFoundException when the group exists in no selected hierarchy
     * @throws CgroupException        when {@code cgroup.procs} cannot be read, such as EOPNOTSUPP
     *                                for a v2 threaded group (the threaded domain above it lists
     *                                its processes)
     */
    public List<Long> processes() {
        Placement p = firstExisting();
        return p.readIds(PROCS);
    }

    /**
     * The threads in the group itself, not in its children, from the first selected hierarchy
     * that has the group: {@code tasks} on v1, {@code cgroup.threads} on v2.
     *
     * @return thread ids in the kernel's order, not sorted
     * @throws GroupNotFoundException when the group exists in no selected hierarchy
     */
    public List<Long> threads() {
        Placement p = firstExisting();
        return p.readIds(p.isV2() ? "cgroup.threads" : "tasks");
    }

    /**
     * Whether any process lives in the group or below it. Where the group is in a selected v2
     * hierarchy, that hierarchy's {@code cgroup.events} ({@code populated 1}) answers alone;
     * otherwise {@code cgroup.procs} of the group and every group below it is read, in every
     * selected hierarchy that has it.
     *
     * @return true when a process is in the group or below it; false when there is none, and
     *         when the group exists in no selected hierarchy
     */
    public boolean isPopulated() {
        for (Placement p : placements) {
            if (p.exists() && p.isV2()) {
                return p.read("cgroup.events").contains("populated 1");
            }
        }
        return !processesIn(placements.stream().filter(Placement::exists).map(this::subtreeOf).toList()).isEmpty();
    }

    /**
     * Starts a command inside this group: it is in the group, in every selected hierarchy,
     * before it runs one instruction of its own. See {@link GroupProcess} for how, and
     * {@link GroupProcess#await(io.github.jcg.core.run.RunLimits)} to run it to its end under
     * limits and account for it.
     *
     * @param command what to run, with its directory, environment and redirections; not changed
     * @return the running command
     * @throws IOException              when the command's start-up helper cannot be started
     * @throws IllegalArgumentException when the builder has no command
     * @throws CgroupException          when the group refuses the process; the command did not run
     */
    public GroupProcess launch(ProcessBuilder command) throws IOException {
        return GroupProcess.launch(this, command);
    }

    /**
     * Waits until no process is left in the group or below it.
     *
     * @param timeout how long to wait at most
     * @return true when the group is empty, false when processes are still there after {@code timeout}
     * @throws InterruptedException when this thread is interrupted while waiting
     */
    public boolean awaitEmpty(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isPopulated()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /**
     * Kills every process in the group and below it, in every selected hierarchy, and waits until
     * they are gone. Where the kernel has {@code cgroup.kill} (v2, Linux 5.14 and later) it does
     * the killing: on the selected v2 hierarchy, or on a hybrid host on the v2 mount where the
     * group is there too. Otherwise the group is frozen so that nothing can fork, every process
     * gets SIGKILL, and the group is thawed; where it cannot be frozen (no freezer hierarchy and
     * no v2 mount holding it) its processes are killed unfrozen. Processes that are still there
     * are killed again, for up to 5 s.
     *
     * @throws GroupNotFoundException when the group exists in no selected hierarchy
     * @throws GroupBusyException     when this program or one of its parent processes is in the
     *                                group (nothing is killed), or processes are left after 5 s
     *                                (tasks in uninterruptible sleep, or not ours to kill)
     * @throws KernelRefusedException when the kernel refuses the {@code cgroup.kill}, freeze or
     *                                thaw write
     */
    public void kill() {
        List<List<Placement>> subtrees = placements.stream().filter(Placement::exists).map(this::subtreeOf).toList();
        if (subtrees.isEmpty()) {
            throw new GroupNotFoundException(path.toString(), describe(placements));
        }
        refuseToKillOurselves(processesIn(subtrees));
        Optional<Placement> v2 = subtrees.stream().map(s -> s.get(0)).filter(Placement::isV2).findFirst()
                .or(() -> unifiedPlacement().filter(Placement::exists));
        if (v2.isPresent() && v2.get().hasFile("cgroup.kill")) {
            v2.get().write("cgroup.kill", "1");
        } else {
            freezeKillThaw(subtrees);
        }
        awaitEmpty(subtrees);
    }

    /**
     * The v1 way (and v2 before 5.14): freeze so nothing can fork, SIGKILL every task, thaw.
     * The group is frozen as {@link #freeze()} freezes it; where it cannot be (no freezer and
     * no v2 mount), its tasks are killed unfrozen.
     */
    private void freezeKillThaw(List<List<Placement>> subtrees) {
        GroupFiles files = files();
        Optional<PlannedWrite> freeze = host.driver().freezeWrite(files, true);
        Optional<PlannedWrite> thaw = host.driver().freezeWrite(files, false);
        freeze.ifPresent(w -> locate(w.file()).write(w.file(), w.value()));
        try {
            for (long pid : processesIn(subtrees)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        } finally {
            thaw.ifPresent(w -> locate(w.file()).write(w.file(), w.value()));
        }
    }

    private void awaitEmpty(List<List<Placement>> subtrees) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT_NANOS;
        while (true) {
            Set<Long> left = processesIn(subtrees);
            if (left.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new GroupBusyException("cgroup " + path + " still has processes " + left
                        + " after killing them (tasks stuck in uninterruptible sleep?)", path.toString());
            }
            // processes forked between the freeze and the kill get the same treatment
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            pause(10);
        }
    }

    private static void refuseToKillOurselves(Set<Long> pids) {
        Optional<ProcessHandle> self = Optional.of(ProcessHandle.current());
        while (self.isPresent()) {
            if (pids.contains(self.get().pid())) {
                throw new GroupBusyException("refusing to kill: process " + self.get().pid()
                        + " (this program or one of its parents) is in the group", null);
            }
            self = self.get().parent();
        }
    }

    private void writeId(Placement p, String file, long id, boolean ignoreVanished) {
        int attempts = 0;
        while (true) {
            try {
                p.write(file, Long.toString(id));
                return;
            } catch (KernelRefusedException e) {
                Errno errno = e.errno().orElse(Errno.UNKNOWN);
                if (ignoreVanished && errno == Errno.ESRCH) {
                    return;
                }
                // runc's lesson: a task still being born answers EINVAL for a moment
                if (errno != Errno.EINVAL || ++attempts >= 5) {
                    throw e;
                }
                pause(5L * attempts);
            }
        }
    }

    private List<ProcessCgroupEntry> cgroupsOf(long pid) {
        try {
            return ProcessCgroupParser.parse(Files.readString(host.paths().procRoot().resolve(pid + "/cgroup")));
        } catch (IOException e) {
            throw new InvalidValueException("no process with id " + pid + " is running; check the pid");
        }
    }

    // a loop, not a stream, for the same reason as attach's undo step
    private static Optional<CgroupPath> originIn(List<ProcessCgroupEntry> origin, Hierarchy h) {
        for (ProcessCgroupEntry e : origin) {
            if (h.version() == CgroupVersion.V2 ? e.isUnified() : e.hierarchyId() == h.id()) {
                return h.translate(e.path());
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- tree

    /**
     * The child groups, found in any selected hierarchy, sorted by name.
     *
     * @return a handle with this one's selection for each child, once even when it is in several
     *         hierarchies; empty when the group exists in no selected hierarchy
     * @throws KernelRefusedException when a group directory cannot be listed
     */
    public List<Cgroup> children() {
        Set<String> names = new java.util.TreeSet<>();
        for (Placement p : placements) {
            if (p.exists()) {
                names.addAll(p.childNames());
            }
        }
        return names.stream().map(n -> host.group(path.kernelChild(n), selection)).toList();
    }

    /**
     * This group and all below it in any selected hierarchy, parents before children, each
     * group's children sorted by name (as {@link #children()}).
     *
     * @return handles with this one's selection, each group once; this handle comes first, even
     *         when the group exists in no selected hierarchy
     * @throws KernelRefusedException when a group directory cannot be listed
     */
    public List<Cgroup> subtree() {
        MergedGroup top = new MergedGroup(path);
        for (Placement p : placements) {
            if (p.exists()) {
                GroupTree.walk(p.dir(), top, GroupTree.Listing.NAME_ORDER, Integer.MAX_VALUE, new GroupTree.Visitor<MergedGroup>() {
                    @Override
                    public MergedGroup child(MergedGroup parent, String name) {
                        return parent.children.computeIfAbsent(name, n -> new MergedGroup(parent.path.kernelChild(n)));
                    }

                    @Override
                    public void unlistable(MergedGroup node, IOException e) {
                        throw KernelErrors.directoryRefused(p.at(node.path), "list", e);
                    }
                });
            }
        }
        List<Cgroup> out = new ArrayList<>();
        top.addTo(out, host, selection);
        return out;
    }

    /**
     * This group and every group below it in one hierarchy, parents before children, each
     * group's children in the order the kernel lists its directory (the order lscgroup prints);
     * empty when the group is not in that hierarchy.
     *
     * @param hierarchy any hierarchy of this host, selected or not
     * @return the groups' paths, this group's first
     * @throws KernelRefusedException when a group directory cannot be listed
     */
    public List<CgroupPath> subtreeIn(Hierarchy hierarchy) {
        Placement top = new Placement(hierarchy, path);
        if (!top.exists()) {
            return List.of();
        }
        return subtreeOf(top, GroupTree.Listing.KERNEL_ORDER).stream().map(Placement::path).toList();
    }

    private List<Placement> subtreeOf(Placement top) {
        return subtreeOf(top, GroupTree.Listing.NAME_ORDER);
    }

    private static List<Placement> subtreeOf(Placement top, GroupTree.Listing order) {
        List<Placement> out = new ArrayList<>();
        out.add(top);
        GroupTree.walk(top.dir(), top, order, Integer.MAX_VALUE, new GroupTree.Visitor<Placement>() {
            @Override
            public Placement child(Placement parent, String name) {
                Placement p = parent.at(parent.path().kernelChild(name));
                out.add(p);
                return p;
            }

            @Override
            public void unlistable(Placement p, IOException e) {
                throw KernelErrors.directoryRefused(p, "list", e);
            }
        });
        return out;
    }

    /** A group of {@link #subtree()}: found in one or more of the selected hierarchies. */
    private static final class MergedGroup {
        final CgroupPath path;
        final Map<String, MergedGroup> children = new TreeMap<>();

        MergedGroup(CgroupPath path) {
            this.path = path;
        }

        void addTo(List<Cgroup> out, CgroupHost host, ControllerSelection selection) {
            out.add(host.group(path, selection));
            children.values().forEach(c -> c.addTo(out, host, selection));
        }
    }

    // ---------------------------------------------------------------- raw files

    /**
     * The kernel's text of a control file of this group, found by name (see
     * {@link #hierarchyOf(String)}). Nothing is translated between v1 and v2.
     *
     * @param file a control file's name, such as {@code cpu.max}, without directory
     * @return the whole text as read, unparsed, its final newline included
     * @throws InvalidValueException           when {@code file} is not a single file name
     * @throws ControllerNotAvailableException when the controller its prefix names is on no
     *                                         hierarchy of this host and the v2 mount lacks the
     *                                         file too
     * @throws GroupNotFoundException          when the group is missing from the hierarchy the file
     *                                         belongs to
     * @throws CgroupException                 when the file is not there (ENOENT) or cannot be read
     *                                         (EACCES, a write-only file such as {@code cgroup.kill} …)
     */
    public String read(String file) {
        return locate(file).read(file);
    }

    /**
     * Writes a control file of this group, found by name (see {@link #hierarchyOf(String)}), in
     * one {@code write(2)}. Values for files jcg knows are checked first
     * ({@link ControlFileRules}); the kernel judges the rest. Nothing is translated between v1
     * and v2 and nothing is undone; {@link #apply(Resources)} makes checked changes that are.
     *
     * @param file  a control file's name, such as {@code cpu.max}, without directory
     * @param value the text to write, as the kernel takes it ({@code "50000 100000"}); an empty
     *              one is written as a lone newline, as {@code echo} writes it
     * @throws InvalidValueException           when {@code file} is not a single file name, or jcg
     *                                         knows the file and the value cannot be right for it
     * @throws ControllerNotAvailableException when the controller its prefix names is on no
     *                                         hierarchy of this host and the v2 mount lacks the
     *                                         file too
     * @throws GroupNotFoundException          when the group is missing from the hierarchy the file
     *                                         belongs to
     * @throws CgroupException                 when no hierarchy of the group has a file of no
     *                                         controller by that name (ENOENT)
     * @throws KernelRefusedException          when the kernel refuses the write; its errno and
     *                                         message say why
     */
    public void write(String file, String value) {
        ControlFileRules.check(file, value);
        locate(file).write(file, value);
    }

    /**
     * The hierarchy a control file of this group is read from and written to. A controller's
     * file (named by its prefix: {@code cpu.max} is cpu's) is looked for in that controller's
     * hierarchy and then on the v2 mount, and belongs to the first where the group has it;
     * where neither has it, to the controller's hierarchy. So on a hybrid host
     * {@code cpu.pressure} belongs to the v2 mount while {@code cpu.shares} stays on v1. A file
     * of no controller ({@code cgroup.*}, {@code tasks}) belongs to the first hierarchy where
     * the group has it: this handle's, then every other, then the v2 mount.
     *
     * @param file a control file's name, without directory
     * @return the hierarchy
     * @throws InvalidValueException           when {@code file} is not a single file name
     * @throws ControllerNotAvailableException when the controller its prefix names is on no
     *                                         hierarchy of this host and the v2 mount lacks the
     *                                         file too
     * @throws GroupNotFoundException          for a file of no controller, when the group is in
     *                                         none of the hierarchies looked in
     * @throws CgroupException                 for a file of no controller, when none of them has
     *                                         it (ENOENT)
     */
    public Hierarchy hierarchyOf(String file) {
        return locate(file).hierarchy();
    }

    /**
     * The regular files of this group's directory in one hierarchy, in the order the kernel
     * lists them; child groups are left out.
     *
     * @param hierarchy any hierarchy of this host, selected or not
     * @return the file names, without directory
     * @throws GroupNotFoundException when the group is not in {@code hierarchy}
     * @throws KernelRefusedException when the directory cannot be listed
     */
    public List<String> fileNames(Hierarchy hierarchy) {
        Placement p = new Placement(hierarchy, path);
        p.requireGroup();
        List<String> names = new ArrayList<>();
        try (var entries = Files.newDirectoryStream(p.dir())) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(entry.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw KernelErrors.directoryRefused(p, "list", e);
        }
        return names;
    }

    /**
     * Where a control file of this group is read and written: the hierarchy that has it (see the
     * class comment), or, for a file no hierarchy has, its controller's hierarchy, named by the
     * file's prefix, where reading or writing it says what is missing. A file of no controller
     * ({@code cgroup.*}, {@code tasks}) that no hierarchy has is not guessed at: the group is
     * missing ({@link GroupNotFoundException}) or the file is ({@link CgroupException}, ENOENT),
     * and the message names where it was looked for.
     */
    private Placement locate(String file) {
        return where(file).orElseThrow(() -> {
            Set<Path> seen = new HashSet<>();
            List<Placement> looked = candidates(file).stream().filter(p -> seen.add(p.dir())).toList();
            List<Placement> present = looked.stream().filter(Placement::exists).toList();
            if (present.isEmpty()) {
                return new GroupNotFoundException(path.toString(), describe(looked));
            }
            return new CgroupException("cgroup " + path + " has no control file " + Printable.quoted(file)
                    + " in any hierarchy it is in; looked in " + present.stream().map(p -> p.dir().toString())
                    .collect(Collectors.joining(", ")), path.toString(), file, null, Errno.ENOENT, null);
        });
    }

    /**
     * As {@link #locate}, but empty for a file of no controller that no hierarchy has; the
     * controller of a file named for one must still be mounted.
     */
    private Optional<Placement> where(String file) {
        return find(file, true);
    }

    /**
     * The group's directory that holds a file, for reading; empty where the file's controller
     * is on no hierarchy of this host, as a file that is not there (a host without io still
     * reads back its other limits).
     */
    private Optional<Placement> existing(String file) {
        return find(file, false).filter(Placement::exists);
    }

    /** {@link #where}, or with {@code refuseUnmounted} false {@link #existing}'s search. */
    private Optional<Placement> find(String file, boolean refuseUnmounted) {
        List<Placement> candidates = candidates(file);
        for (Placement c : candidates) {
            if (c.exists() && c.hasFile(file)) {
                return Optional.of(c);
            }
        }
        Optional<Controller> owner = Controller.owningFile(file);
        boolean unmounted = owner.isPresent() && host.layout().hierarchyOf(owner.get()).isEmpty();
        if (!refuseUnmounted && (unmounted || candidates.isEmpty())) {
            return Optional.empty();
        }
        if (unmounted) {
            throw new ControllerNotAvailableException("no hierarchy on this host has " + file + ": the " + owner.get()
                    + " controller is not mounted (available: " + host.layout().describeAvailable() + ")");
        }
        if (candidates.isEmpty()) {
            throw new ControllerNotAvailableException("no cgroup hierarchy on this host has " + file);
        }
        // a controller's file belongs to that controller's hierarchy, the first candidate
        return owner.isPresent() ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /**
     * Where to look for a file, in order: its controller's hierarchy, or for a file of no
     * controller this handle's hierarchies and then every other; then the v2 mount, whose files
     * on a hybrid host include those of controllers it does not run ({@code cpu.pressure}).
     */
    private List<Placement> candidates(String file) {
        List<Placement> candidates = new ArrayList<>();
        Optional<Controller> owner = Controller.owningFile(file);
        if (owner.isPresent()) {
            host.layout().hierarchyOf(owner.get()).ifPresent(h -> candidates.add(new Placement(h, path)));
        } else {
            candidates.addAll(placements);
            host.layout().hierarchies().forEach(h -> candidates.add(new Placement(h, path)));
        }
        unifiedPlacement().ifPresent(candidates::add);
        return candidates;
    }

    private Optional<Placement> unifiedPlacement() {
        return host.layout().unified().map(h -> new Placement(h, path));
    }

    private Placement firstExisting() {
        return placements.stream().filter(Placement::exists).findFirst()
                .orElseThrow(() -> new GroupNotFoundException(path.toString(), describe(placements)));
    }

    // ---------------------------------------------------------------- typed limits

    /**
     * Applies every setting {@code wanted} holds, as one change: all files are checked to
     * exist first, each previous value is remembered, and if the kernel refuses one write the
     * earlier ones are put back before the exception is thrown. The exception is the one the
     * failure raised (a refused write's {@link KernelRefusedException}, a missing controller's
     * {@link ControllerNotAvailableException} …), its message ending in what was undone.
     * Freezing ({@link Resources#frozen()}) waits until the kernel has frozen or thawed the
     * group.
     *
     * <p>Each setting is written to its controller's hierarchy, whether or not this handle
     * selects it, in that hierarchy's version: on a hybrid host with cpu on v1 and memory on
     * the v2 mount, a CPU quota becomes {@code cpu.cfs_quota_us} and a memory limit
     * {@code memory.max} in the same change. Freezing goes through {@code freezer.state} where
     * the group is in a v1 freezer hierarchy, and through {@code cgroup.freeze} on the v2 mount
     * otherwise.
     *
     * @param wanted the settings to make; those it leaves empty are not touched
     * @throws GroupNotFoundException          when the group exists in no selected hierarchy
     * @throws InvalidValueException           when a setting cannot be expressed in its
     *                                         hierarchy's version ({@code memory.min} on v1 …) or
     *                                         a value is refused by jcg's checks; nothing is written
     * @throws ControllerNotAvailableException when a setting's controller is not on this host, is
     *                                         not enabled for the group on v2, or the group is not
     *                                         in its v1 hierarchy; nothing is written
     * @throws KernelRefusedException          when the kernel refuses a write; the earlier ones
     *                                         are undone
     * @throws CgroupException                 when the group is not frozen or thawed within 5 s;
     *                                         the writes are undone
     */
    public void apply(Resources wanted) {
        if (placements.stream().noneMatch(Placement::exists)) {
            throw new GroupNotFoundException(path.toString(), describe(placements));
        }
        GroupFiles files = files();
        PerControllerDriver driver = host.driver();
        List<PlannedWrite> plan = driver.plan(wanted, files, host.mapping());
        for (PlannedWrite w : plan) {
            ControlFileRules.check(w.file(), w.value());
            if (!files.has(w.file())) {
                throw missingFile(w.file());
            }
        }
        UndoLog undo = new UndoLog();
        try {
            for (PlannedWrite w : plan) {
                Placement at = locate(w.file());
                Optional<String> before = at.readIfPresent(w.file());
                at.write(w.file(), w.value());
                before.ifPresent(old -> undo.add(() -> w.restore().apply(old).forEach(v -> at.write(w.file(), v))));
            }
            if (wanted.frozen().isPresent()) {
                awaitFrozen(driver, files, wanted.frozen().get());
            }
        } catch (CgroupException e) {
            // the failure keeps its type (a refused write stays a KernelRefusedException, a wait
            // that timed out a CgroupException) and says what was undone
            e.appendToMessage(undo.runAndDescribe("writes of this change"));
            throw e;
        }
    }

    /**
     * The group's limits as the kernel reports them, in the shared v1/v2 vocabulary: each
     * controller's settings are read from its own hierarchy, in that hierarchy's version. A
     * setting whose file the group does not have, or whose controller this host does not
     * mount, is left empty. {@link Resources#frozen()} is the state asked for, not yet
     * necessarily reached (see {@link #isFrozen()}).
     *
     * @return the settings found
     * @throws GroupNotFoundException when the group exists in no selected hierarchy
     */
    public Resources resources() {
        firstExisting();
        return host.driver().read(files());
    }

    /**
     * Freezes every process in the group and below it, and waits until the kernel has stopped
     * them: {@link #apply(Resources)} with {@link Resources#frozen()} true. On v1 this writes
     * {@code freezer.state}, on v2 (and on a hybrid host whose freezer hierarchy lacks the
     * group) {@code cgroup.freeze}.
     *
     * @throws GroupNotFoundException          when the group exists in no selected hierarchy
     * @throws ControllerNotAvailableException when the group has neither file: it is in no v1
     *                                         freezer hierarchy and on no v2 mount, or it is the
     *                                         v2 root group
     * @throws KernelRefusedException          when the kernel refuses the write
     * @throws CgroupException                 when the group is not frozen within 5 s; it is then
     *                                         thawed again
     */
    public void freeze() {
        apply(Resources.builder().frozen(true).build());
    }

    /**
     * Thaws the group and waits until the kernel has let its processes run again:
     * {@link #apply(Resources)} with {@link Resources#frozen()} false, through the same file as
     * {@link #freeze()}.
     *
     * @throws GroupNotFoundException          when the group exists in no selected hierarchy
     * @throws ControllerNotAvailableException when the group has neither {@code freezer.state}
     *                                         nor {@code cgroup.freeze}
     * @throws KernelRefusedException          when the kernel refuses the write
     * @throws CgroupException                 when the group is not thawed within 5 s; it is then
     *                                         frozen again
     */
    public void thaw() {
        apply(Resources.builder().frozen(false).build());
    }

    /**
     * Whether the kernel has frozen the group: v1's {@code freezer.state} reads FROZEN (not
     * FREEZING, a freeze under way), or v2's {@code cgroup.events} says {@code frozen 1}.
     * {@link #resources()} reports the state asked for instead, so a group being frozen reads
     * {@code frozen} there before it is frozen here.
     *
     * @return true once every task has stopped; false otherwise, and when the group has neither
     *         file
     * @throws ControllerNotAvailableException on a host with neither a freezer hierarchy nor a
     *                                         v2 mount
     */
    public boolean isFrozen() {
        return host.driver().isFrozen(files());
    }

    private void awaitFrozen(PerControllerDriver driver, GroupFiles files, boolean frozen) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT_NANOS;
        while (driver.isFrozen(files) != frozen) {
            if (System.nanoTime() > deadline) {
                throw new CgroupException("cgroup " + path + " did not become " + (frozen ? "frozen" : "thawed")
                        + " within 5 s (a task in uninterruptible sleep?)", path.toString(), null, null, null, null);
            }
            pause(5);
        }
    }

    private CgroupException missingFile(String file) {
        Optional<Controller> owner = Controller.owningFile(file);
        Optional<Hierarchy> where = owner.flatMap(c -> host.layout().hierarchyOf(c));
        if (owner.isPresent() && where.isEmpty()) {
            return new ControllerNotAvailableException("cannot set " + file + ": the " + owner.get() + " controller is not"
                    + " mounted on this host (available: " + host.layout().describeAvailable() + ")");
        }
        if (where.isPresent() && where.get().version() == CgroupVersion.V2) {
            return new ControllerNotAvailableException("cgroup " + path + " has no " + file + ": the " + owner.get()
                    + " controller is not enabled for it; create it with that controller (jcg create -g " + owner.get()
                    + ":" + path + ") so the parents' cgroup.subtree_control enables it");
        }
        String controller = owner.map(Controller::kernelName).orElse("");
        return new ControllerNotAvailableException("cgroup " + path + " has no " + file + " (it does not exist in the "
                + where.map(Hierarchy::label).orElse(controller) + " hierarchy; create it there first, e.g. jcg create -g "
                + (controller.isEmpty() ? "freezer" : controller) + ":" + path + ")");
    }

    /** The file view drivers plan against. */
    private GroupFiles files() {
        return new GroupFiles() {
            @Override
            public Optional<String> read(String file) {
                return existing(file).flatMap(at -> at.readIfPresent(file));
            }

            @Override
            public boolean has(String file) {
                return existing(file).filter(at -> at.hasFile(file)).isPresent();
            }

            @Override
            public CgroupPath path() {
                return path;
            }
        };
    }

    // ---------------------------------------------------------------- accounting

    /**
     * What the group has used so far (CPU, throttling, memory, pids, IO, PSI, tasks): every
     * {@link MetricFamily}, each read from whichever hierarchy of this host has its files, not
     * only the selected ones.
     *
     * @return one snapshot; a metric the host or group does not provide is absent, never zero,
     *         and each {@link io.github.jcg.core.sample.Metric} names its unit
     * @throws GroupNotFoundException when no metric could be read: the group is in no hierarchy
     *                                of this host
     */
    public UsageSnapshot usage() {
        return usage(MetricFamily.all());
    }

    /**
     * What the group has used so far, for the metric families asked for only: each family costs
     * file reads, and no file is read that none of them comes from. As {@link #usage()}, every
     * hierarchy of this host is read, not only the selected ones.
     *
     * @param metrics the families to read
     * @return one snapshot; a metric the host or group does not provide is absent, never zero
     * @throws GroupNotFoundException when none of the metrics asked for could be read: the group
     *                                is in no hierarchy of this host that has one (so always for
     *                                an empty {@code metrics})
     */
    public UsageSnapshot usage(Set<MetricFamily> metrics) {
        UsageSnapshot snapshot = new UsageReader(host.layout(), metrics).read(path);
        if (snapshot == null) {
            throw new GroupNotFoundException(path.toString(), describe(placements));
        }
        return snapshot;
    }

    // ---------------------------------------------------------------- helpers

    private static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : text.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String describe(List<Placement> where) {
        if (where.isEmpty()) {
            return "any hierarchy";
        }
        return where.stream().map(p -> p.hierarchy().label() + " (" + p.hierarchy().mountedAt() + ")")
                .collect(Collectors.joining(", "));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CgroupException("interrupted while waiting for the kernel");
        }
    }

    @Override
    public String toString() {
        return selection + ":" + path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cgroup other && other.path.equals(path) && other.selection.equals(selection);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + selection.hashCode();
    }
}
