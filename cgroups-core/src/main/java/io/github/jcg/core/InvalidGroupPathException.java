package io.github.jcg.core;

/** A group path given by a caller was refused before anything touched the disk. */
public final class InvalidGroupPathException extends CgroupException {
    private static final long serialVersionUID = 1L;

    public InvalidGroupPathException(String path, String why) {
        super("invalid group path " + quote(path) + ": " + why, path, null, null, null, null);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\0' -> out.append("\\0");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('\'').toString();
    }
}
