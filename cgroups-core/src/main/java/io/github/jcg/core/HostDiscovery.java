package io.github.jcg.core;

import io.github.jcg.core.internal.fs.ControllerStatus;
import io.github.jcg.core.internal.fs.MountInfoEntry;
import io.github.jcg.core.internal.fs.MountInfoParser;
import io.github.jcg.core.internal.fs.ProcCgroupsParser;
import io.github.jcg.core.internal.fs.ProcessCgroupEntry;
import io.github.jcg.core.internal.fs.ProcessCgroupParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out the host's cgroup layout from {@code /proc/self/mountinfo},
 * {@code /proc/cgroups} and {@code /proc/self/cgroup}.
 *
 * <p>mountinfo decides: {@code cgroup} mounts are v1 (their super options name the
 * controllers), {@code cgroup2} is v2. {@code /proc/cgroups} tells which controllers exist
 * and are enabled; {@code /proc/self/cgroup} gives our own group in each hierarchy, which
 * we translate against the mount's root (not "/" inside containers and bind mounts).
 */
final class HostDiscovery {
    private final HostPaths paths;

    /** @param paths where {@code /proc} is and what mount points are resolved against */
    public HostDiscovery(HostPaths paths) {
        this.paths = paths;
    }

    /**
     * Reads the three files and builds the layout. Only mountinfo is required; a missing
     * {@code /proc/cgroups} or {@code /proc/self/cgroup} reads as empty. The controllers of the
     * v2 hierarchy are those its mount's {@code cgroup.controllers} offers.
     *
     * @return the layout as of now; discovery is not repeated by the layout itself
     * @throws CgroupException when {@code self/mountinfo} cannot be read, or it lists no mount of
     *                         type {@code cgroup} or {@code cgroup2}
     */
    public HostLayout discover() {
        String mountinfo = readRequired(paths.procRoot().resolve("self/mountinfo"));
        List<ControllerStatus> statuses = ProcCgroupsParser.parse(readOptional(paths.procRoot().resolve("cgroups")));
        List<ProcessCgroupEntry> own = ProcessCgroupParser.parse(readOptional(paths.procRoot().resolve("self/cgroup")));
        return layoutOf(MountInfoParser.parse(mountinfo), statuses, own);
    }

    HostLayout layoutOf(List<MountInfoEntry> mounts, List<ControllerStatus> statuses, List<ProcessCgroupEntry> own) {
        Set<String> knownNames = new HashSet<>();
        statuses.forEach(s -> knownNames.add(s.name()));
        for (Controller c : Controller.values()) {
            knownNames.add(c.kernelName());
        }

        List<Hierarchy> hierarchies = new ArrayList<>();
        for (List<MountInfoEntry> sameHierarchy : groupByHierarchy(mounts, knownNames).values()) {
            hierarchies.add(hierarchyOf(sameHierarchy, knownNames, statuses, own));
        }
        boolean hasV1 = hierarchies.stream().anyMatch(h -> h.version() == CgroupVersion.V1);
        boolean hasV2 = hierarchies.stream().anyMatch(h -> h.version() == CgroupVersion.V2);
        if (!hasV1 && !hasV2) {
            throw new CgroupException("no cgroup filesystem is mounted (nothing of type cgroup or cgroup2 in "
                    + paths.procRoot().resolve("self/mountinfo") + "); mount one, e.g. mount -t cgroup2 none /sys/fs/cgroup");
        }
        HierarchyMode mode = hasV1 && hasV2 ? HierarchyMode.HYBRID : hasV2 ? HierarchyMode.UNIFIED : HierarchyMode.LEGACY;
        return new HostLayout(paths, mode, hierarchies, statuses);
    }

