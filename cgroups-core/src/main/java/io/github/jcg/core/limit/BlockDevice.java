package io.github.jcg.core.limit;

import io.github.jcg.core.InvalidValueException;

/** A block device by number, as the io and blkio files name it ({@code 8:0}). */
public record BlockDevice(int major, int minor) {
    public BlockDevice {
        if (major < 0 || minor < 0) {
            throw new InvalidValueException("block device", major + ":" + minor, "must be MAJ:MIN with non-negative numbers");
        }
    }

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

    @Override
    public String toString() {
        return major + ":" + minor;
    }
}
