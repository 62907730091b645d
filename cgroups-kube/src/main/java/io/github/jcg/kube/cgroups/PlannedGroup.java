package io.github.jcg.kube.cgroups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One cgroup the kubelet or the runtime makes, and the files written in it, in writing order.
 *
 * @param path      the cgroup path as cgroupfs spells it, under the kubelet's {@code cgroupRoot}:
 *                  {@code /kubepods/burstable/pod<uid>/app}
 * @param role      what the group is
 * @param container the container's name for a {@link GroupRole#CONTAINER} group, {@code ""}
 *                  otherwise. Real runtimes name a container's group by its container ID
 *                  (containerd: {@code pod<uid>/<64 hex>}); jcg has no IDs and uses the name
 * @param files     the writes, in the order runc makes them (on v1 the CFS period before the
 *                  quota); copied
 */
public record PlannedGroup(String path, GroupRole role, String container, List<PlannedFile> files) {

    /**
     * Copies the files and refuses missing parts.
     *
     * @param path      the cgroup path as cgroupfs spells it, under the kubelet's {@code cgroupRoot}: {@code /kubepods/burstable/pod<uid>/app}
     * @param role      what the group is
     * @param container the container's name for a {@link GroupRole#CONTAINER} group, {@code ""} otherwise. Real runtimes name a container's group by its container ID (containerd: {@code pod<uid>/<64 hex>}); jcg has no IDs and uses the name
     * @param files     the writes, in the order runc makes them (on v1 the CFS period before the quota); copied
     */
    public PlannedGroup {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(container, "container");
        files = List.copyOf(files);
    }

    /**
     * @param name a control file's name
     * @return its planned write, or empty when the plan leaves that file alone
     */
    public Optional<PlannedFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** @return file name → value, in writing order (what tests and printers compare) */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach(f -> out.put(f.name(), f.value()));
        return out;
    }

    /**
     * @param extra a write to add at the end
     * @return a copy with it (for tests and tools that inject a write)
     */
    public PlannedGroup with(PlannedFile extra) {
        List<PlannedFile> more = new java.util.ArrayList<>(files);
        more.add(extra);
        return new PlannedGroup(path, role, container, more);
    }
}
