package io.github.jcg.core.internal.fs;

import io.github.jcg.core.Controller;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one walk of a cgroup directory tree: depth first, a group before the groups below it,
 * each directory's child groups in the order its {@link Listing} gives. A group is a directory
 * below a hierarchy's mount; the walk tells groups from control files and hands each group to a
 * {@link Visitor}, which makes the caller's node for it (a placement, a path, a sampler's node
 * kept between passes) or leaves it out. Walking several hierarchies into the same nodes merges
 * them, so a group present in several is one node.
 *
 * <p>Used for deleting and killing a subtree, {@code Cgroup.subtree()}, {@code lscgroup}'s listing
 * and the sampler of {@code jcg top} and the demo.
 */
public final class GroupTree {
    private static final String[] FILE_PREFIXES = filePrefixes();

    /** How a directory's child groups are found, and in which order they are visited. */
    public enum Listing {
        /**
         * Every entry that is a directory (looked at without following a symbolic link), in the
         * order the kernel lists the directory: lscgroup's order.
         */
        KERNEL_ORDER,
        /** The same groups, sorted by name ({@link String#compareTo}). */
        NAME_ORDER,
        /**
         * The cheap listing of a sampler that walks a tree of thousands of groups every second:
         * no stat per entry. kernfs (cgroup v1 and v2) counts a directory's links as two plus
         * its subdirectories, so one stat of a directory says how many groups its listing holds.
         * An entry whose name carries no control-file prefix is a group; names that do
         * ({@code cpu.batch} may be a group as well as {@code cpu.shares} a file: the kernel
         * reserves only the names of its files) are looked at one by one only when the count
         * says some groups are among them. A directory whose count is zero is not listed at all.
         * A name taken for a group by mistake (a file of a controller jcg does not know) is the
         * visitor's to drop when nothing can be read from it. In the kernel's order; a directory
         * that cannot be listed (gone, or not ours to list) has no child groups.
         */
        BY_NAME
    }

    /** What the walk does with each group it finds. */
    public interface Visitor<N> {
        /**
         * A group named {@code name} in {@code parent}'s directory: returns its node, which the
         * groups below it are handed with, or {@code null} to leave it and all below it out.
         */
        N child(N parent, String name);

        /**
         * {@code node}'s directory exists but could not be listed ({@link Listing#KERNEL_ORDER}
         * and {@link Listing#NAME_ORDER} only; a directory that is gone just has no children).
         * By default it is taken to have no child groups; a visitor may throw instead.
         */
        default void unlistable(N node, IOException e) {
        }
    }

    private GroupTree() {
    }

    /**
     * Walks the groups below {@code top} (which is {@code node}, not itself handed to the visitor),
     * at most {@code maxDepth} levels down: 1 visits the child groups only and lists none of
     * their directories, {@link Integer#MAX_VALUE} the whole tree.
     */
    public static <N> void walk(Path top, N node, Listing listing, int maxDepth, Visitor<N> visitor) {
        walk(top.toFile(), node, listing, maxDepth, 0, visitor);
    }

    private static <N> void walk(File dir, N node, Listing listing, int maxDepth, int depth, Visitor<N> visitor) {
        if (depth >= maxDepth) {
            return;
        }
        List<String> groups;
        try {
            groups = listing == Listing.BY_NAME ? groupsByName(dir) : groups(dir.toPath(), listing);
        } catch (IOException e) {
            visitor.unlistable(node, e);
            return;
        }
        for (String name : groups) {
            N child = visitor.child(node, name);
            if (child != null) {
                walk(new File(dir, name), child, listing, maxDepth, depth + 1, visitor);
            }
        }
    }

    /**
     * The child groups of one directory, looking at every entry ({@link Listing#KERNEL_ORDER} or
     * {@link Listing#NAME_ORDER}); none when the directory is gone.
     *
     * @throws IOException when the directory is there but cannot be listed
     */
    public static List<String> groups(Path dir, Listing listing) throws IOException {
        if (listing == Listing.BY_NAME) {
            throw new IllegalArgumentException("groups() looks at every entry; BY_NAME is for walks");
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(entry.getFileName().toString());
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of(); // removed while we walked: no children now
        }
        if (listing == Listing.NAME_ORDER) {
            names.sort(String::compareTo);
        }
        return names;
    }

    private static List<String> groupsByName(File dir) {
        long subdirectories = subdirectoryCount(dir);
        if (subdirectories == 0) {
            return List.of();
        }
        // null: a file after all, a group that just vanished, or one we may not list
        String[] names = dir.list();
        if (names == null) {
            return List.of();
        }
        long hidden = groupsAmongFileNames(names, subdirectories);
        List<String> groups = new ArrayList<>();
        for (String name : names) {
            if (isControlFileName(name)) {
                if (hidden == 0 || !Files.isDirectory(new File(dir, name).toPath(), LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                hidden--;
            }
            groups.add(name);
        }
        return groups;
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
}
