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
 *   <li>an entry whose name is not a control file's is a group, so the last level is not
 *       listed at all, and above it a directory whose link count says it has no
 *       subdirectories (kernfs keeps 2 + subdirectories) is not listed either — a listing
 *       would only show control files. A name taken for a group by mistake costs a failed
 *       open and is dropped, as its reader finds nothing;</li>
 *   <li>the tree is kept between passes, so a group seen before reuses its validated path,
 *       its path text and its files' {@link java.io.File}s, and a file it lacks is not
 *       tried on every pass.</li>
 * </ul>
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
    public SubtreeSampler(HostLayout layout, CgroupPath root, int maxDepth, Set<MetricGroup> metrics) {
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
                node.files = reader.pathsOf(node.path);
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
                walk(dir, root, names, 0);
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

    private void walk(File dir, Node parent, String[] names, int depth) {
        if (depth >= maxDepth) {
            return;
        }
        boolean lastLevel = depth + 1 >= maxDepth;
        for (String name : names) {
            if (isControlFileName(name)) {
                continue;
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
            if (hasNoSubdirectories(childDir)) {
                continue;
            }
            // null: a file after all, a group that just vanished, or one we may not list
            String[] childNames = childDir.list();
            if (childNames != null) {
                walk(childDir, child, childNames, depth + 1);
            }
        }
    }

    /**
     * kernfs (cgroup v1 and v2) counts a directory's links as two plus its subdirectories,
     * so two means a leaf, and one stat is cheaper than opening and reading a directory of
     * control files. Any other answer, or none, means "list it and see".
     */
    static boolean hasNoSubdirectories(File dir) {
        try {
            Object links = Files.getAttribute(dir.toPath(), "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            return links instanceof Integer n && n == 2;
        } catch (IOException | RuntimeException e) {
            return false;
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
        UsageReader.GroupPaths files;

        Node(CgroupPath path) {
            this.path = path;
            this.relative = path.isRoot() ? "" : "/" + path.relative();
        }
    }
}
