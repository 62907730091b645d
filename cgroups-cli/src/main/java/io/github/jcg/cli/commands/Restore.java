package io.github.jcg.cli.commands;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import io.github.jcg.core.ControllerNotAvailableException;
import io.github.jcg.core.UndoLog;
import io.github.jcg.core.limit.IoDeviceLimit;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;

import java.util.Optional;

/**
 * How a command puts back what it changed when a later step fails, on the core's
 * {@link UndoLog}: a raw write remembers the file's previous text, typed limits the fields
 * they set ({@link #fieldsOf}).
 */
final class Restore {
    /** What a command's undo note calls the changes it took back. */
    static final String CHANGES = "changes of this command";

    private Restore() {
    }

    /**
     * Writes a control file and notes in {@code undo} how to put its previous text back; a file
     * whose text cannot be read first is written all the same, with nothing to put back.
     */
    static void write(UndoLog undo, Cgroup group, String file, String value) {
        Optional<String> before = previous(group, file);
        group.write(file, value);
        before.ifPresent(old -> undo.add(() -> group.write(file, old)));
    }

    private static Optional<String> previous(Cgroup group, String file) {
        try {
            String text = group.read(file);
            return Optional.of(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        } catch (CgroupException e) {
            return Optional.empty();
        }
    }

    /**
     * The group's limits now, to put back later; empty when the core cannot read them (its
     * {@code resources()} fails on hosts where a controller such as cpuset is not mounted).
     */
    static Optional<Resources> snapshot(Cgroup group) {
        try {
            return Optional.of(group.resources());
        } catch (ControllerNotAvailableException e) {
            return Optional.empty();
        }
    }

    /**
     * The fields {@code applied} set, with the values they had in {@code before}: every field of
     * {@link Resources}. A field {@code before} lacks (its file could not be read) is left out, except
     * an IO limit: a device or a direction the kernel lists no limit for had none, so it goes back
     * to no limit. The CPU quota and period go back together, as one setting.
     */
    static Resources fieldsOf(Resources applied, Resources before) {
        Resources.Builder b = Resources.builder();
        if (applied.cpuQuota().isPresent() || applied.cpuPeriodMicros().isPresent()) {
            before.cpuQuota().ifPresent(b::cpuQuota);
            before.cpuPeriodMicros().ifPresent(b::cpuPeriodMicros);
        }
        if (applied.cpuBurstMicros().isPresent()) {
            before.cpuBurstMicros().ifPresent(b::cpuBurstMicros);
        }
        if (applied.cpuWeight().isPresent()) {
            before.cpuWeight().ifPresent(b::cpuWeight);
        }
        if (applied.cpusetCpus().isPresent()) {
            before.cpusetCpus().ifPresent(b::cpusetCpus);
        }
        if (applied.cpusetMems().isPresent()) {
            before.cpusetMems().ifPresent(b::cpusetMems);
        }
        if (applied.memoryMax().isPresent()) {
            before.memoryMax().ifPresent(b::memoryMax);
        }
        if (applied.memoryHigh().isPresent()) {
            before.memoryHigh().ifPresent(b::memoryHigh);
        }
        if (applied.memoryLow().isPresent()) {
            before.memoryLow().ifPresent(b::memoryLow);
        }
        if (applied.memoryMin().isPresent()) {
            before.memoryMin().ifPresent(b::memoryMin);
        }
        if (applied.swapMax().isPresent()) {
            before.swapMax().ifPresent(b::swapMax);
        }
        if (applied.pidsMax().isPresent()) {
            before.pidsMax().ifPresent(b::pidsMax);
        }
        for (IoDeviceLimit set : applied.io()) {
            Optional<IoDeviceLimit> old = before.io().stream().filter(d -> d.device().equals(set.device())).findFirst();
            b.io(new IoDeviceLimit(set.device(),
                    ioBefore(set.readBps(), old.flatMap(IoDeviceLimit::readBps)),
                    ioBefore(set.writeBps(), old.flatMap(IoDeviceLimit::writeBps)),
                    ioBefore(set.readIops(), old.flatMap(IoDeviceLimit::readIops)),
                    ioBefore(set.writeIops(), old.flatMap(IoDeviceLimit::writeIops))));
        }
        if (applied.frozen().isPresent()) {
            before.frozen().ifPresent(b::frozen);
        }
        return b.build();
    }

    /** An IO direction's limit to put back: the one it had, or none; empty when it was not set. */
    private static Optional<Limit> ioBefore(Optional<Limit> set, Optional<Limit> old) {
        return set.isPresent() ? Optional.of(old.orElse(Limit.unlimited())) : Optional.empty();
    }
}
