package io.github.jcg.core.limit;

import io.github.jcg.core.InvalidValueException;

/**
 * A block device by number, as the io and blkio files name it ({@code 8:0}).
 *
 * @param major the device's major number ({@code 8} for SCSI disks)
 * @param minor the device's minor number ({@code 0} for the first disk as a whole)
 */
public record BlockDevice(int major, int minor) {
    /**
     * Checks the numbers; whether the device exists is for the kernel to say (ENODEV on write).
     *
     * @param major the device's major number
     * @param minor the device's minor number
     * @throws InvalidValueException when either number is negative
     */
    public BlockDevice {
        if (major < 0 || minor < 0) {
            throw new InvalidValueException("block device", major + ":" + minor, "must be MAJ:MIN with non-negative numbers");
        }
    }

    /**
     * Reads {@code MAJ:MIN} as {@code lsblk} and the kernel's files print it.
     *
     * @param text two decimal numbers separated by a colon, without spaces
     * @return the device
     * @throws InvalidValueException when the text is not {@code MAJ:MIN} with non-negative numbers
     */
    public static BlockDevice parse(String text) {
        int colon = text.indexOf(':');
        try {
            if (colon > 0) {
                return new BlockDevice(Integer.parseInt(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new InvalidValueException("block device", "'" + text + "'", "must be MAJ:MIN, e.g. 8:0 (see lsblk)");
    }

    /** The kernel's spelling, {@code MAJ:MIN}, as {@link #parse} reads it. */
    @Override
    public String toString() {
        return major + ":" + minor;
    }
}