    /** Mounts of one hierarchy share a device number; several mounts of it are duplicates. */
    private static Map<String, List<MountInfoEntry>> groupByHierarchy(List<MountInfoEntry> mounts, Set<String> knownNames) {
        Map<String, List<MountInfoEntry>> byHierarchy = new LinkedHashMap<>();
        for (MountInfoEntry m : mounts) {
            if (!m.fsType().equals("cgroup") && !m.fsType().equals("cgroup2")) {
                continue;
            }
            // The device identifies the superblock; the controller set is a fallback for
            // synthetic mountinfo files that reuse a device number.
            String key = m.fsType() + "|" + m.device() + "|" + v1Controllers(m, knownNames) + "|" + v1Name(m).orElse("");
            byHierarchy.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        return byHierarchy;
    }

    private Hierarchy hierarchyOf(List<MountInfoEntry> mounts, Set<String> knownNames,
                                  List<ControllerStatus> statuses, List<ProcessCgroupEntry> own) {
        MountInfoEntry first = mounts.get(0);
        boolean v2 = first.fsType().equals("cgroup2");
        Set<String> controllerNames = v2 ? Set.of() : v1Controllers(first, knownNames);
        Optional<String> name = v2 ? Optional.empty() : v1Name(first);
        Optional<ProcessCgroupEntry> ownEntry = own.stream()
                .filter(e -> v2 ? e.isUnified() : matches(e, controllerNames, name))
                .findFirst();

        MountInfoEntry chosen = chooseMount(mounts, ownEntry.map(ProcessCgroupEntry::path));
        Path mountPoint = paths.resolveMountPoint(chosen.mountPoint());
        Set<Controller> controllers = EnumSet.noneOf(Controller.class);
        if (v2) {
            for (String c : readOptional(mountPoint.resolve("cgroup.controllers")).trim().split("\\s+")) {
                Controller.byName(c).ifPresent(controllers::add);
            }
        } else {
            controllerNames.forEach(c -> Controller.byName(c).ifPresent(controllers::add));
        }
        int id = v2 ? 0 : ownEntry.map(ProcessCgroupEntry::hierarchyId)
                .orElseGet(() -> statuses.stream().filter(s -> controllerNames.contains(s.name()))
                        .mapToInt(ControllerStatus::hierarchyId).findFirst().orElse(0));
        List<String> others = mounts.stream().filter(m -> m != chosen).map(MountInfoEntry::mountPoint).toList();
        Optional<String> ownPath = ownEntry.map(ProcessCgroupEntry::path);
        return new Hierarchy(id, v2 ? CgroupVersion.V2 : CgroupVersion.V1, mountPoint, chosen.mountPoint(),
                chosen.root(), controllers, name, ownPath,
                ownPath.flatMap(p -> Hierarchy.translate(chosen.root(), p)), others);
    }

    /**
     * Among duplicate mounts prefer one that shows the whole hierarchy, then one that
     * contains our own group, then the first.
     */
    private static MountInfoEntry chooseMount(List<MountInfoEntry> mounts, Optional<String> ownPath) {
        for (MountInfoEntry m : mounts) {
            if (m.root().equals("/")) {
                return m;
            }
        }
        if (ownPath.isPresent()) {
            for (MountInfoEntry m : mounts) {
                if (Hierarchy.translate(m.root(), ownPath.get()).isPresent()) {
                    return m;
                }
            }
        }
        return mounts.get(0);
    }

    private static boolean matches(ProcessCgroupEntry entry, Set<String> controllers, Optional<String> name) {
        if (entry.hierarchyId() == 0) {
            return false;
        }
        Set<String> listed = new HashSet<>();
        Optional<String> listedName = Optional.empty();
        for (String c : entry.controllers()) {
            if (c.startsWith("name=")) {
                listedName = Optional.of(c.substring(5));
            } else {
                listed.add(c);
            }
        }
        return listed.equals(controllers) && listedName.equals(name);
    }

    private static Set<String> v1Controllers(MountInfoEntry mount, Set<String> knownNames) {
        Set<String> out = new java.util.TreeSet<>();
        if (mount.fsType().equals("cgroup")) {
            for (String option : mount.superOptions()) {
                if (knownNames.contains(option)) {
                    out.add(option);
                }
            }
        }
        return out;
    }

    private static Optional<String> v1Name(MountInfoEntry mount) {
        if (!mount.fsType().equals("cgroup")) {
            return Optional.empty();
        }
        return mount.superOptions().stream().filter(o -> o.startsWith("name=")).map(o -> o.substring(5)).findFirst();
    }

    private static String readRequired(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new CgroupException("cannot read " + file + " (" + Errno.of(e) + "); is /proc mounted?",
                    null, file.toString(), null, Errno.of(e), e);
        }
    }

    private static String readOptional(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
