package io.github.jcg.core.sample;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Samples every group under a root, across all hierarchies (a v1 group that exists in
 * the cpu and memory hierarchies is one entry), and turns two samples into rates. The
 * engine of {@code jcg top} and of the demo.
 *
 * <p>Groups may appear or vanish between passes and processes may exit mid-read: a group
 * that disappears while being read is left out of that pass; nothing throws.
 */
public final class SubtreeSampler {
    private final HostLayout layout;
    private final CgroupPath root;
    private final int maxDepth;
    private final UsageReader reader;
    private final List<String> mountDirs = new ArrayList<>();

    /**
     * @param root     the subtree's root group ({@link CgroupPath#root()} for everything)
     * @param maxDepth how many levels below {@code root} to include (0: the root alone)
     */
    public SubtreeSampler(HostLayout layout, CgroupPath root, int maxDepth, Set<MetricGroup> metrics) {
        this.layout = layout;
        this.root = root;
        this.maxDepth = maxDepth;
        this.reader = new UsageReader(layout, metrics);
        for (Hierarchy h : layout.hierarchies()) {
            mountDirs.add(h.mountPoint().toString());
        }
    }

    public HostLayout layout() {
        return layout;
    }

    /** One pass: the groups present now and a snapshot of each. */
    public Sample sample() {
        long started = System.nanoTime();
        Map<CgroupPath, UsageSnapshot> snapshots = new LinkedHashMap<>();
        for (CgroupPath path : listGroups()) {
            UsageSnapshot snapshot = reader.read(path);
            if (snapshot != null) {
                snapshots.put(path, snapshot);
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

    /** Every group path under the root, to {@code maxDepth}, in any hierarchy, sorted. */
    public Set<CgroupPath> listGroups() {
        TreeSet<CgroupPath> paths = new TreeSet<>();
        String rel = root.isRoot() ? "" : "/" + root.relative();
        for (String mount : mountDirs) {
            File dir = new File(mount + rel);
            String[] names = dir.list();
            if (names != null) {
                paths.add(root);
                walk(dir, root, names, 0, paths);
            }
        }
        return paths;
    }

    private void walk(File dir, CgroupPath path, String[] names, int depth, Set<CgroupPath> out) {
        if (depth >= maxDepth) {
            return;
        }
        for (String name : names) {
            if (isControlFileName(name)) {
                continue;
            }
            File child = new File(dir, name);
            // list() answers null for a file or a group that just vanished: no stat needed
            String[] childNames = child.list();
            if (childNames == null) {
                continue;
            }
            CgroupPath childPath;
            try {
                childPath = path.kernelChild(name);
            } catch (RuntimeException e) {
                continue; // a name jcg cannot address safely; skip it rather than fail the pass
            }
            out.add(childPath);
            walk(child, childPath, childNames, depth + 1, out);
        }
    }

    /**
     * Control files are recognised by name so a pass needs no stat per entry: they carry a
     * controller or {@code cgroup.} prefix, or are one of v1's unprefixed files.
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

    private static final String[] FILE_PREFIXES = filePrefixes();

    private static String[] filePrefixes() {
        List<String> out = new ArrayList<>();
        out.add("cgroup");
        for (Controller c : Controller.values()) {
            out.add(c.kernelName());
        }
        return out.toArray(new String[0]);
    }
}
