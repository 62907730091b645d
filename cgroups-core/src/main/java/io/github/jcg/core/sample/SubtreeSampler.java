package io.github.jcg.core.sample;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.Controller;
import io.github.jcg.core.HostLayout;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Samples every group under a root, across the hierarchies its metrics come from (a v1
 * group that exists in the cpuacct and memory hierarchies is one entry), and turns two
 * samples into rates. The engine of {@code jcg top} and of the demo.
 *
 * <p>Groups may appear or vanish between passes and processes may exit mid-read: a group
 * that disappears while being read is left out of that pass; nothing throws.
 *
 * <p>What keeps a pass cheap on a tree of thousands of groups:
 * <ul>
 *   <li>only the hierarchies a wanted metric is read from are walked;</li>
 *   <li>no stat per directory entry: kernfs (cgroup v1 and v2) counts a directory's links as
 *       two plus its subdirectories, so one stat of a directory says how many groups its
 *       listing holds. An entry whose name carries no control-file prefix is a group; names
 *       that do ({@code cpu.batch} may be a group as well as {@code cpu.shares} a file — the
 *       kernel reserves only the names of its files) are looked at one by one only when the
 *       count says some groups are among them. A directory whose count is zero is not listed
 *       at all, and the last level is not listed either;</li>
 *   <li>the tree is kept between passes, so a group seen before reuses its validated path,
 *       its path text and its files' {@link java.io.File}s, and a file it lacks is not
 *       tried on every pass.</li>
 * </ul>
 * A name taken for a group by mistake (a file of a controller jcg does not know) costs a
 * failed open and is dropped, as its reader finds nothing.
 */
public final class SubtreeSampler {
    private static final String[] FILE_PREFIXES = filePrefixes();

    private final HostLayout layout;
    private final UsageReader reader;
    private final List<String> mountDirs;
    private final Node root;
    private final int maxDepth;
    private int pass;

    /**
     * @param root     the subtree's root group ({@link CgroupPath#root()} for everything)
     * @param maxDepth how many levels below {@code root} to include (0: the root alone)
     * @param metrics  the families to read; each costs file reads per group
     */
    public SubtreeSampler(HostLayout layout, CgroupPath root, int maxDepth, Set<MetricFamily> metrics) {
        this.layout = layout;
        this.reader = new UsageReader(layout, metrics);
        this.mountDirs = reader.mountPointsRead();
        this.root = new Node(root);
        this.maxDepth = maxDepth;
    }

    public HostLayout layout() {
        return layout;
    }

    /** One pass: the groups present now and a snapshot of each. */
    public Sample sample() {
        long started = System.nanoTime();
        Map<CgroupPath, UsageSnapshot> snapshots = new LinkedHashMap<>();
        for (Node node : list()) {
            if (node.files == null) {
                node.files = reader.handlesOf(node.path);
            }
            UsageSnapshot snapshot = reader.read(node.path, node.files);
            if (snapshot != null) {
                snapshots.put(node.path, snapshot);
            }
        }
        return new Sample(started, snapshots);
    }

    /** Rates for each group present in both samples, in {@code later}'s order. */
    public static Map<CgroupPath, UsageRates> rates(Sample earlier, Sample later) {
        Map<CgroupPath, UsageRates> out = new LinkedHashMap<>();
        for (UsageSnapshot now : later.snapshots()) {
            UsageSnapshot before = earlier.groups().get(now.path());
            if (before != null) {
                out.put(now.path(), UsageRates.between(before, now));
            }
        }
        return out;
    }

    /**
     * Every group under the root, to the maximum depth, in any hierarchy read, parents first
     * and in path order. (At the last level an entry is taken for a group by its name.)
     */
    public Set<CgroupPath> listGroups() {
        Set<CgroupPath> out = new LinkedHashSet<>();
        for (Node node : list()) {
            out.add(node.path);
        }
        return out;
    }

    private List<Node> list() {
        pass++;
        for (String mount : mountDirs) {
            File dir = new File(mount + root.relative);
            String[] names = dir.list();
            if (names != null) {
                root.seenInPass = pass;
                walk(dir, root, names, subdirectoryCount(dir), 0);
            }
        }
        List<Node> out = new ArrayList<>();
        if (root.seenInPass == pass) {
            collect(root, out);
        } else {
            root.children.clear();
        }
        return out;
    }

