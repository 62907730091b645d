package io.github.jcg.core.event;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * How a {@link GroupWatcher} waits: for the kernel's notifications where it sends them, and for
 * a timeout (the next poll) always. Groups and triggers are numbered by the watcher.
 *
 * <p>Threads: {@link #await} and the registrations are the consumer's, one thread at a time;
 * {@link #wakeUp()} may come from any thread; {@link #close()} only when no {@link #await} runs.
 */
interface Waker extends AutoCloseable {
    /**
     * The files whose notifications mean something to the watcher: the kernel calls
     * {@code kernfs_notify} on these when a value in them changes ({@code cgroup_file_notify}).
     * A write by a person to another file of the directory (cgroup.procs, cgroup.freeze) also
     * raises an inotify event, which is not worth a read.
     */
    Set<String> NOTIFYING_FILES = Set.of("cgroup.events", "memory.events", "pids.events", "memory.swap.events");

    /**
     * Asks for the kernel's notifications of changes in a group's directory.
     *
     * @param group the watcher's number for the group
     * @param dir   the group's directory in one hierarchy
     * @return false when notifications cannot be had there (the watcher polls the group instead)
     */
    boolean watch(int group, Path dir);

    /**
     * Sets a PSI trigger on a group's pressure file.
     *
     * @param group   the watcher's number for the group
     * @param number  the watcher's number for the trigger within the group
     * @param file    the group's pressure file
     * @param trigger the trigger
     * @throws io.github.jcg.core.CgroupException when the file cannot be opened or the kernel refuses the trigger
     * @throws UnsupportedOperationException      when this waker cannot wait for triggers
     */
    void trigger(int group, int number, Path file, PressureTrigger trigger);

    /**
     * Stops the notifications and triggers of a group that is gone.
     *
     * @param group the watcher's number for the group
     */
    void forget(int group);

    /**
     * Waits until a notification or trigger arrives, {@link #wakeUp()} is called, or the timeout
     * passes; it may also return earlier with nothing (the caller loops).
     *
     * @param timeoutNanos the most to wait; negative: no limit
     * @param woken        cleared by the caller; filled with what arrived
     * @throws InterruptedException when the thread was interrupted while waiting
     */
    void await(long timeoutNanos, Woken woken) throws InterruptedException;

    /** Makes a waiting {@link #await} return; from any thread, and harmless after {@link #close()}. */
    void wakeUp();

    /** Releases the waker's files and descriptors. */
    @Override
    void close();

    /** What one {@link #await} found. */
    final class Woken {
        /** Groups with a notification: read them. */
        final BitSet groups = new BitSet();
        /** Triggers that fired, each as {group, number}. */
        final List<int[]> triggers = new ArrayList<>();
        /** The kernel dropped notifications (inotify queue overflow): read every group. */
        boolean all;

        void clear() {
            groups.clear();
            triggers.clear();
            all = false;
        }
    }
}
