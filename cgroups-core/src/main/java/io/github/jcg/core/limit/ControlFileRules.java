package io.github.jcg.core.limit;

import io.github.jcg.core.CgroupVersion;
import io.github.jcg.core.InvalidValueException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a raw value for a control file jcg knows before it is written, so a typo is
 * refused with the accepted range instead of reaching the kernel (which answers only
 * "Invalid argument"). Files jcg does not know go to the kernel unchecked.
 */
public final class ControlFileRules {
    private static final Pattern DEVICE = Pattern.compile("\\d+:\\d+");
    private static final Set<String> IO_MAX_KEYS = Set.of("rbps", "wbps", "riops", "wiops");

    private ControlFileRules() {
    }

    /** Throws {@link InvalidValueException} when {@code value} cannot be right for {@code file}. */
    public static void check(String file, String value) {
        String v = value.strip();
        switch (file) {
            case "cpu.cfs_quota_us" -> {
                if (!v.equals("-1")) {
                    KernelRanges.checkRange(file, number(file, v, "-1 (no limit) or a number of µs"),
                            KernelRanges.MIN_CFS_MICROS, KernelRanges.MAX_CFS_QUOTA_MICROS, " µs, or -1 for no limit");
                }
            }
            case "cpu.cfs_period_us" -> KernelRanges.checkPeriod(file, number(file, v, "a number of µs"));
            case "cpu.cfs_burst_us", "cpu.max.burst" -> KernelRanges.checkRange(file,
                    number(file, v, "a number of µs"), 0, KernelRanges.MAX_CFS_QUOTA_MICROS, " µs");
            case "cpu.shares" -> KernelRanges.checkRange(file, number(file, v, "a number of shares"),
                    KernelRanges.MIN_SHARES, KernelRanges.MAX_SHARES, "");
            case "cpu.weight" -> KernelRanges.checkRange(file, number(file, v, "a weight"),
                    KernelRanges.MIN_WEIGHT, KernelRanges.MAX_WEIGHT, "");
            case "cpu.weight.nice" -> KernelRanges.checkRange(file, number(file, v, "a nice value"), -20, 19, "");
            case "cpu.max" -> checkCpuMax(v);
            case "memory.limit_in_bytes", "memory.soft_limit_in_bytes", "memory.memsw.limit_in_bytes" ->
                    ByteQuantity.parseLimit(file, v, CgroupVersion.V1);
            case "memory.max", "memory.high", "memory.low", "memory.min", "memory.swap.max", "memory.zswap.max" ->
                    ByteQuantity.parseLimit(file, v, CgroupVersion.V2);
            case "pids.max" -> {
                if (!v.equals("max")) {
                    KernelRanges.checkRange(file, number(file, v, "max or a number of processes"), 0, KernelRanges.MAX_PIDS,
                            ", or max for no limit");
                }
            }
            case "cpuset.cpus", "cpuset.mems" -> CpuList.parse(v);
            case "freezer.state" -> {
                if (!v.equals("FROZEN") && !v.equals("THAWED")) {
                    throw new InvalidValueException(file, "'" + value + "'", "must be FROZEN or THAWED");
                }
            }
            case "cgroup.freeze" -> oneOf(file, v, "0", "1");
            case "cgroup.kill" -> oneOf(file, v, "1");
            case "cpu.idle" -> oneOf(file, v, "0", "1");
            case "cgroup.procs", "cgroup.threads", "tasks" -> {
                if (number(file, v, "a process id") < 0) {
                    throw new InvalidValueException(file, v, "must be a process id (0 means the writer itself)");
                }
            }
            case "cgroup.subtree_control" -> checkSubtreeControl(v);
            case "io.max" -> checkIoMax(v);
            case "blkio.throttle.read_bps_device", "blkio.throttle.write_bps_device",
                 "blkio.throttle.read_iops_device", "blkio.throttle.write_iops_device" -> checkBlkioLimit(file, v);
            default -> {
                // unknown to jcg: the kernel is the judge
            }
        }
    }

    private static long number(String file, String v, String expected) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(file, "'" + v + "'", "must be " + expected);
        }
    }

    private static void oneOf(String file, String v, String... allowed) {
        for (String a : allowed) {
            if (a.equals(v)) {
                return;
            }
        }
        throw new InvalidValueException(file, "'" + v + "'", "must be " + String.join(" or ", allowed));
    }

    private static void checkCpuMax(String v) {
        String[] parts = v.split("\\s+");
        if (parts.length == 0 || parts.length > 2 || parts[0].isEmpty()) {
            throw new InvalidValueException("cpu.max", "'" + v + "'", "must be '$MAX $PERIOD' (e.g. '50000 100000' or 'max 100000')");
        }
        if (!parts[0].equals("max")) {
            KernelRanges.checkRange("cpu.max quota", number("cpu.max", parts[0], "max or a quota in µs"),
                    KernelRanges.MIN_CFS_MICROS, KernelRanges.MAX_CFS_QUOTA_MICROS, " µs, or max");
        }
        if (parts.length == 2) {
            KernelRanges.checkPeriod("cpu.max period", number("cpu.max", parts[1], "a period in µs"));
        }
    }

    private static void checkSubtreeControl(String v) {
        for (String token : v.split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if ((token.charAt(0) != '+' && token.charAt(0) != '-') || token.length() == 1) {
                throw new InvalidValueException("cgroup.subtree_control", "'" + token + "'",
                        "takes +name to enable and -name to disable a controller (e.g. '+cpu -io')");
            }
        }
    }

    private static void checkIoMax(String v) {
        String[] parts = v.split("\\s+");
        if (parts.length < 2 || !DEVICE.matcher(parts[0]).matches()) {
            throw new InvalidValueException("io.max", "'" + v + "'",
                    "must be 'MAJ:MIN key=value...' with keys rbps, wbps, riops, wiops (e.g. '8:0 rbps=1048576')");
        }
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = eq < 0 ? parts[i] : parts[i].substring(0, eq);
            if (eq < 0 || !IO_MAX_KEYS.contains(key)) {
                throw new InvalidValueException("io.max", "'" + parts[i] + "'", "must be one of rbps=, wbps=, riops=, wiops=");
            }
            String limit = parts[i].substring(eq + 1).toLowerCase(Locale.ROOT);
            if (!limit.equals("max") && number("io.max " + key, limit, "max or a positive number") < 1) {
                throw new InvalidValueException("io.max " + key, limit, "must be at least 1, or max");
            }
        }
    }

    private static void checkBlkioLimit(String file, String v) {
        String[] parts = v.split("\\s+");
        if (parts.length != 2 || !DEVICE.matcher(parts[0]).matches()) {
            throw new InvalidValueException(file, "'" + v + "'", "must be 'MAJ:MIN LIMIT' (e.g. '8:0 1048576'; 0 removes the limit)");
        }
        if (number(file, parts[1], "a number") < 0) {
            throw new InvalidValueException(file, parts[1], "must be 0 (no limit) or more");
        }
    }
}
