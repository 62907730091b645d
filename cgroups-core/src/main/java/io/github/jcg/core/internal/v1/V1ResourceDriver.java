package io.github.jcg.core.internal.v1;

import io.github.jcg.core.limit.BlockDevice;
import io.github.jcg.core.limit.ByteQuantity;
import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.limit.CpuList;
import io.github.jcg.core.limit.CpuWeight;
import io.github.jcg.core.internal.GroupFiles;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.limit.IoDeviceLimit;
import io.github.jcg.core.limit.KernelRanges;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.internal.ResourceDriver;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import io.github.jcg.core.internal.fs.BlkioStatParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Limits in cgroup v1's files: {@code cpu.cfs_*}, {@code cpu.shares}, {@code memory.*_in_bytes},
 * {@code pids.max}, {@code blkio.throttle.*}, {@code freezer.state}. On hybrid hosts a group
 * outside the freezer hierarchy is frozen through the v2 mount's {@code cgroup.freeze}.
 *
 * <p>Memory limits: the kernel takes 0 to 2^64 − 1 and clamps at PAGE_COUNTER_MAX pages,
 * reading back {@link KernelRanges#V1_MEMORY_UNLIMITED}; jcg reads that or more as no limit
 * and writes no limit as {@code -1} (see {@link ByteQuantity} for the range).
 */
public final class V1ResourceDriver implements ResourceDriver {
    static final String QUOTA = "cpu.cfs_quota_us";
    static final String PERIOD = "cpu.cfs_period_us";
    static final String BURST = "cpu.cfs_burst_us";
    static final String SHARES = "cpu.shares";
    static final String MEMORY_LIMIT = "memory.limit_in_bytes";
    static final String SOFT_LIMIT = "memory.soft_limit_in_bytes";
    static final String MEMSW_LIMIT = "memory.memsw.limit_in_bytes";
    static final String FREEZER_STATE = "freezer.state";
    static final String V2_FREEZE = "cgroup.freeze";
    private static final String[] IO_FILES = {
            "blkio.throttle.read_bps_device", "blkio.throttle.write_bps_device",
            "blkio.throttle.read_iops_device", "blkio.throttle.write_iops_device"};

    @Override
    public List<PlannedWrite> plan(Resources wanted, GroupFiles current, SharesWeightMapping mapping) {
        List<PlannedWrite> writes = new ArrayList<>();
        planCpu(wanted, current, mapping, writes);
        wanted.cpusetCpus().ifPresent(c -> writes.add(PlannedWrite.of("cpuset.cpus", c.toString())));
        wanted.cpusetMems().ifPresent(m -> writes.add(PlannedWrite.of("cpuset.mems", m.toString())));
        planMemory(wanted, current, writes);
        wanted.pidsMax().ifPresent(p -> writes.add(PlannedWrite.of("pids.max", p.toV2String())));
        for (IoDeviceLimit io : wanted.io()) {
            planIo(io, writes);
        }
        wanted.frozen().ifPresent(frozen -> {
            if (current.has(FREEZER_STATE) || !current.has(V2_FREEZE)) {
                writes.add(PlannedWrite.of(FREEZER_STATE, frozen ? "FROZEN" : "THAWED"));
            } else {
                writes.add(PlannedWrite.of(V2_FREEZE, frozen ? "1" : "0"));
            }
        });
        return writes;
    }

    private void planCpu(Resources wanted, GroupFiles current, SharesWeightMapping mapping, List<PlannedWrite> writes) {
        Optional<PlannedWrite> quota = wanted.cpuQuota()
                .map(q -> PlannedWrite.of(QUOTA, q.isUnlimited() ? "-1" : Long.toString(q.value())));
        Optional<PlannedWrite> period = wanted.cpuPeriodMicros().isPresent()
                ? Optional.of(PlannedWrite.of(PERIOD, Long.toString(wanted.cpuPeriodMicros().getAsLong())))
                : Optional.empty();
        // The kernel checks quota/period against the parent's after each write, so the
        // intermediate state must not exceed the final ratio: shrinking the period goes
        // after the quota, growing it goes before.
        long currentPeriod = current.read(PERIOD).map(V1ResourceDriver::parseLongOrZero).orElse(0L);
        boolean periodFirst = period.isPresent() && wanted.cpuPeriodMicros().getAsLong() >= currentPeriod;
        if (periodFirst) {
            period.ifPresent(writes::add);
            quota.ifPresent(writes::add);
        } else {
            quota.ifPresent(writes::add);
            period.ifPresent(writes::add);
        }
        wanted.cpuBurstMicros().ifPresent(burst -> {
            if (!current.has(BURST)) {
                throw new InvalidValueException("cpu burst needs cpu.cfs_burst_us, which this kernel does not have (Linux 5.14 or later)");
            }
            writes.add(PlannedWrite.of(BURST, Long.toString(burst)));
        });
        wanted.cpuWeight().ifPresent(w -> writes.add(PlannedWrite.of(SHARES, Long.toString(w.asShares(mapping)))));
    }

    private void planMemory(Resources wanted, GroupFiles current, List<PlannedWrite> writes) {
        wanted.memoryLow().ifPresent(l -> {
            throw new InvalidValueException("memory.low has no cgroup v1 equivalent (v1 has a hard limit and a soft limit only);"
                    + " leave it unset on this host");
        });
        wanted.memoryMin().ifPresent(l -> {
            throw new InvalidValueException("memory.min has no cgroup v1 equivalent; leave it unset on this host");
        });
        Optional<PlannedWrite> limit = wanted.memoryMax().map(m -> PlannedWrite.of(MEMORY_LIMIT, v1Bytes(m)));
        Optional<PlannedWrite> memsw = wanted.swapMax().map(swap -> PlannedWrite.of(MEMSW_LIMIT, memswValue(wanted, current, swap)));
        if (memsw.isPresent() && !current.has(MEMSW_LIMIT)) {
            throw new InvalidValueException("swap limits need memory.memsw.limit_in_bytes, which this host lacks"
                    + " (swap accounting is off: boot with swapaccount=1)");
        }
        // limit_in_bytes may never exceed memsw.limit_in_bytes: raise memsw first, lower the limit first
        if (memsw.isPresent() && limit.isPresent()
                && bytesOf(wanted.memoryMax().get()) > bytesOf(current.read(MEMSW_LIMIT).map(V1ResourceDriver::readLimit).orElse(Limit.unlimited()))) {
            writes.add(memsw.get());
            writes.add(limit.get());
        } else {
            limit.ifPresent(writes::add);
            memsw.ifPresent(writes::add);
        }
        wanted.memoryHigh().ifPresent(h -> writes.add(PlannedWrite.of(SOFT_LIMIT, v1Bytes(h))));
    }

    /** v1 limits memory+swap together; v2 and jcg limit swap alone, so add the memory limit. */
    private static String memswValue(Resources wanted, GroupFiles current, Limit swap) {
        if (swap.isUnlimited()) {
            return "-1";
        }
        Limit memory = wanted.memoryMax().orElseGet(() -> current.read(MEMORY_LIMIT).map(V1ResourceDriver::readLimit).orElse(Limit.unlimited()));
        if (memory.isUnlimited()) {
            throw new InvalidValueException("swap max", swap.toString(),
                    "needs a memory limit on cgroup v1, where swap is limited together with memory (memory.memsw.limit_in_bytes); set a memory max too");
        }
        long memsw;
        try {
            memsw = Math.addExact(memory.value(), swap.value());
        } catch (ArithmeticException e) {
            // past 2^63 − 1 the kernel clamps to no limit anyway
            return "-1";
        }
        return Long.toString(memsw);
    }

    private static void planIo(IoDeviceLimit io, List<PlannedWrite> writes) {
        List<Optional<Limit>> limits = List.of(io.readBps(), io.writeBps(), io.readIops(), io.writeIops());
        String device = io.device().toString();
        for (int i = 0; i < IO_FILES.length; i++) {
            Optional<Limit> l = limits.get(i);
            if (l.isPresent()) {
                // v1 removes a rule with 0
                String value = device + " " + (l.get().isUnlimited() ? 0 : l.get().value());
                writes.add(new PlannedWrite(IO_FILES[i], value,
                        previous -> List.of(device + " " + BlkioStatParser.parseLimits(previous).getOrDefault(device, 0L))));
            }
        }
    }

    @Override
    public Resources read(GroupFiles current) {
        Resources.Builder b = Resources.builder();
        current.read(QUOTA).map(String::strip).ifPresent(q -> b.cpuQuota(q.equals("-1") ? Limit.unlimited() : Limit.of(Long.parseLong(q))));
        current.read(PERIOD).ifPresent(p -> b.cpuPeriodMicros(Long.parseLong(p.strip())));
        current.read(BURST).ifPresent(p -> b.cpuBurstMicros(Long.parseLong(p.strip())));
        current.read(SHARES).ifPresent(s -> b.cpuWeight(CpuWeight.shares(clampShares(Long.parseLong(s.strip())))));
        current.read("cpuset.cpus").ifPresent(c -> b.cpusetCpus(CpuList.parse(c)));
        current.read("cpuset.mems").ifPresent(m -> b.cpusetMems(CpuList.parse(m)));
        Optional<Limit> memory = current.read(MEMORY_LIMIT).map(V1ResourceDriver::readLimit);
        memory.ifPresent(b::memoryMax);
        current.read(SOFT_LIMIT).map(V1ResourceDriver::readLimit).ifPresent(b::memoryHigh);
        current.read(MEMSW_LIMIT).map(V1ResourceDriver::readLimit).ifPresent(memsw -> {
            if (memsw.isUnlimited() || memory.isEmpty() || memory.get().isUnlimited()) {
                b.swapMax(memsw.isUnlimited() ? Limit.unlimited() : memsw);
            } else {
                b.swapMax(Limit.of(Math.max(0, memsw.value() - memory.get().value())));
            }
        });
        current.read("pids.max").map(String::strip)
                .ifPresent(p -> b.pidsMax(p.equals("max") ? Limit.unlimited() : Limit.of(Long.parseLong(p))));
        readIo(current, b);
        current.read(FREEZER_STATE).map(String::strip).ifPresent(s -> b.frozen(!s.equals("THAWED")));
        return b.build();
    }

    private static void readIo(GroupFiles current, Resources.Builder b) {
        Map<String, Limit[]> byDevice = new LinkedHashMap<>();
        for (int i = 0; i < IO_FILES.length; i++) {
            int slot = i;
            current.read(IO_FILES[i]).ifPresent(text -> BlkioStatParser.parseLimits(text)
                    .forEach((dev, value) -> byDevice.computeIfAbsent(dev, d -> new Limit[4])[slot] =
                            value == 0 ? Limit.unlimited() : Limit.of(value)));
        }
        byDevice.forEach((dev, l) -> b.io(new IoDeviceLimit(BlockDevice.parse(dev),
                Optional.ofNullable(l[0]), Optional.ofNullable(l[1]), Optional.ofNullable(l[2]), Optional.ofNullable(l[3]))));
    }

    @Override
    public boolean isFrozen(GroupFiles current) {
        Optional<String> state = current.read(FREEZER_STATE);
        if (state.isPresent()) {
            return state.get().strip().equals("FROZEN");
        }
        return current.read("cgroup.events").map(e -> e.contains("frozen 1")).orElse(false);
    }

    static Limit readLimit(String text) {
        String t = text.strip();
        if (t.equals("-1")) {
            return Limit.unlimited();
        }
        // the kernel prints at most PAGE_COUNTER_MAX pages; a larger number (a fake tree, a
        // future kernel) is past the clamp all the same
        Limit limit = ByteQuantity.parseLimit(MEMORY_LIMIT, t, CgroupVersion.V1);
        return limit.isUnlimited() || limit.value() >= KernelRanges.V1_MEMORY_UNLIMITED ? Limit.unlimited() : limit;
    }

    private static String v1Bytes(Limit limit) {
        return limit.isUnlimited() ? "-1" : Long.toString(limit.value());
    }

    private static long bytesOf(Limit limit) {
        return limit.isUnlimited() ? Long.MAX_VALUE : limit.value();
    }

    private static long parseLongOrZero(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** cpu.shares reads back what was written, but a root group may show values outside 2..262144. */
    private static long clampShares(long value) {
        return Math.max(KernelRanges.MIN_SHARES, Math.min(KernelRanges.MAX_SHARES, value));
    }
}
