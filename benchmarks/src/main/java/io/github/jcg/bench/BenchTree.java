package io.github.jcg.bench;

import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.CgroupPath;
import io.github.jcg.core.ControllerSelection;
import io.github.jcg.core.DeleteOptions;
import io.github.jcg.core.HierarchyMode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A tree of empty groups for the benchmarks, under one uniquely named parent in the
 * hierarchies the sampler reads, removed by {@link #close()}. Needs root.
 */
final class BenchTree implements AutoCloseable {
    final CgroupHost host = CgroupHost.discover();
    final String parent = "jcg-bench-" + UUID.randomUUID().toString().substring(0, 8);
    final List<CgroupPath> groups = new ArrayList<>();
    private final ControllerSelection controllers;

    /** {@code count} groups: {@code count / 100} (at least one) parents holding the rest. */
    BenchTree(int count) {
        controllers = host.mode() == HierarchyMode.UNIFIED
                ? ControllerSelection.parse("cpu,memory,pids,io")
                : ControllerSelection.parse("cpu,cpuacct,memory,pids,blkio");
        int parents = Math.max(1, count / 100);
        int perParent = Math.max(0, count / parents - 1);
        try {
            for (int p = 0; p < parents; p++) {
                CgroupPath top = CgroupPath.of(parent + "/p" + p);
                host.group(top, controllers).create();
                groups.add(top);
                for (int c = 0; c < perParent && groups.size() < count; c++) {
                    CgroupPath child = top.child("g" + c);
                    host.group(child, controllers).create();
                    groups.add(child);
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    CgroupPath root() {
        return CgroupPath.of(parent);
    }

    @Override
    public void close() {
        host.group(parent, controllers).delete(DeleteOptions.defaults().recursively()
                .onPopulated(DeleteOptions.OnPopulated.KILL).ignoringMissing());
    }
}
