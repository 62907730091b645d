package io.github.jcg.core;

/** A group path given by a caller was refused before anything touched the disk. */
public final class InvalidGroupPathException extends CgroupException {
    private static final long serialVersionUID = 1L;

    /**
     * A refused path.
     *
     * @param path the path as the caller gave it
     * @param why  what is wrong with it, in words
     */
    public InvalidGroupPathException(String path, String why) {
        super("invalid group path " + Printable.quoted(path) + ": " + why, path, null, null, null, null);
    }

    /**
     * The same, about one control file of the group (a symbolic link planted as the file).
     *
     * @param path the group's path
     * @param why  what is wrong, in words
     * @param file the control file's name, reported by {@link #file()}
     */
    public InvalidGroupPathException(String path, String why, String file) {
        super("invalid group path " + Printable.quoted(path) + ": " + why, path, file, null, null, null);
    }
}
