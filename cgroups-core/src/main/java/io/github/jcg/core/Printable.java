package io.github.jcg.core;

/**
 * Makes user- or kernel-supplied text safe to quote in a one-line message: control
 * characters become escapes ({@code \n}, {@code \t}, {@code \0}, {@code \x85} …) and long
 * text is shortened.
 */
final class Printable {
    private static final int MAX = 60;

    private Printable() {
    }

    static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> out.append("\\0");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.length() >= MAX && text.length() > MAX ? out.substring(0, MAX - 3) + "..." : out.toString();
    }

    /** The text in single quotes, escaped. */
    static String quoted(String text) {
        return "'" + of(text) + "'";
    }
}
