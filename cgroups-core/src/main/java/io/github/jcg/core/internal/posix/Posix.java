package io.github.jcg.core.internal.posix;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Lazily bound libc: the class (and jnr-ffi) loads only when something calls {@link #libc()} or
 * {@link #events()}, each bound on its own first use.
 */
public final class Posix {
    private Posix() {
    }

    private static final class Holder {
        static final LibC LIBC = bind(LibC.class);
    }

    /** The calls of the event watcher's native wake-up, bound apart so that exec does not pay for them. */
    private static final class EventHolder {
        static final EventCalls CALLS = bind(EventCalls.class);
    }

    private static <T> T bind(Class<T> calls) {
        // jnr-ffi's default invoker generates a class per method with ASM at run time
        // (about twice the start-up cost, and nothing a class-data-sharing archive can
        // hold); exec makes a handful of calls once, so the reflective invoker is the
        // better trade. An explicit setting by the user wins.
        if (System.getProperty("jnr.ffi.asm.enabled") == null) {
            System.setProperty("jnr.ffi.asm.enabled", "false");
        }
        useNativeCache();
        return LibraryLoader.create(calls).load("c");
    }

    /**
     * jffi, under jnr-ffi, ships its native stub inside the jar and by default copies it to a
     * fresh temporary file on every start, naming it with a SecureRandom (initialising the
     * security providers costs more than the copy). Given a cache folder in the
     * {@code jcg.native.cache} property (the launcher passes one), the stub is copied there
     * once and loaded from there.
     */
    private static void useNativeCache() {
        String cache = System.getProperty("jcg.native.cache");
        if (cache == null || System.getProperty("jffi.boot.library.path") != null) {
            return;
        }
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch64";
            default -> null;
        };
        if (arch == null) {
            return;
        }
        java.nio.file.Path dir = java.nio.file.Path.of(cache);
        java.nio.file.Path lib = dir.resolve(System.mapLibraryName("jffi-1.2"));
        try {
            if (!java.nio.file.Files.isRegularFile(lib)) {
                try (java.io.InputStream in = Posix.class.getResourceAsStream("/jni/" + arch + "-Linux/" + lib.getFileName())) {
                    if (in == null) {
                        return;
                    }
                    java.nio.file.Files.createDirectories(dir);
                    java.nio.file.Path partial = java.nio.file.Files.createTempFile(dir, "jffi", ".part");
                    java.nio.file.Files.copy(in, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    java.nio.file.Files.move(partial, lib, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.setProperty("jffi.boot.library.path", dir.toString());
        } catch (java.io.IOException | RuntimeException e) {
            // no cache then: jffi extracts to a temporary file as it always does
        }
    }

    public static LibC libc() {
        return Holder.LIBC;
    }

    /** The calls {@code io.github.jcg.core.event} needs (poll, inotify, eventfd), bound on first use. */
    public static EventCalls events() {
        return EventHolder.CALLS;
    }

    /** errno of the last failed call on this thread (jnr saves it after every call). */
    public static int lastErrno() {
        return Runtime.getSystemRuntime().getLastError();
    }
}
