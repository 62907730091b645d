package io.github.jcg.core;

import io.github.jcg.core.internal.GroupFiles;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.internal.fs.GroupTree;
import io.github.jcg.core.internal.fs.ProcessCgroupEntry;
import io.github.jcg.core.internal.fs.ProcessCgroupParser;
import io.github.jcg.core.limit.ControlFileRules;
import io.github.jcg.core.limit.Resources;
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
 * handle changes nothing; {@link #create()}, {@link #apply(Resources)}, {@link #attach(long)}
 * and {@link #delete(DeleteOptions)} do, each all or nothing.
 *
 * <p>Control files are found by name: {@code cpu.cfs_quota_us} goes to the hierarchy that
 * owns {@code cpu}, core files to the selected hierarchies, and on hybrid hosts files the v1
 * side lacks ({@code cpu.pressure}, {@code cgroup.kill}) to the v2 mount.
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

    public CgroupPath path() {
        return path;
    }

    public ControllerSelection selection() {
        return selection;
    }

    /** The hierarchies this handle creates, attaches and deletes in. */
    public List<Hierarchy> hierarchies() {
        return placements.stream().map(Placement::hierarchy).toList();
    }

    /** The group's directory in one hierarchy. */
    public Path directory(Hierarchy hierarchy) {
        return new Placement(hierarchy, path).dir();
    }

    /** True when the group exists in every selected hierarchy. */
    public boolean exists() {
        return placements.stream().allMatch(Placement::exists);
    }

    public Cgroup child(String name) {
        return host.group(path.child(name), selection);
    }

    public Cgroup parent() {
        return host.group(path.parent(), selection);
    }

    // ---------------------------------------------------------------- create

    /** Creates the group (and missing ancestors) in every selected hierarchy. */
    public Cgroup create() {
        return create(CreateOptions.defaults());
    }

    /**
     * Creates the group and any missing ancestors in every selected hierarchy. On v2 the
     * selected controllers are enabled in each ancestor's {@code cgroup.subtree_control},
     * from the root down. If any step fails, everything this call made is removed and every
     * controller it enabled is disabled again before the exception is thrown. Creating a
     * group that exists already is not an error (as with cgcreate).
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

    /** Deletes an empty group without children; see {@link #delete(DeleteOptions)}. */
    public void delete() {
        delete(DeleteOptions.defaults());
    }

    /**
     * Deletes the group in every selected hierarchy where it exists. Everything is checked
     * before anything is removed: children without {@code recursive}, or processes with
     * {@link DeleteOptions.OnPopulated#REFUSE}, are refused with a message and nothing changes.
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
                originIn(origin, p.hierarchy()).ifPresent(back -> undo.add(() -> writeId(p.at(back), PROCS, pid, true)));
            }
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
    }

    /** Moves a single thread ({@code tasks} on v1, {@code cgroup.threads} on v2). */
    public void attachThread(long tid) {
        if (tid <= 0) {
            throw new InvalidValueException("thread id", Long.toString(tid), "must be a positive thread id");
        }
        for (Placement p : placements) {
            p.requireGroup();
            writeId(p, p.isV2() ? "cgroup.threads" : "tasks", tid, false);
        }
    }

    /** Process ids in the group itself (not its children), from the first selected hierarchy. */
    public List<Long> processes() {
        Placement p = firstExisting();
        return p.readIds(PROCS);
    }

    /** Thread ids in the group itself. */
    public List<Long> threads() {
        Placement p = firstExisting();
        return p.readIds(p.isV2() ? "cgroup.threads" : "tasks");
    }

    /** Whether any process lives in the group or below it. */
    public boolean isPopulated() {
        for (Placement p : placements) {
            if (p.exists() && p.isV2()) {
                return p.read("cgroup.events").contains("populated 1");
            }
        }
        return !processesIn(placements.stream().filter(Placement::exists).map(this::subtreeOf).toList()).isEmpty();
    }

    /** Kills every process in the group and below it, and waits until they are gone. */
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

    private static Optional<CgroupPath> originIn(List<ProcessCgroupEntry> origin, Hierarchy h) {
        return origin.stream()
                .filter(e -> h.version() == CgroupVersion.V2 ? e.isUnified() : e.hierarchyId() == h.id())
                .findFirst()
                .flatMap(e -> h.translate(e.path()));
    }

    // ---------------------------------------------------------------- tree

    /** Child groups, in any selected hierarchy, sorted by name. */
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

    /** The kernel's text of a control file, found by name (see the class comment). */
    public String read(String file) {
        return locate(file).read(file);
    }

    /**
     * Writes a control file, found by name. Values for files jcg knows are checked first
     * ({@link ControlFileRules}); the kernel judges the rest.
     */
    public void write(String file, String value) {
        ControlFileRules.check(file, value);
        locate(file).write(file, value);
    }

    /** The hierarchy a control file of this group is read from and written to. */
    public Hierarchy hierarchyOf(String file) {
        return locate(file).hierarchy();
    }

    /** The regular files of this group's directory in one hierarchy, in the kernel's order. */
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
        List<Placement> candidates = candidates(file);
        for (Placement c : candidates) {
            if (c.exists() && c.hasFile(file)) {
                return Optional.of(c);
            }
        }
        Optional<Controller> owner = Controller.owningFile(file);
        if (owner.isPresent() && host.layout().hierarchyOf(owner.get()).isEmpty()) {
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
        List<Runnable> undo = new ArrayList<>();
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
            if (undo.isEmpty()) {
                throw e;
            }
            // the failure keeps its type (a refused write stays a KernelRefusedException, a wait
            // that timed out a CgroupException) and says what was undone
            List<String> failed = new UndoLog(undo).run();
            e.appendToMessage(failed.isEmpty()
                    ? " (the earlier writes of this change were undone)"
                    : " (undoing the earlier writes failed too: " + String.join("; ", failed) + ")");
            throw e;
        }
    }

    /** The group's limits as the kernel reports them, in the shared v1/v2 vocabulary. */
    public Resources resources() {
        firstExisting();
        return host.driver().read(files());
    }

    public void freeze() {
        apply(Resources.builder().frozen(true).build());
    }

    public void thaw() {
        apply(Resources.builder().frozen(false).build());
    }

    /**
     * Whether the kernel has frozen the group: v1's {@code freezer.state} reads FROZEN (not
     * FREEZING, a freeze under way), or v2's {@code cgroup.events} says {@code frozen 1}.
     * {@link #resources()} reports the state asked for instead, so a group being frozen reads
     * {@code frozen} there before it is frozen here.
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
                    + " available on this host (available: " + host.layout().describeAvailable() + ")");
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
                return where(file).filter(Placement::exists).flatMap(at -> at.readIfPresent(file));
            }

            @Override
            public boolean has(String file) {
                return where(file).filter(at -> at.exists() && at.hasFile(file)).isPresent();
            }

            @Override
            public CgroupPath path() {
                return path;
            }
        };
    }

    // ---------------------------------------------------------------- accounting

    /** What the group has used so far (CPU, throttling, memory, pids, IO, PSI, tasks). */
    public UsageSnapshot usage() {
        return usage(MetricFamily.all());
    }

    /** Only the metric families asked for: each family costs file reads. */
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
