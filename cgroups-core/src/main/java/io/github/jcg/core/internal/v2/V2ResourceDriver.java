package io.github.jcg.core.internal.v2;

import io.github.jcg.core.limit.BlockDevice;
import io.github.jcg.core.limit.CpuList;
import io.github.jcg.core.limit.CpuWeight;
import io.github.jcg.core.internal.GroupFiles;
import io.github.jcg.core.limit.IoDeviceLimit;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.internal.PlannedWrite;
import io.github.jcg.core.internal.ResourceDriver;
import io.github.jcg.core.limit.Resources;
import io.github.jcg.core.limit.SharesWeightMapping;
import io.github.jcg.core.internal.fs.NestedKeyed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Limits in cgroup v2's files: {@code cpu.max}, {@code cpu.max.burst}, {@code cpu.weight},
 * {@code memory.max/high/low/min/swap.max}, {@code pids.max}, {@code io.max},
 * {@code cgroup.freeze}.
 */
public final class V2ResourceDriver implements ResourceDriver {
    static final String CPU_MAX = "cpu.max";
    private static final String[] IO_KEYS = {"rbps", "wbps", "riops", "wiops"};

    @Override
    public List<PlannedWrite> plan(Resources wanted, GroupFiles current, SharesWeightMapping mapping) {
        List<PlannedWrite> writes = new ArrayList<>();
        planCpuMax(wanted, current).ifPresent(writes::add);
        wanted.cpuBurstMicros().ifPresent(b -> writes.add(PlannedWrite.of("cpu.max.burst", Long.toString(b))));
        wanted.cpuWeight().ifPresent(w -> writes.add(PlannedWrite.of("cpu.weight", Long.toString(w.asWeight(mapping)))));
        wanted.cpusetCpus().ifPresent(c -> writes.add(PlannedWrite.of("cpuset.cpus", c.toString())));
        wanted.cpusetMems().ifPresent(m -> writes.add(PlannedWrite.of("cpuset.mems", m.toString())));
        wanted.memoryMin().ifPresent(l -> writes.add(PlannedWrite.of("memory.min", l.toV2String())));
        wanted.memoryLow().ifPresent(l -> writes.add(PlannedWrite.of("memory.low", l.toV2String())));
        wanted.memoryHigh().ifPresent(l -> writes.add(PlannedWrite.of("memory.high", l.toV2String())));
        wanted.memoryMax().ifPresent(l -> writes.add(PlannedWrite.of("memory.max", l.toV2String())));
        wanted.swapMax().ifPresent(l -> writes.add(PlannedWrite.of("memory.swap.max", l.toV2String())));
        wanted.pidsMax().ifPresent(l -> writes.add(PlannedWrite.of("pids.max", l.toV2String())));
        for (IoDeviceLimit io : wanted.io()) {
            if (io.readBps().isPresent() || io.writeBps().isPresent() || io.readIops().isPresent() || io.writeIops().isPresent()) {
                writes.add(ioMax(io));
            }
        }
        wanted.frozen().ifPresent(f -> writes.add(PlannedWrite.of("cgroup.freeze", f ? "1" : "0")));
        return writes;
    }

    /** {@code cpu.max} takes "$MAX $PERIOD"; a period alone keeps the quota in force. */
    private static Optional<PlannedWrite> planCpuMax(Resources wanted, GroupFiles current) {
        Optional<Limit> quota = wanted.cpuQuota();
        if (quota.isEmpty() && wanted.cpuPeriodMicros().isEmpty()) {
            return Optional.empty();
        }
        String max = quota.map(Limit::toV2String)
                .orElseGet(() -> current.read(CPU_MAX).map(t -> t.strip().split("\\s+")[0]).orElse("max"));
        String value = wanted.cpuPeriodMicros().isPresent() ? max + " " + wanted.cpuPeriodMicros().getAsLong() : max;
        return Optional.of(PlannedWrite.of(CPU_MAX, value));
    }

    private static PlannedWrite ioMax(IoDeviceLimit io) {
        List<Optional<Limit>> limits = List.of(io.readBps(), io.writeBps(), io.readIops(), io.writeIops());
        StringBuilder value = new StringBuilder(io.device().toString());
        for (int i = 0; i < IO_KEYS.length; i++) {
            int k = i;
            limits.get(i).ifPresent(l -> value.append(' ').append(IO_KEYS[k]).append('=').append(l.toV2String()));
        }
        String device = io.device().toString();
        return new PlannedWrite("io.max", value.toString(), previous -> {
            Map<String, String> old = NestedKeyed.parse(previous).getOrDefault(device, Map.of());
            StringBuilder restore = new StringBuilder(device);
            for (String key : IO_KEYS) {
                restore.append(' ').append(key).append('=').append(old.getOrDefault(key, "max"));
            }
            return List.of(restore.toString());
        });
    }

    @Override
    public Resources read(GroupFiles current) {
        Resources.Builder b = Resources.builder();
        current.read(CPU_MAX).ifPresent(text -> {
            String[] parts = text.strip().split("\\s+");
            b.cpuQuota(limit(parts[0]));
            if (parts.length > 1) {
                b.cpuPeriodMicros(Long.parseLong(parts[1]));
            }
        });
        current.read("cpu.max.burst").ifPresent(t -> b.cpuBurstMicros(Long.parseLong(t.strip())));
        current.read("cpu.weight").ifPresent(t -> b.cpuWeight(CpuWeight.weight(Long.parseLong(t.strip()))));
        current.read("cpuset.cpus").ifPresent(t -> b.cpusetCpus(CpuList.parse(t)));
        current.read("cpuset.mems").ifPresent(t -> b.cpusetMems(CpuList.parse(t)));
        current.read("memory.max").ifPresent(t -> b.memoryMax(limit(t)));
        current.read("memory.high").ifPresent(t -> b.memoryHigh(limit(t)));
        current.read("memory.low").ifPresent(t -> b.memoryLow(limit(t)));
        current.read("memory.min").ifPresent(t -> b.memoryMin(limit(t)));
        current.read("memory.swap.max").ifPresent(t -> b.swapMax(limit(t)));
        current.read("pids.max").ifPresent(t -> b.pidsMax(limit(t)));
        current.read("io.max").ifPresent(text -> NestedKeyed.parse(text).forEach((dev, keys) -> b.io(new IoDeviceLimit(
                BlockDevice.parse(dev), opt(keys, "rbps"), opt(keys, "wbps"), opt(keys, "riops"), opt(keys, "wiops")))));
        current.read("cgroup.freeze").ifPresent(t -> b.frozen(t.strip().equals("1")));
        return b.build();
    }

    @Override
    public boolean isFrozen(GroupFiles current) {
        return current.read("cgroup.events").map(e -> e.contains("frozen 1")).orElse(false);
    }

    private static Optional<Limit> opt(Map<String, String> keys, String key) {
        return Optional.ofNullable(keys.get(key)).map(V2ResourceDriver::limit);
    }

    static Limit limit(String text) {
        String t = text.strip();
        return t.equals("max") ? Limit.unlimited() : Limit.of(Long.parseLong(t));
    }
}
