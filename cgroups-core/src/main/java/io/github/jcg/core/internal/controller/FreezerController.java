package io.github.jcg.core.internal.controller;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.Controller;
import io.github.jcg.core.Hierarchy;
import io.github.jcg.core.HostLayout;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.internal.GroupFiles;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.internal.fs.FileBuffer;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import io.github.jcg.core.sample.Metric;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Freezing a group: v1's freezer controller ({@code freezer.state}) and v2's core file {@code cgroup.freeze} (v2 has no freezer controller; on a hybrid host a group outside the v1 freezer hierarchy is frozen through the v2 mount). */
public final class FreezerController extends ControllerModule {
    FreezerController() {
        super(Set.of(Controller.FREEZER));
    }

    // ---------------------------------------------------------------- limits and errors

    private static final String STATE_FILE = "freezer.state";
    private static final String FREEZE_FILE = "cgroup.freeze";
    private static final String EVENTS_FILE = "cgroup.events";
    private static final String FROZEN = "FROZEN";
    private static final String THAWED = "THAWED";

    /*
     * How a group is frozen, on each kind of host:
     *
     * - v1 freezer hierarchy, group in it: freezer.state, FROZEN or THAWED. The kernel reports
     *   FREEZING until every task has stopped, then FROZEN.
     * - v2 (no freezer controller there): the core file cgroup.freeze, 1 or 0, in every non-root
     *   group; cgroup.events says "frozen 1" once every task has stopped.
     * - hybrid host whose v1 freezer hierarchy does not hold the group (it was created in other
     *   controllers only): the group's directory on the v2 mount, through cgroup.freeze, as on v2.
     *   The kernel freezes a process wherever it asked, so this is the same freeze.
     *
     * Asked and reached are two things: read() reports the state asked for (FREEZING and FROZEN
     * read as frozen, cgroup.freeze 1 as frozen), isFrozen() whether the kernel has got there
     * (FROZEN, or "frozen 1" in cgroup.events). Cgroup.apply writes the one and waits for the
     * other.
     */

    /** The freezer's v1 hierarchy, or the v2 mount where cgroup.freeze is a core file of every group. */
    @Override
    public Optional<Hierarchy> hierarchy(HostLayout layout) {
        return layout.hierarchyOf(Controller.FREEZER).or(layout::unified);
    }

    @Override
    public void copy(Resources from, Resources.Builder into) {
        from.frozen().ifPresent(into::frozen);
    }

    /**
     * The write that freezes or thaws the group through the file it has: on v1
     * {@code freezer.state} where the group is in the freezer hierarchy, and otherwise (v2, or
     * a hybrid host's group outside that hierarchy) {@code cgroup.freeze} on the v2 mount.
     * Empty when the group has neither file.
     */
    public Optional<PlannedWrite> freezeWrite(GroupFiles current, CgroupVersion version, boolean frozen) {
        if (version == CgroupVersion.V1 && current.has(STATE_FILE)) {
            return Optional.of(write(CgroupVersion.V1, frozen));
        }
        if (current.has(FREEZE_FILE)) {
            return Optional.of(write(CgroupVersion.V2, frozen));
        }
        return Optional.empty();
    }

    private static PlannedWrite write(CgroupVersion version, boolean frozen) {
        return version == CgroupVersion.V1
                ? PlannedWrite.of(STATE_FILE, frozen ? FROZEN : THAWED)
                : PlannedWrite.of(FREEZE_FILE, frozen ? "1" : "0");
    }

    /**
     * {@link #freezeWrite}; a group with neither file gets the version's own file, so the
     * change fails on that missing file, in the host's words.
     */
    @Override
    public void plan(Resources wanted, GroupFiles current, CgroupVersion version, SharesWeightMapping mapping,
                     List<PlannedWrite> writes) {
        wanted.frozen().ifPresent(frozen -> writes.add(freezeWrite(current, version, frozen)
                .orElseGet(() -> write(version, frozen))));
    }

