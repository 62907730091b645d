package io.github.jcg.it.container;

import io.github.jcg.it.support.Result;

import java.util.HashMap;
import java.util.Map;

/**
 * What a group used over a window, measured inside the container by {@link #SAMPLE}: CPU
 * time from {@code cpuacct.usage}, wall time, and the CFS period counters of {@code cpu.stat}.
 *
 * @param share     CPU time / wall time (0.2 = a fifth of one CPU)
 * @param periods   CFS periods that passed
 * @param throttled of those, the ones in which the group was throttled
 */
public record CpuShare(double share, long periods, long throttled) {
    /**
     * A shell function: {@code sample GROUP SECONDS} prints {@code key=value} lines for a window
     * of SECONDS, reading both hierarchies (cpu and cpuacct are mounted apart on this host).
     */
    public static final String SAMPLE = """
            cpustat() { awk -v k="$2" '$1 == k {print $2}' "/sys/fs/cgroup/cpu$1/cpu.stat"; }
            sample() {
              u0=$(cat "/sys/fs/cgroup/cpuacct$1/cpuacct.usage"); t0=$(date +%s%N)
              p0=$(cpustat "$1" nr_periods); n0=$(cpustat "$1" nr_throttled)
              sleep "$2"
              u1=$(cat "/sys/fs/cgroup/cpuacct$1/cpuacct.usage"); t1=$(date +%s%N)
              p1=$(cpustat "$1" nr_periods); n1=$(cpustat "$1" nr_throttled)
              echo "usage=$((u1 - u0))"; echo "wall=$((t1 - t0))"
              echo "periods=$((p1 - p0))"; echo "throttled=$((n1 - n0))"
            }
            """;

    /**
     * A shell function: {@code await_comm PID NAME} waits until the process has replaced itself
     * with NAME (jcg exec's exec), and fails soon if it ended instead. A zombie for a moment is
     * not an end: the JVM calls execve from a thread that is not the thread-group leader, and
     * the leader shows as a zombie while the kernel hands its PID over.
     */
    public static final String AWAIT = """
            await_comm() {
              z=0
              for i in $(seq 300); do
                [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ] && return 0
                if [ ! -e "/proc/$1" ] || grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; then
                  z=$((z + 1))
                  [ $z -ge 10 ] && { echo "process $1 ended before it became $2" >&2; return 1; }
                else
                  z=0
                fi
                sleep 0.1
              done
              echo "process $1 did not become $2 within 30 s" >&2; return 1
            }
            """;

    /** Reads the {@code key=value} lines {@code sample} printed (other lines are ignored). */
    public static CpuShare parse(Result r) {
        Map<String, Long> v = new HashMap<>();
        for (String line : r.lines()) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(eq + 1).matches("-?\\d+")) {
                v.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
            }
        }
        if (!v.keySet().containsAll(java.util.List.of("usage", "wall", "periods", "throttled"))) {
            throw new AssertionError("no sample in: " + r);
        }
        return new CpuShare((double) v.get("usage") / v.get("wall"), v.get("periods"), v.get("throttled"));
    }
}
