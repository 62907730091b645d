package io.github.jcg.core.internal;

import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import java.util.List;

/**
 * What differs between cgroup v1 and v2 when limits are written and read: which files, in
 * which spelling, in which order. Planning is pure (text in, writes out) so it is tested
 * without a kernel; {@link Cgroup#apply(Resources)} executes a plan with rollback.
 */
public interface ResourceDriver {
    /**
     * The writes that make the group's settings match {@code wanted}, in a safe order.
     * Throws {@link InvalidValueException} for settings this version cannot express.
     */
    List<PlannedWrite> plan(Resources wanted, GroupFiles current, SharesWeightMapping mapping);

    /** The group's settings as the kernel reports them; absent files leave fields empty. */
    Resources read(GroupFiles current);

    /** Whether the group has reached the frozen state it was asked for. */
    boolean isFrozen(GroupFiles current);
}
