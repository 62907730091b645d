package io.github.jcg.cli.top;

import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.Controller;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists the groups of a subtree in the hierarchies top reads from, merged into one tree.
 *
 * <p>A workaround for cost, kept here until the core sampler does the same:
 * <ul>
 *   <li>the core's walk lists every directory it finds, leaves included, only to learn that
 *       they are directories. In a cgroup file system an entry whose name is not a control
 *       file's is a group, so the last level needs no listing; on a tree of 1,000 groups
 *       three levels deep that skips nearly every directory read. A name taken for a group by
 *       mistake costs a failed open and is dropped by the reader, which finds nothing there;</li>
 *   <li>above the last level, a directory whose link count says it has no subdirectories
 *       is not listed either (one stat instead of an open and a read of every control
 *       file name);</li>
 *   <li>the tree is kept between passes, so a group seen before reuses its validated path
 *       and its path text instead of building and checking them again for every hierarchy
 *       on every refresh. Groups not seen in a pass are dropped from the tree.</li>
 * </ul>
 */
final class TreeLister {
    private static final String[] FILE_PREFIXES = filePrefixes();

    /** A group in the merged tree. */
    static final class Group {
        final CgroupPath path;
        /** The path below a mount point: "" for the root, else "/a/b". */
        final String relative;
        /** Children by name, in the order {@link CgroupPath} sorts them. */
        final Map<String, Group> children = new TreeMap<>();
        private int seenInPass;

        Group(CgroupPath path) {
            this.path = path;
            this.relative = path.isRoot() ? "" : "/" + path.relative();
        }
    }

    private final List<String> mountDirs;
    private final Group root;
    private final int maxDepth;
    private int pass;

    TreeLister(List<String> mountDirs, CgroupPath root, int maxDepth) {
        this.mountDirs = List.copyOf(mountDirs);
        this.root = new Group(root);
        this.maxDepth = maxDepth;
    }

    /** Every group under the root, to the maximum depth, in any of the mounts, parents first, in path order. */
    List<Group> list() {
        pass++;
        for (String mount : mountDirs) {
            File dir = new File(mount + root.relative);
            String[] names = dir.list();
            if (names != null) {
                root.seenInPass = pass;
                walk(dir, root, names, 0);
            }
        }
        List<Group> out = new ArrayList<>();
        if (root.seenInPass == pass) {
            collect(root, out);
        } else {
            root.children.clear();
        }
        return out;
    }

    private void collect(Group g, List<Group> out) {
        out.add(g);
        Iterator<Group> it = g.children.values().iterator();
        while (it.hasNext()) {
            Group child = it.next();
            if (child.seenInPass != pass) {
                it.remove(); // gone from every hierarchy since the last pass
            } else {
                collect(child, out);
            }
        }
    }

    private void walk(File dir, Group parent, String[] names, int depth) {
        if (depth >= maxDepth) {
            return;
        }
        boolean lastLevel = depth + 1 >= maxDepth;
        for (String name : names) {
            if (isControlFileName(name)) {
                continue;
            }
            Group child = parent.children.get(name);
            if (child == null) {
                try {
                    child = new Group(parent.path.kernelChild(name));
                } catch (RuntimeException e) {
                    continue; // a name jcg cannot address safely
                }
                parent.children.put(name, child);
            }
            child.seenInPass = pass;
            if (lastLevel) {
                continue;
            }
            File childDir = new File(dir, name);
            if (hasNoSubdirectories(childDir)) {
                continue; // a leaf: its listing would hold only control files
            }
            String[] childNames = childDir.list();
            // null: a file after all, a group that just vanished, or one we may not list;
            // the reader sorts those out, so only a listed directory is walked into
            if (childNames != null) {
                walk(childDir, child, childNames, depth + 1);
            }
        }
    }

    /**
     * A directory's link count is two plus its subdirectories on kernfs (cgroup v1 and v2),
     * as on most file systems: two means a leaf, and one stat is cheaper than opening and
     * reading a directory of control files. Any other answer (btrfs says 1), or none, means
     * "list it and see".
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
     * Control files carry a controller's or {@code cgroup.}'s prefix ({@code irq.pressure}
     * too, on v2), or are one of v1's unprefixed files.
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
}
