package io.github.jcg.core.run;

import io.github.jcg.core.sample.UsageSnapshot;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How a run ended and what its whole process tree used, as the group's own accounting counts
 * it: every process the command started, daemons included, whether or not it waited for them.
 * Counters are what the run added (a group used before the run had its earlier counts
 * subtracted); a value the host does not account is empty, never zero.
 *
 * @param termination      why the run ended
 * @param exitStatus       the command's status as a shell reports it: its exit code, or 128 + the
 *                         signal that killed it
 * @param wallTime         from the start of the command to its end
 * @param cpuUserNanos     user-mode CPU time of the whole tree, ns
 * @param cpuSystemNanos   kernel-mode CPU time of the whole tree, ns
 * @param cpuTotalNanos    CPU time of the whole tree, ns (more precise than user + system on v1,
 *                         which counts those two in clock ticks)
 * @param memoryPeak       the most memory the group was charged at once
 * @param swapPeak         the most swap the group used at once
 * @param pidsPeak         the most tasks (processes and threads) the group held at once
 * @param oomKills         processes the kernel's OOM killer killed in the group
 * @param pidsLimitHits    forks refused at the group's {@code pids.max}
 * @param throttledPeriods CFS periods in which the group was throttled
 * @param throttledNanos   time the group spent throttled, ns
 * @param ioReadBytes      bytes read from block devices
 * @param ioWriteBytes     bytes written to block devices
 * @param leftOver         processes still in the group when the command ended, killed then
 * @param finalUsage       the group's last snapshot, taken after everything in it was gone
 */
public record RunResult(Termination termination, int exitStatus, Duration wallTime,
        OptionalLong cpuUserNanos, OptionalLong cpuSystemNanos, OptionalLong cpuTotalNanos,
        Optional<Peak> memoryPeak, Optional<Peak> swapPeak, Optional<Peak> pidsPeak,
        OptionalLong oomKills, OptionalLong pidsLimitHits, OptionalLong throttledPeriods, OptionalLong throttledNanos,
        OptionalLong ioReadBytes, OptionalLong ioWriteBytes, int leftOver, UsageSnapshot finalUsage) {

    /**
     * The signal that killed the command, read from the shell convention of
     * {@link #exitStatus()}: a status above 128 is taken as 128 + a signal. A command that
     * called {@code exit(137)} itself reads the same; the JDK, which reaps the process, reports
     * both alike.
     *
     * @return the signal number, or empty for a status of 128 or less
     */
    public OptionalInt signal() {
        return exitStatus > 128 && exitStatus < 128 + 65 ? OptionalInt.of(exitStatus - 128) : OptionalInt.empty();
    }
}
