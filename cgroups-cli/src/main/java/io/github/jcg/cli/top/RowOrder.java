package io.github.jcg.cli.top;

import io.github.jcg.core.CgroupPath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Sorts rows as systemd-cgtop does: by the chosen column, largest first, groups without a
 * value last, ties by path; and a parent always comes before its children (except when
 * sorting by tasks without recursive counting, where a parent's count says nothing about
 * its children's).
 *
 * <p>systemd-cgtop puts the parent rule inside its comparison function, which is then not
 * a total order when a child outranks its parent; here the rows are sorted by value first
 * and each row then pulls its not-yet-placed ancestors in front of it, which gives the same
 * result whenever systemd-cgtop's is well defined, and a stable one when it is not.
 */
public final class RowOrder {
    private RowOrder() {
    }

    public static List<GroupRow> sort(List<GroupRow> rows, Order order, CpuDisplay cpu, boolean parentsFirst) {
        List<GroupRow> byValue = new ArrayList<>(rows);
        byValue.sort(comparator(order, cpu));
        if (!parentsFirst) {
            return byValue;
        }
        Map<CgroupPath, GroupRow> present = new HashMap<>(rows.size() * 2);
        for (GroupRow r : rows) {
            present.put(r.path(), r);
        }
        Set<CgroupPath> placed = new HashSet<>(rows.size() * 2);
        List<GroupRow> out = new ArrayList<>(rows.size());
        for (GroupRow r : byValue) {
            place(r, present, placed, out);
        }
        return out;
    }

    /** Places a row after its ancestors among the rows, placing those first where they are not yet. */
    private static void place(GroupRow r, Map<CgroupPath, GroupRow> present, Set<CgroupPath> placed, List<GroupRow> out) {
        if (placed.contains(r.path())) {
            return;
        }
        if (!r.path().isRoot()) {
            // the nearest ancestor among the rows (a level may be missing: a group in no hierarchy read)
            for (CgroupPath a = r.path().parent(); ; a = a.parent()) {
                GroupRow ancestor = present.get(a);
                if (ancestor != null) {
                    place(ancestor, present, placed, out);
                    break;
                }
                if (a.isRoot()) {
                    break;
                }
            }
        }
        placed.add(r.path());
        out.add(r);
    }

    /** By value, largest first, missing values last, then by path. */
    static Comparator<GroupRow> comparator(Order order, CpuDisplay cpu) {
        Comparator<GroupRow> byPath = Comparator.comparing(GroupRow::path);
        return switch (order) {
            case PATH -> byPath;
            case TASKS -> descending(r -> r.tasks().isPresent() ? OptionalDouble.of(r.tasks().getAsLong()) : OptionalDouble.empty())
                    .thenComparing(byPath);
            case CPU -> (cpu == CpuDisplay.PERCENTAGE ? descending(GroupRow::cpuPercent)
                    : descending(r -> r.cpuNanos().isPresent() ? OptionalDouble.of(r.cpuNanos().getAsLong()) : OptionalDouble.empty()))
                    .thenComparing(byPath);
            case MEMORY -> descending(r -> r.memoryBytes().isPresent() ? OptionalDouble.of(r.memoryBytes().getAsLong()) : OptionalDouble.empty())
                    .thenComparing(byPath);
            case IO -> descending(GroupRow::ioBytesPerSecond).thenComparing(byPath);
        };
    }

    private static Comparator<GroupRow> descending(java.util.function.Function<GroupRow, OptionalDouble> key) {
        return (a, b) -> {
            OptionalDouble x = key.apply(a);
            OptionalDouble y = key.apply(b);
            if (x.isPresent() && y.isPresent()) {
                return Double.compare(y.getAsDouble(), x.getAsDouble());
            }
            if (x.isPresent()) {
                return -1;
            }
            return y.isPresent() ? 1 : 0;
        };
    }
}
