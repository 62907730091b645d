package io.github.jcg.core.internal.fs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses {@code /proc/<pid>/mountinfo} (proc(5)). Pure: text in, entries out. */
public final class MountInfoParser {
    private MountInfoParser() {
    }

    /** Parses every well-formed line; malformed lines are skipped rather than failing discovery. */
    public static List<MountInfoEntry> parse(String text) {
        List<MountInfoEntry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            MountInfoEntry entry = parseLine(line);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** One line, or {@code null} if it is not a mountinfo line. */
    static MountInfoEntry parseLine(String line) {
        String[] fields = line.trim().split(" ");
        // id parent maj:min root mountpoint options [optional...] - fstype source superoptions
        int separator = Arrays.asList(fields).indexOf("-");
        if (separator < 6 || fields.length < separator + 3) {
            return null;
        }
        try {
            return new MountInfoEntry(
                    Integer.parseInt(fields[0]),
                    Integer.parseInt(fields[1]),
                    fields[2],
                    unescape(fields[3]),
                    unescape(fields[4]),
                    List.of(fields[5].split(",")),
                    fields[separator + 1],
                    unescape(fields[separator + 2]),
                    fields.length > separator + 3 ? List.of(fields[separator + 3].split(",")) : List.of());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Decodes the kernel's octal escapes ({@code \040} for space, {@code \011} tab,
     * {@code \012} newline, {@code \134} backslash) in a mountinfo path field.
     */
    public static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}
