package io.github.jcg.cli.top;

import io.github.jcg.core.CgroupPath;

/**
 * What the view shows and how often. The live view changes some of these from the
 * keyboard (order, CPU display, delay, counting, limits), so this is deliberately mutable
 * and owned by one thread.
 */
final class TopSettings {
    static final long MIN_DELAY_MICROS = 250_000L;

    CgroupPath root = CgroupPath.root();
    int depth = 3;
    long delayMicros = 1_000_000L;
    /** 0: until quit. */
    int iterations = -1;
    boolean batch;
    boolean raw;
    Order order = Order.CPU;
    CpuDisplay cpu = CpuDisplay.PERCENTAGE;
    TaskCounting counting = TaskCounting.TASKS;
    boolean recursive = true;
    boolean limits;
    /** The OOM column: {@code memory.events} / {@code memory.oom_control} oom_kill. */
    boolean oomKills;
    /** The pressure columns: some avg10 of cpu.pressure, memory.pressure and io.pressure. */
    boolean pressure;
    boolean json;

    Columns columns() {
        return new Columns(counting, cpu, raw, limits, oomKills, pressure);
    }

    /** systemd-cgtop keeps parents before children unless sorting by non-recursive counts. */
    boolean parentsFirst() {
        return order != Order.TASKS || recursive;
    }

    /** {@code +}: a quarter second more below a second, a second more above. */
    void increaseDelay() {
        delayMicros += delayMicros < 1_000_000L ? 250_000L : 1_000_000L;
    }

    /** {@code -}: the reverse, never below a quarter second. */
    void decreaseDelay() {
        if (delayMicros <= 500_000L) {
            delayMicros = MIN_DELAY_MICROS;
        } else if (delayMicros < 1_250_000L) {
            delayMicros -= 250_000L;
        } else {
            delayMicros -= 1_000_000L;
        }
    }
}
