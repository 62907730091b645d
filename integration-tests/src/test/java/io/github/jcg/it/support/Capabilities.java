package io.github.jcg.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Capability sets as {@code /proc/<pid>/status} shows them ({@code CapBnd: 000001fffeffffff}),
 * decoded to the names Docker's {@code --cap-add} takes (without the {@code CAP_} prefix).
 *
 * <p>Why: {@code docker run --privileged} asks for every capability the runtime knows, and
 * fails on a host whose bounding set lacks one (this one lacks CAP_SYS_RESOURCE). The test
 * containers instead get exactly the host's bounding set.
 */
public final class Capabilities {
    /** Capability numbers 0.. in the kernel's order (include/uapi/linux/capability.h). */
    static final List<String> NAMES = List.of(
            "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID",
            "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW",
            "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT",
            "SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD",
            "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG",
            "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE");

    /**
     * A decoded set.
     *
     * @param names        the capabilities this code knows by name, in number order
     * @param unknownBits  set bits beyond {@link #NAMES} (capabilities newer than this list)
     */
    public record Decoded(List<String> names, List<Integer> unknownBits) {
        public Decoded {
            names = List.copyOf(names);
            unknownBits = List.copyOf(unknownBits);
        }
    }

    private Capabilities() {
    }

    /** This process's bounding set: the most any process it starts can ever hold. */
    public static Decoded hostBoundingSet() {
        try {
            return decode(field(Files.readString(Path.of("/proc/self/status")), "CapBnd"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hex mask of a {@code CapXxx:} line of a status file. */
    public static long field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                return Long.parseUnsignedLong(line.substring(name.length() + 1).strip(), 16);
            }
        }
        throw new IllegalArgumentException("no " + name + " line in the status text");
    }

    public static Decoded decode(long mask) {
        List<String> names = new ArrayList<>();
        List<Integer> unknown = new ArrayList<>();
        for (int bit = 0; bit < 64; bit++) {
            if ((mask & (1L << bit)) != 0) {
                if (bit < NAMES.size()) {
                    names.add(NAMES.get(bit));
                } else {
                    unknown.add(bit);
                }
            }
        }
        return new Decoded(names, unknown);
    }
}
