package io.github.jcg.core;

/** A group path given by a caller was refused before anything touched the disk. */
public final class InvalidGroupPathException extends CgroupException {
    private static final long serialVersionUID = 1L;

    public InvalidGroupPathException(String path, String why) {
        super("invalid group path " + Printable.quoted(path) + ": " + why, path, null, null, null, null);
    }
}
