package io.github.jcg.demo;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.limit.CpuWeight;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.sample.MetricFamily;
import io.github.jcg.core.sample.SubtreeSampler;
import io.github.jcg.core.sample.UsageSnapshot;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The demo's own group: made fresh (never one that exists already), limited, sampled, and
 * removed again. Everything goes through the core library.
 */
final class DemoGroup {
    private final CgroupHost host;
    private final Cgroup group;
    private final String controllers;
    private final SubtreeSampler sampler;
    /** v2 ancestors whose cgroup.subtree_control did not have cpu before we created the group. */
    private final List<CgroupPath> cpuEnabledByUs = new ArrayList<>();
    private boolean created;

    private DemoGroup(CgroupHost host, Cgroup group, String controllers) {
        this.host = host;
        this.group = group;
        this.controllers = controllers;
        this.sampler = host.sampler(group.path(), 0, EnumSet.of(MetricFamily.CPU, MetricFamily.THROTTLING, MetricFamily.CPU_LIMIT));
    }

    /**
     * Checks that the group can be made here: a cpu controller, a parent that exists, and no
     * group of that name already (the demo never touches a group it did not create).
     */
    static DemoGroup plan(CgroupHost host, String name) {
        String controllers = Preflight.controllersFor(host.layout());
        Cgroup group = host.group(name, ControllerSelection.parse(controllers));
        if (group.path().isRoot()) {
            throw new DemoException("--group must name a new group, not the root");
        }
        for (Hierarchy h : group.hierarchies()) {
            if (Files.exists(group.directory(h))) {
                throw new DemoException("a group named " + group.path() + " exists already (" + group.directory(h)
                        + ") and the demo only uses a group it creates; pick another name with --group, or remove it first");
            }
            if (!Files.isDirectory(group.directory(h).getParent())) {
                throw new DemoException("the parent of " + group.path() + " does not exist (" + group.directory(h).getParent()
                        + "); create it first or choose a group directly under the root");
            }
        }
        return new DemoGroup(host, group, controllers);
    }

    String path() {
        return group.path().toString();
    }

    String controllers() {
        return controllers;
    }

    CgroupVersion version() {
        return host.layout().hierarchyOf(Controller.CPU).map(Hierarchy::version).orElse(CgroupVersion.V1);
    }

    List<String> directories() {
        return group.hierarchies().stream().map(h -> group.directory(h).toString()).toList();
    }

    /** Creates the group; on v2 remembers which ancestors had to have cpu enabled for it. */
    void create() {
        if (version() == CgroupVersion.V2) {
            for (CgroupPath ancestor : ancestors()) {
                Cgroup a = host.group(ancestor, ControllerSelection.parse(controllers));
                if (!words(a.read("cgroup.subtree_control")).contains("cpu")) {
                    cpuEnabledByUs.add(ancestor);
                }
            }
        }
        group.create();
        created = true;
    }

    void apply(CpuLimit limit) {
        group.apply(limit.resources());
    }

    /** Sets the group's CPU weight (v2 scale; written as cpu.shares on v1 with the core's mapping). */
    void weight(long weight) {
        group.apply(Resources.builder().cpuWeight(CpuWeight.weight(weight)).build());
    }

    /** One sample of the group's CPU accounting and throttling. */
    UsageSnapshot sample() {
        return sampler.sample().group(group.path())
                .orElseThrow(() -> new DemoException("the group " + group.path() + " disappeared while the demo ran"
                        + " (someone removed it)"));
    }

    List<Long> processes() {
        return group.processes();
    }

    /**
     * Removes the group, killing anything still in it, and on v2 disables cpu again in the
     * ancestors where creating it enabled cpu (when nothing else uses it there now).
     */
    void remove() {
        if (!created) {
            return;
        }
        group.delete(DeleteOptions.defaults().onPopulated(DeleteOptions.OnPopulated.KILL).ignoringMissing());
        for (int i = cpuEnabledByUs.size() - 1; i >= 0; i--) {
            try {
                host.group(cpuEnabledByUs.get(i), ControllerSelection.parse(controllers)).write("cgroup.subtree_control", "-cpu");
            } catch (CgroupException e) {
                // another group uses cpu there now (EBUSY): it is no longer only ours to disable
            }
        }
        created = false;
    }

    private List<CgroupPath> ancestors() {
        List<CgroupPath> out = new ArrayList<>();
        out.add(CgroupPath.root());
        List<CgroupPath> lineage = group.path().lineage();
        out.addAll(lineage.subList(0, lineage.size() - 1));
        return out;
    }

    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }
}
