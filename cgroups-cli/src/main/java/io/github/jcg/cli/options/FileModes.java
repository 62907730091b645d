package io.github.jcg.cli.options;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** cgcreate's {@code -d}, {@code -f} and {@code -s}: an octal mode of three or four digits ({@code 755}). */
public final class FileModes {
    /** PosixFilePermission in the order of their bits, from 0400 down to 0001. */
    private static final PosixFilePermission[] BY_BIT = {
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};

    private FileModes() {
    }

    /**
     * The permissions an octal mode grants. The setuid, setgid and sticky bits of a four-digit
     * mode cannot be set through Java's file API and are refused rather than dropped silently.
     */
    public static Set<PosixFilePermission> parse(String text) {
        if (text.length() < 3 || text.length() > 4 || !text.chars().allMatch(c -> c >= '0' && c <= '7')) {
            throw new IllegalArgumentException("'" + text + "' is not a file mode; write three or four octal digits, e.g. 755");
        }
        int mode = Integer.parseInt(text, 8);
        if (mode > 0777) {
            throw new IllegalArgumentException("'" + text + "' sets the setuid, setgid or sticky bit, which cgroup files do not use;"
                    + " give three digits, e.g. " + Integer.toOctalString(mode & 0777));
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BY_BIT.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                permissions.add(BY_BIT[i]);
            }
        }
        return permissions;
    }
}