    private void collect(Node node, List<Node> out) {
        out.add(node);
        Iterator<Node> it = node.children.values().iterator();
        while (it.hasNext()) {
            Node child = it.next();
            if (child.seenInPass != pass) {
                it.remove(); // gone from every hierarchy since the last pass
            } else {
                collect(child, out);
            }
        }
    }

    /**
     * @param subdirectories how many of {@code names} are directories, from the link count of
     *                       {@code dir}; -1 when the file system does not say
     */
    private void walk(File dir, Node parent, String[] names, long subdirectories, int depth) {
        if (depth >= maxDepth) {
            return;
        }
        boolean lastLevel = depth + 1 >= maxDepth;
        long hidden = groupsAmongFileNames(names, subdirectories);
        for (String name : names) {
            if (isControlFileName(name)) {
                if (hidden == 0 || !isDirectory(dir, name)) {
                    continue;
                }
                hidden--;
            }
            Node child = parent.children.get(name);
            if (child == null) {
                try {
                    child = new Node(parent.path.kernelChild(name));
                } catch (RuntimeException e) {
                    continue; // a name jcg cannot address safely; skip it rather than fail the pass
                }
                parent.children.put(name, child);
            }
            child.seenInPass = pass;
            if (lastLevel) {
                continue;
            }
            File childDir = new File(dir, name);
            long below = subdirectoryCount(childDir);
            if (below == 0) {
                continue;
            }
            // null: a file after all, a group that just vanished, or one we may not list
            String[] childNames = childDir.list();
            if (childNames != null) {
                walk(childDir, child, childNames, below, depth + 1);
            }
        }
    }

    /**
     * How many names that look like control files must be groups: the directory's
     * subdirectories beyond the names without a control-file prefix. Unknown (not kernfs, and
     * a file system that does not keep the count) is {@link Long#MAX_VALUE}: look at each.
     */
    static long groupsAmongFileNames(String[] names, long subdirectories) {
        if (subdirectories <= 0) {
            return subdirectories == 0 ? 0 : Long.MAX_VALUE;
        }
        int plain = 0;
        for (String name : names) {
            if (!isControlFileName(name)) {
                plain++;
            }
        }
        return Math.max(0, subdirectories - plain);
    }

    private static boolean isDirectory(File dir, String name) {
        return Files.isDirectory(new File(dir, name).toPath(), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * kernfs (cgroup v1 and v2) counts a directory's links as two plus its subdirectories, as
     * tmpfs and ext4 do, so one stat tells how many groups a directory holds without listing
     * it. -1 when the answer is not of that form (no answer, or a file system such as btrfs
     * that keeps 1 for every directory).
     */
    static long subdirectoryCount(File dir) {
        try {
            Object links = Files.getAttribute(dir.toPath(), "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            return links instanceof Integer n && n >= 2 ? n - 2 : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Control files are recognised by name so a pass needs no stat per entry: they carry a
     * controller's, {@code cgroup.}'s or {@code irq.}'s prefix, or are one of v1's unprefixed files.
     */
    static boolean isControlFileName(String name) {
        switch (name) {
            case "tasks", "notify_on_release", "release_agent" -> {
                return true;
            }
            default -> {
                int dot = name.indexOf('.');
                if (dot <= 0) {
                    return false;
                }
                for (String prefix : FILE_PREFIXES) {
                    if (prefix.length() == dot && name.startsWith(prefix)) {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    private static String[] filePrefixes() {
        List<String> out = new ArrayList<>();
        out.add("cgroup");
        out.add("irq");
        for (Controller c : Controller.values()) {
            out.add(c.kernelName());
        }
        return out.toArray(new String[0]);
    }

    /** A group in the merged tree, kept between passes. */
    private static final class Node {
        final CgroupPath path;
        /** The path below a mount point: "" for the root, else "/a/b". */
        final String relative;
        /** Children by name, in the order {@link CgroupPath} sorts them. */
        final Map<String, Node> children = new TreeMap<>();
        int seenInPass;
        /** The group's control files, made on its first read and kept while it lives. */
        UsageReader.GroupHandles files;

        Node(CgroupPath path) {
            this.path = path;
            this.relative = path.isRoot() ? "" : "/" + path.relative();
        }
    }
}
