package io.github.jcg.core.posix;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/** Lazily bound libc: the class (and jnr-ffi) loads only when something calls {@link #libc()}. */
public final class Posix {
    private Posix() {
    }

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    }

    public static LibC libc() {
        return Holder.LIBC;
    }

    /** errno of the last failed call made with {@code @SaveError}. */
    public static int lastErrno() {
        return Runtime.getRuntime(libc()).getLastError();
    }
}
