package io.github.jcg.core.sample;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.internal.fs.GroupTree;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
 *   <li>no stat per directory entry: the walk tells groups from control files by name
 *       ({@code GroupTree.Listing.BY_NAME}), the kernel's link counts saying where groups hide
 *       among names that look like control files; a directory without subdirectories, and
 *       the last level, are not listed at all;</li>
 *   <li>the tree is kept between passes, so a group seen before reuses its validated path,
 *       its path text and its files' {@link java.io.File}s, and a file it lacks is not
 *       tried on every pass.</li>
 * </ul>
 * A name taken for a group by mistake (a file of a controller jcg does not know) costs a
 * failed open and is dropped, as its reader finds nothing.
 */
public final class SubtreeSampler {
    private final HostLayout layout;
    private final UsageReader reader;
    private final List<String> mountDirs;
    private final Node root;
    private final int maxDepth;
    private int pass;

    /**
     * A sampler of the groups under {@code root}. Nothing is read until the first pass.
     *
     * @param layout   the host's hierarchies, from {@link io.github.jcg.core.CgroupHost#layout()}
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

    /**
     * The hierarchies this sampler walks and reads.
     *
     * @return the layout it was made with
     */
    public HostLayout layout() {
        return layout;
    }

    /**
     * One pass: the groups present now and a snapshot of each. The sampler keeps its tree between
     * passes, so call it from one thread at a time.
     *
     * @return the pass's start time and each group's snapshot, parents first and in path order;
     *         no groups when the root exists in none of the hierarchies read
     */
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

    /**
     * Rates for each group present in both samples, in {@code later}'s order.
     *
     * @param earlier the sample taken first
     * @param later   a later sample; when it is not later, every rate over time is empty
     * @return a new map of each group's rates by path; a group missing from either sample is absent
     */
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
     *
     * @return the groups' paths; empty when the root exists in none of the hierarchies read
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
            Path top = Path.of(mount + root.relative);
            if (Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
                root.seenInPass = pass;
                GroupTree.walk(top, root, GroupTree.Listing.BY_NAME, maxDepth, this::child);
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

    /** A group the walk found below {@code parent}: its node from an earlier pass, or a new one. */
    private Node child(Node parent, String name) {
        Node child = parent.children.get(name);
        if (child == null) {
            try {
                child = new Node(parent.path.kernelChild(name));
            } catch (RuntimeException e) {
                return null; // a name jcg cannot address safely; skip it rather than fail the pass
            }
            parent.children.put(name, child);
        }
        child.seenInPass = pass;
        return child;
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
