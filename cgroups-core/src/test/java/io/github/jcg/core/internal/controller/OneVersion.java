package io.github.jcg.core.internal.controller;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.internal.GroupFiles;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Every module planned and read in one version, in the registry's order, as on a host whose
 * controllers all sit on that version: what the v1 and v2 drivers did before the modules.
 */
final class OneVersion {
    private final CgroupVersion version;

    OneVersion(CgroupVersion version) {
        this.version = version;
    }

    List<PlannedWrite> plan(Resources wanted, GroupFiles current, SharesWeightMapping mapping) {
        List<PlannedWrite> writes = new ArrayList<>();
        for (ControllerModule module : Controllers.all()) {
            module.plan(wanted, current, version, mapping, writes);
        }
        return writes;
    }

    Resources read(GroupFiles current) {
        Resources.Builder out = Resources.builder();
        for (ControllerModule module : Controllers.all()) {
            module.read(current, version, out);
        }
        return out.build();
    }

    boolean isFrozen(GroupFiles current) {
        return Controllers.freezer().isFrozen(current, version);
    }
}
