package io.github.jcg.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated group path, relative to a hierarchy's mount point ({@code /} is the root group).
 *
 * <p>This is the only way jcg turns user text into a place on disk: the text is checked
 * once, here, and everything else works with segments that cannot climb out of a mount.
 * Like libcgroup, a leading {@code /} is allowed and means "from the hierarchy root", not
 * "from the filesystem root".
 */
public final class CgroupPath implements Comparable<CgroupPath> {
    /** Linux NAME_MAX: the longest directory name, in bytes. */
    public static final int MAX_SEGMENT_BYTES = 255;
    /** Linux PATH_MAX, in bytes: a longer path cannot be opened anyway. */
    public static final int MAX_PATH_BYTES = 4095;

    private static final CgroupPath ROOT = new CgroupPath(List.of());

    private final List<String> segments;
    /** Cached: paths are map keys on the sampler's hot path. */
    private final int hash;

    private CgroupPath(List<String> segments) {
        this.segments = List.copyOf(segments);
        this.hash = this.segments.hashCode();
    }

    /**
     * The root group of a hierarchy.
     *
     * @return the path with no segments, printed as {@code /}
     */
    public static CgroupPath root() {
        return ROOT;
    }

    /**
     * Validates a path a person or program gave. Refuses {@code ..} and {@code .}, empty
     * segments ({@code a//b}), NUL, newline and other control characters, names over 255
     * bytes, and the names of the kernel's control files ({@code cgroup.*}, {@code tasks},
     * {@code cpu.shares} …; see {@link ControlFileNames}), each with a message that says which
     * rule was broken. Other names with a controller's prefix ({@code cpu.batch}) are groups.
     *
     * @param text the path; a leading and a trailing {@code /} are optional, {@code /} alone is the root
     * @return the validated path
     * @throws InvalidGroupPathException when the text breaks one of the rules, or is null or
     *                                   longer than {@value #MAX_PATH_BYTES} bytes
     */
    public static CgroupPath of(String text) {
        return parse(text, true);
    }

    /**
     * A path the kernel printed ({@code /proc/<pid>/cgroup}); only the structural rules apply.
     *
     * @param text the path as printed
     * @return the path; a group named like a control file is accepted
     * @throws InvalidGroupPathException on {@code ..}, {@code .}, empty segments, control
     *                                   characters, or overlong names or paths
     */
    public static CgroupPath ofKernel(String text) {
        return parse(text, false);
    }

    private static CgroupPath parse(String text, boolean strict) {
        if (text == null) {
            throw new InvalidGroupPathException("null", "a group path is required (use / for the root group)");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw new InvalidGroupPathException(abbreviate(text), "is longer than " + MAX_PATH_BYTES + " bytes");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                throw new InvalidGroupPathException(text, "contains a NUL character");
            }
            if (c == '\n') {
                throw new InvalidGroupPathException(text, "contains a newline");
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new InvalidGroupPathException(text, "contains a control character (code " + (int) c + ")");
            }
        }
        String body = text.startsWith("/") ? text.substring(1) : text;
        if (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1);
        }
        if (body.isEmpty()) {
            if (text.length() > 1) {
                throw new InvalidGroupPathException(text, "has an empty segment (write / for the root group)");
            }
            return ROOT;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : body.split("/", -1)) {
            checkSegment(text, segment, strict);
            segments.add(segment);
        }
        return new CgroupPath(segments);
    }

    private static void checkSegment(String text, String segment, boolean strict) {
        if (segment.isEmpty()) {
            throw new InvalidGroupPathException(text, "has an empty segment ('//'); write each group name once");
        }
        if (segment.equals("..")) {
            throw new InvalidGroupPathException(text, "contains '..'; a group path may not climb out of its hierarchy");
        }
        if (segment.equals(".")) {
            throw new InvalidGroupPathException(text, "contains '.'; write the path without it");
        }
        if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            throw new InvalidGroupPathException(abbreviate(text),
                    "has a name longer than " + MAX_SEGMENT_BYTES + " bytes");
        }
        if (strict) {
            ControlFileNames.reason(segment).ifPresent(why -> {
                throw new InvalidGroupPathException(text, why);
            });
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /**
     * Whether this is the hierarchy's root group.
     *
     * @return true for {@code /}
     */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /**
     * The group names from the root down.
     *
     * @return an unmodifiable list; {@code [a, b]} for {@code /a/b}, empty for the root
     */
    public List<String> segments() {
        return segments;
    }

    /**
     * How far below the root the group lies.
     *
     * @return the number of segments: 0 for the root, 2 for {@code /a/b}
     */
    public int depth() {
        return segments.size();
    }

    /**
     * The last segment; "/" for the root.
     *
     * @return the group's own name, {@code b} for {@code /a/b}
     */
    public String name() {
        return isRoot() ? "/" : segments.get(segments.size() - 1);
    }

    /**
     * The parent group; the root is its own parent.
     *
     * @return the path without its last segment
     */
    public CgroupPath parent() {
        return isRoot() ? this : new CgroupPath(segments.subList(0, segments.size() - 1));
    }

    /**
     * A child, with its name validated like any other user text.
     *
     * @param name a relative path below this one; {@code b/c} adds two segments
     * @return the joined path
     * @throws InvalidGroupPathException when {@code name} fails {@link #of(String)}'s rules
     */
    public CgroupPath child(String name) {
        CgroupPath relative = of(name);
        List<String> joined = new ArrayList<>(segments);
        joined.addAll(relative.segments);
        return new CgroupPath(joined);
    }

    /**
     * A child whose name the kernel listed (a directory entry), not a person typed: only the
     * structural rules apply, so existing groups with unusual names stay reachable.
     *
     * @param name one directory name, as listed
     * @return the path with {@code name} added as one segment
     * @throws InvalidGroupPathException when {@code name} is empty, {@code .} or {@code ..}, or is
     *                                   longer than {@value #MAX_SEGMENT_BYTES} bytes
     */
    public CgroupPath kernelChild(String name) {
        checkSegment(name, name, false);
        List<String> joined = new ArrayList<>(segments);
        joined.add(name);
        return new CgroupPath(joined);
    }

    /**
     * Whether this group lies at or below another, segment by segment ({@code /ab} is not below {@code /a}).
     *
     * @param ancestor the possible ancestor
     * @return true when {@code ancestor} is this path or one of its ancestors; always true for the root
     */
    public boolean startsWith(CgroupPath ancestor) {
        return segments.size() >= ancestor.segments.size()
                && segments.subList(0, ancestor.segments.size()).equals(ancestor.segments);
    }

    /**
     * This path and every ancestor up to (not including) the root, outermost first.
     *
     * @return {@code [/a, /a/b]} for {@code /a/b}; empty for the root
     */
    public List<CgroupPath> lineage() {
        List<CgroupPath> out = new ArrayList<>();
        for (int i = 1; i <= segments.size(); i++) {
            out.add(new CgroupPath(segments.subList(0, i)));
        }
        return out;
    }

    /**
     * The path without a leading slash ("" for the root), for resolving against a mount.
     *
     * @return the segments joined by {@code /}, such as {@code a/b}
     */
    public String relative() {
        return String.join("/", segments);
    }

    /** The path as libcgroup prints it: {@code /a/b}, or {@code /} for the root. */
    @Override
    public String toString() {
        return "/" + relative();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof CgroupPath other && other.hash == hash && other.segments.equals(segments));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(CgroupPath other) {
        int n = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < n; i++) {
            int c = segments.get(i).compareTo(other.segments.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(segments.size(), other.segments.size());
    }
}