    /**
     * The state asked for: {@code freezer.state} other than THAWED (FREEZING included: a freeze
     * asked for and still under way), or {@code cgroup.freeze} 1 where the group is frozen
     * through the v2 mount. Whether the kernel has got there is {@link #isFrozen}.
     */
    @Override
    public void read(GroupFiles current, CgroupVersion version, Resources.Builder into) {
        Optional<String> state = version == CgroupVersion.V1 ? current.read(STATE_FILE) : Optional.empty();
        if (state.isPresent()) {
            into.frozen(!state.get().strip().equals(THAWED));
        } else {
            current.read(FREEZE_FILE).ifPresent(t -> into.frozen(t.strip().equals("1")));
        }
    }

    /**
     * Whether the kernel has frozen the group: {@code freezer.state} FROZEN (not FREEZING), or
     * {@code frozen 1} in {@code cgroup.events} where the group is frozen through the v2 mount.
     */
    public boolean isFrozen(GroupFiles current, CgroupVersion version) {
        Optional<String> state = version == CgroupVersion.V1 ? current.read(STATE_FILE) : Optional.empty();
        if (state.isPresent()) {
            return state.get().strip().equals(FROZEN);
        }
        return current.read(EVENTS_FILE).map(e -> e.contains("frozen 1")).orElse(false);
    }

    @Override
    public void check(String file, String value) {
        String v = value.strip();
        if (file.equals(STATE_FILE) && !v.equals(FROZEN) && !v.equals(THAWED)) {
            throw new InvalidValueException(file, "'" + value + "'", "must be FROZEN or THAWED");
        }
    }

    /** freezer-subsystem.rst (v1; v2's cgroup.freeze is a core file). */
    private static final Set<String> FILE_NAMES = Set.of("freezer.state", "freezer.self_freezing", "freezer.parent_freezing");

    @Override
    public Set<String> fileNames() {
        return FILE_NAMES;
    }

    // ---------------------------------------------------------------- sampling

    private static final int STATE = 0;
    private static final int EVENTS = 1;
    private static final byte[] FROZEN_WORD = key(FROZEN);
    private static final byte[] POPULATED_KEY = key("populated");
    private static final byte[] FROZEN_KEY = key("frozen");

    @Override
    public int sampleFileCount() {
        return 2;
    }

    /**
     * Frozen as {@link #isFrozen} tells it: {@code freezer.state} where the group is in a v1
     * freezer hierarchy, else {@code cgroup.events}. Populated is {@code cgroup.events} only: v1
     * has no such file (and a count of cgroup.procs would miss the descendants). On a hybrid
     * host both come from the v2 mount, where the group may live too, as the pressure files do.
     */
    @Override
    public void placeSampleFiles(SampleFiles files) {
        HostLayout layout = files.layout();
        files.place(STATE, layout.hierarchyOf(Controller.FREEZER).filter(h -> h.version() == CgroupVersion.V1), STATE_FILE,
                Metric.FROZEN);
        files.place(EVENTS, layout.unified(), EVENTS_FILE, Metric.POPULATED, Metric.FROZEN);
    }

    @Override
    public void sample(SampleReading r) {
        FileBuffer b = r.buffer();
        if (r.load(STATE)) {
            // FREEZING is not frozen yet: the kernel has not stopped every task
            r.put(Metric.FROZEN, b.firstTokenIs(FROZEN_WORD) ? 1 : 0);
        }
        boolean frozenToCome = r.wants(Metric.FROZEN) && !r.has(Metric.FROZEN);
        if ((r.wants(Metric.POPULATED) || frozenToCome) && r.load(EVENTS)) {
            r.put(Metric.POPULATED, b.keyed(POPULATED_KEY));
            if (frozenToCome) {
                r.put(Metric.FROZEN, b.keyed(FROZEN_KEY));
            }
        }
    }
}
