package io.github.jcg.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * cgget's output, byte for byte: an optional mode line, then per group a {@code <group>:}
 * header, one {@code name: value} per setting (a TAB before each continuation line of a
 * multi-line value) and a blank line. {@code -n} drops the header and the blank line, {@code -v}
 * the names. The two ways libcgroup reads a value are reproduced in {@link #askedValue} and
 * {@link #listedValue}, quirks included, because scripts parse what it prints.
 */
public final class GetFormat {
    /** libcgroup reads a value asked for with -r line by line through a 100-byte buffer. */
    private static final int LINE_BUFFER = 100;
    /** libcgroup reads a listed value in one 4096-byte buffer (CG_CONTROL_VALUE_MAX). */
    private static final int VALUE_BUFFER = 4096;

    /**
     * One setting.
     *
     * @param name    the control file name (in the vocabulary asked for)
     * @param value   the value as text, without the final newline (for JSON)
     * @param display the value as cgget prints it
     */
    public record Setting(String name, String value, String display) {
    }

    /** A group as asked for (the name exactly as given) and its settings in print order. */
    public record Group(String name, List<Setting> settings) {
    }

    private GetFormat() {
    }

    /**
     * A value asked for by name ({@code -r}): each line as {@code fgets} with a 100-byte buffer
     * returns it, so a line of 99 characters or more is cut into pieces, every piece after the
     * first on its own TAB-indented line; empty lines are kept.
     */
    public static String askedValue(String raw) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < raw.length()) {
            int newline = raw.indexOf('\n', start);
            int lineEnd = newline < 0 ? raw.length() : newline + 1;
            int end = Math.min(lineEnd, start + LINE_BUFFER - 1);
            String piece = raw.substring(start, end);
            pieces.add(piece.endsWith("\n") ? piece.substring(0, piece.length() - 1) : piece);
            start = end;
        }
        return String.join("\n\t", pieces);
    }

    /**
     * A value found by listing a controller ({@code -g}, {@code -a}, no option): at most 4095
     * bytes, one final newline dropped, empty lines dropped, continuation lines TAB-indented,
     * the result again at most 4095 characters.
     */
    public static String listedValue(String raw) {
        String v = raw.length() > VALUE_BUFFER - 1 ? raw.substring(0, VALUE_BUFFER - 1) : raw;
        if (v.endsWith("\n")) {
            v = v.substring(0, v.length() - 1);
        }
        if (v.indexOf('\n') < 0) {
            return v;
        }
        List<String> lines = new ArrayList<>();
        for (String line : v.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        String joined = String.join("\n\t", lines);
        return joined.length() > VALUE_BUFFER - 1 ? joined.substring(0, VALUE_BUFFER - 1) : joined;
    }

    /** The value without its final newline, for JSON. */
    public static String plainValue(String raw) {
        return raw.endsWith("\n") ? raw.substring(0, raw.length() - 1) : raw;
    }

    public static void text(PrintWriter out, List<Group> groups, boolean headers, boolean names) {
        for (Group g : groups) {
            if (headers) {
                out.print(g.name() + ":\n");
            }
            for (Setting s : g.settings()) {
                out.print((names ? s.name() + ": " : "") + s.display() + "\n");
            }
            if (headers) {
                out.print("\n");
            }
        }
        out.flush();
    }

    /** {@code {"mode": …, "groups": [{"group": "G", "values": {"cpu.shares": "512", …}}]}}. */
    public static void json(PrintWriter out, String mode, List<Group> groups) {
        Json.writeLine(out, json -> {
            json.writeStartObject();
            if (mode != null) {
                json.writeStringProperty("mode", mode);
            }
            json.writeName("groups");
            json.writeStartArray();
            for (Group g : groups) {
                json.writeStartObject();
                json.writeStringProperty("group", g.name());
                json.writeName("values");
                json.writeStartObject();
                for (Setting s : g.settings()) {
                    json.writeStringProperty(s.name(), s.value());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
