package io.github.jcg.cli.options;

import io.github.jcg.core.Ownership;
import io.github.jcg.core.ProcessIds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * cgcreate's {@code -a} and {@code -t}: {@code user:group}, {@code user} or {@code :group}, by
 * name (looked up in {@code /etc/passwd} and {@code /etc/group}) or by number (which libcgroup
 * refuses, but which is what a container's user usually is). A part left out keeps the owner
 * a new group gets anyway: this process's own uid or gid.
 */
public final class Owners {
    private final Path etc;
    private final int ownUid;
    private final int ownGid;

    public Owners(Path etc, int ownUid, int ownGid) {
        this.etc = etc;
        this.ownUid = ownUid;
        this.ownGid = ownGid;
    }

    /** Resolves names against the host's {@code /etc}, keeping this process's ids for parts left out. */
    public static Owners ofThisProcess(Path etc) {
        ProcessIds self = ProcessIds.current();
        return new Owners(etc, (int) self.uid(), (int) self.gid());
    }

    /** The owner {@code spec} names; throws with the unknown name otherwise. */
    public Ownership parse(String spec) {
        int colon = spec.indexOf(':');
        String user = colon < 0 ? spec : spec.substring(0, colon);
        String group = colon < 0 ? "" : spec.substring(colon + 1);
        if (user.isEmpty() && group.isEmpty()) {
            throw new IllegalArgumentException("'" + spec + "' names no owner; write user:group, user or :group");
        }
        int uid = user.isEmpty() ? ownUid : id(user, "passwd", "user");
        int gid = group.isEmpty() ? ownGid : id(group, "group", "group");
        return new Ownership(uid, gid);
    }

    private int id(String name, String database, String what) {
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                return Integer.parseInt(name);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " id " + name + " is out of range");
            }
        }
        return lookup(name, database).orElseThrow(() -> new IllegalArgumentException(
                "can't find the " + what + " '" + name + "' in " + etc.resolve(database) + "; give an existing name or a numeric id"));
    }

    /** The third field of the line that starts with {@code name:} ({@code name:x:id:...}). */
    private OptionalInt lookup(String name, String database) {
        List<String> lines;
        try {
            lines = Files.readAllLines(etc.resolve(database));
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        for (String line : lines) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 3 && fields[0].equals(name)) {
                try {
                    return OptionalInt.of(Integer.parseInt(fields[2]));
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
            }
        }
        return OptionalInt.empty();
    }
}
