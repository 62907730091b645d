package io.github.jcg.core.limit;

import io.github.jcg.core.InvalidValueException;

import java.util.Optional;

/**
 * Throttling for one block device: bytes and operations per second, read and write.
 * An empty field leaves that limit as it is; {@link Limit#unlimited()} removes it.
 * Bounded values must be at least 1 (v1 uses 0 to mean "remove").
 *
 * @param device    the device the limits apply to
 * @param readBps   bytes read per second (v2 {@code rbps}, v1 {@code blkio.throttle.read_bps_device})
 * @param writeBps  bytes written per second (v2 {@code wbps}, v1 {@code blkio.throttle.write_bps_device})
 * @param readIops  read operations per second (v2 {@code riops}, v1 {@code blkio.throttle.read_iops_device})
 * @param writeIops write operations per second (v2 {@code wiops}, v1 {@code blkio.throttle.write_iops_device})
 */
public record IoDeviceLimit(BlockDevice device, Optional<Limit> readBps, Optional<Limit> writeBps,
                            Optional<Limit> readIops, Optional<Limit> writeIops) {
    /**
     * Checks the bounded values.
     *
     * @param device    the device the limits apply to
     * @param readBps   bytes read per second; empty leaves it as it is
     * @param writeBps  bytes written per second; empty leaves it as it is
     * @param readIops  read operations per second; empty leaves it as it is
     * @param writeIops write operations per second; empty leaves it as it is
     * @throws InvalidValueException when a bounded value is below 1
     */
    public IoDeviceLimit {
        check("read bps", readBps);
        check("write bps", writeBps);
        check("read iops", readIops);
        check("write iops", writeIops);
    }

    private static void check(String what, Optional<Limit> limit) {
        limit.filter(l -> !l.isUnlimited() && l.value() < 1).ifPresent(l -> {
            throw new InvalidValueException("io " + what, Long.toString(l.value()), "must be at least 1, or no limit");
        });
    }
}
