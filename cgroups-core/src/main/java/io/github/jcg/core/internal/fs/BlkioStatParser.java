package io.github.jcg.core.internal.fs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses v1 {@code blkio.throttle.io_service_bytes} / {@code io_serviced} and friends:
 * lines {@code MAJ:MIN Read N}, {@code MAJ:MIN Write N}, ..., and a final {@code Total N}.
 * Also reads the v1 throttle limit files ({@code MAJ:MIN N} a line).
 */
public final class BlkioStatParser {
    private BlkioStatParser() {
    }

    /** Device → (operation, e.g. {@code Read} → count). The grand {@code Total} line is dropped. */
    public static Map<String, Map<String, Long>> parseStat(String text) {
        Map<String, Map<String, Long>> devices = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length != 3) {
                continue;
            }
            try {
                devices.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], Long.parseLong(f[2]));
            } catch (NumberFormatException e) {
                // skip a line we cannot read
            }
        }
        return devices;
    }

    /** Device → limit, from {@code blkio.throttle.read_bps_device} and the other three limit files. */
    public static Map<String, Long> parseLimits(String text) {
        Map<String, Long> limits = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2) {
                try {
                    limits.put(f[0], Long.parseLong(f[1]));
                } catch (NumberFormatException e) {
                    // skip
                }
            }
        }
        return limits;
    }
}
