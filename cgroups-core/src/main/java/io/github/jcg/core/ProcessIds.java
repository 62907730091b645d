package io.github.jcg.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's user and group ids, read from {@code /proc/self/status} (the JDK's own
 * accessor lives in jdk.security.auth, a module a minimal runtime may leave out).
 *
 * @param uid          real user id
 * @param effectiveUid effective user id (what the kernel checks cgroup writes against)
 * @param gid          real group id
 */
public record ProcessIds(long uid, long effectiveUid, long gid) {
    /**
     * This process's ids, read now from {@code /proc/self/status}.
     *
     * @return the real and effective user id and the real group id
     * @throws CgroupException when the file cannot be read or lacks its {@code Uid:} and {@code Gid:} lines
     */
    public static ProcessIds current() {
        return of(Path.of("/proc/self/status"));
    }

    static ProcessIds of(Path status) {
        long[] uids = null;
        long[] gids = null;
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Uid:")) {
                    uids = numbers(line);
                } else if (line.startsWith("Gid:")) {
                    gids = numbers(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new CgroupException("cannot read this process's ids from " + status + " (" + e.getMessage() + "); is /proc mounted?");
        }
        if (uids == null || gids == null || uids.length < 2 || gids.length < 1) {
            throw new CgroupException("no Uid:/Gid: lines in " + status + "; is /proc mounted?");
        }
        return new ProcessIds(uids[0], uids[1], gids[0]);
    }

    /**
     * Whether the kernel treats this process as root.
     *
     * @return true when the effective user id is 0 (capabilities are not looked at)
     */
    public boolean isRoot() {
        return effectiveUid == 0;
    }

    private static long[] numbers(String line) {
        String[] f = line.substring(4).strip().split("\\s+");
        long[] out = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = Long.parseLong(f[i]);
        }
        return out;
    }
}
