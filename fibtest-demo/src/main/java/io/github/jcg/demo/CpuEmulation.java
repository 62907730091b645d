package io.github.jcg.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the CPU is one QEMU emulates in software (TCG), as {@code /proc/cpuinfo} names it:
 * QEMU's own CPU models are called {@code QEMU Virtual CPU version 2.5+} (qemu64, the default)
 * or {@code QEMU TCG CPU version 2.5+} (max). A guest that runs on the real CPU (KVM with
 * {@code -cpu host}, a cloud VM, bare metal) shows the real model instead.
 *
 * <p>It matters to the demo's throughput rule: on an emulated CPU a CFS period costs the group
 * most of a 1 ms quota (measured: 0.7 to 0.9 ms, against about 0.08 ms on hardware), so the
 * choked workload does much less than quota/period of its baseline work; see {@link Checks}.
 */
final class CpuEmulation {
    static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private CpuEmulation() {
    }

    /** The emulated model's name, or empty for a real CPU (or when the file cannot be read). */
    static Optional<String> detect() {
        try {
            return emulatedModel(Files.readString(CPUINFO));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first {@code model name} of a cpuinfo text if it is one of QEMU's software models. */
    static Optional<String> emulatedModel(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
                String model = line.substring(colon + 1).strip();
                return model.startsWith("QEMU ") ? Optional.of(model) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
