package io.github.jcg.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One cgroup or cgroup2 line of a {@code /proc/<pid>/mountinfo}, read here independently of
 * jcg's own parser so the tests have something to compare jcg with.
 *
 * @param majorMinor  the superblock ({@code 0:29}): one per hierarchy, shared by all its mounts
 * @param root        the part of the hierarchy mounted there ({@code /} or e.g. {@code /docker/<id>})
 * @param mountPoint  where, with octal escapes decoded
 * @param v2          cgroup2 rather than cgroup
 * @param controllers v1 controllers from the super options (empty for v2 and named hierarchies)
 * @param name        a v1 hierarchy's {@code name=}
 * @param readOnly    mounted read-only
 */
public record CgroupMount(String majorMinor, String root, String mountPoint, boolean v2, List<String> controllers,
                          Optional<String> name, boolean readOnly) {
    /** The v1 super options that are not controllers. */
    private static final List<String> NOT_CONTROLLERS = List.of("rw", "ro", "noprefix", "clone_children", "xattr",
            "cpuset_v2_mode", "nsdelegate", "memory_recursiveprot", "memory_localevents", "favordynmods",
            "memory_hugetlb_accounting", "pids_localevents");

    /** The cgroup mounts in mountinfo text, in order. */
    public static List<CgroupMount> parse(String mountinfo) {
        List<CgroupMount> out = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            int dash = line.indexOf(" - ");
            if (dash < 0) {
                continue;
            }
            String[] pre = line.substring(0, dash).split(" ");
            String[] post = line.substring(dash + 3).split(" ");
            if (post.length < 3 || !(post[0].equals("cgroup") || post[0].equals("cgroup2"))) {
                continue;
            }
            boolean v2 = post[0].equals("cgroup2");
            List<String> controllers = new ArrayList<>();
            Optional<String> name = Optional.empty();
            if (!v2) {
                for (String opt : post[2].split(",")) {
                    if (opt.startsWith("name=")) {
                        name = Optional.of(opt.substring(5));
                    } else if (!NOT_CONTROLLERS.contains(opt) && !opt.contains("=")) {
                        controllers.add(opt);
                    }
                }
            }
            boolean ro = List.of(pre[5].split(",")).contains("ro");
            out.add(new CgroupMount(pre[2], unescape(pre[3]), unescape(pre[4]), v2, List.copyOf(controllers), name, ro));
        }
        return out;
    }

    /** The first mount of each hierarchy: the one a tool uses. */
    public static List<CgroupMount> firstPerHierarchy(List<CgroupMount> mounts) {
        List<CgroupMount> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (CgroupMount m : mounts) {
            if (!seen.contains(m.majorMinor())) {
                seen.add(m.majorMinor());
                out.add(m);
            }
        }
        return out;
    }

    /** How libcgroup names the hierarchy: {@code cpu,cpuacct}, {@code name=systemd}, or "" for v2. */
    public String label() {
        if (v2) {
            return "";
        }
        if (controllers.isEmpty()) {
            return name.map(n -> "name=" + n).orElse("");
        }
        return String.join(",", controllers);
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
