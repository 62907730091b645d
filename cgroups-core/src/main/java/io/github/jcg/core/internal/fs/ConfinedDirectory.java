package io.github.jcg.core.internal.fs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;

/**
 * A group's directory opened beneath its mount point one name at a time, each open relative
 * to the directory before it and refusing a symbolic link ({@code openat(2)} with
 * {@code O_NOFOLLOW}, through the JDK's {@link SecureDirectoryStream}). Files are then opened
 * relative to the held directory, again with {@code O_NOFOLLOW}.
 *
 * <p>What that guarantees: nothing reached through this handle lies outside the mount, and a
 * path changed after the handle was made (a directory swapped for a link, a link planted as a
 * control file) cannot redirect a write — the write goes to the directory that was checked or
 * fails. This is {@code openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS)}, as runc uses, in pure
 * Java: no native library is loaded on the way to a write. The mount point itself is trusted
 * (it comes from mountinfo); names are single plain names ({@link ControlFiles#isPlainName}),
 * so no {@code ..} can climb out.
 */
public final class ConfinedDirectory implements Closeable {
    private static final Set<OpenOption> WRITE = Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    private final SecureDirectoryStream<Path> directory;
    private final Path path;

    private ConfinedDirectory(SecureDirectoryStream<Path> directory, Path path) {
        this.directory = directory;
        this.path = path;
    }

    /**
     * Opens {@code mount/names[0]/names[1]/…}, refusing a symbolic link or non-directory at
     * any step with a {@link LinkRefusedException} or the open's own failure.
     */
    public static ConfinedDirectory open(Path mount, List<String> names) throws IOException {
        SecureDirectoryStream<Path> at = openMount(mount);
        Path shown = mount;
        try {
            for (String name : names) {
                requirePlain(name);
                shown = shown.resolve(name);
                SecureDirectoryStream<Path> next;
                try {
                    next = at.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS);
                } catch (NotDirectoryException e) {
                    // the JDK names only the last step; say which path it was
                    throw new NotDirectoryException(shown.toString());
                } catch (IOException e) {
                    throw refusedIfLink(shown, e);
                }
                at.close();
                at = next;
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(at, e);
            throw e;
        }
        return new ConfinedDirectory(at, shown);
    }

    private static SecureDirectoryStream<Path> openMount(Path mount) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(mount);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return secure;
        }
        stream.close();
        // every Linux JDK provides it; refuse rather than fall back to an unconfined open
        throw new IOException("this Java runtime cannot open files relative to a directory (no SecureDirectoryStream for "
                + mount + "); refusing to write control files by path");
    }

    /** The directory as a path, for messages. */
    public Path path() {
        return path;
    }

    /**
     * Writes {@code value} to an existing file of this directory in one {@code write(2)}, as
     * the kernel expects (see {@link ControlFiles#write}). The file is never created, and a
     * symbolic link in its place is refused with a {@link LinkRefusedException}. A file that
     * cannot be opened fails with the open's exception; once it is open, a {@code write(2)}
     * the kernel refuses is a {@link ValueRefusedException}.
     */
    public void write(String file, String value) throws IOException {
        requirePlain(file);
        byte[] bytes = ControlFiles.bytesOf(value);
        SeekableByteChannel channel;
        try {
            channel = directory.newByteChannel(Path.of(file), WRITE);
        } catch (IOException e) {
            throw refusedIfLink(path.resolve(file), e);
        }
        try (channel) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            try {
                channel.write(buffer);
            } catch (IOException e) {
                throw new ValueRefusedException(e);
            }
            if (buffer.hasRemaining()) {
                throw new ValueRefusedException(new IOException("short write to " + path.resolve(file) + ": "
                        + buffer.remaining() + " bytes not taken"));
            }
        }
    }

    /** The text of a file of this directory, refusing a symbolic link in its place. */
    public String read(String file) throws IOException {
        requirePlain(file);
        SeekableByteChannel channel;
        try {
            channel = directory.newByteChannel(Path.of(file), READ);
        } catch (IOException e) {
            throw refusedIfLink(path.resolve(file), e);
        }
        try (channel) {
            return ControlFiles.readAll(channel);
        }
    }

    /** The held directory's identity (device and inode), to compare with what a path names now. */
    public Object fileKey() throws IOException {
        return directory.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
    }

    /** Whether an entry of this directory is a directory (not following a link). */
    public boolean isDirectory(String name) throws IOException {
        requirePlain(name);
        BasicFileAttributes attributes = directory.getFileAttributeView(Path.of(name), BasicFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS).readAttributes();
        return attributes.isDirectory();
    }

    /**
     * Removes an empty child directory ({@code unlinkat(AT_REMOVEDIR)}, which never follows a
     * link); a child that is not there is not an error.
     */
    public void removeDirectory(String name) throws IOException {
        requirePlain(name);
        try {
            directory.deleteDirectory(Path.of(name));
        } catch (NoSuchFileException e) {
            // gone already: what removing it wanted
        }
    }

    @Override
    public void close() throws IOException {
        directory.close();
    }

    private static void requirePlain(String name) {
        if (!ControlFiles.isPlainName(name)) {
            throw new IllegalArgumentException("not a single file name: " + name);
        }
    }

    /**
     * O_NOFOLLOW answers ELOOP for a link: say so in words instead of "too many levels". (The
     * JDK reports it as a FileSystemException from some opens and a bare IOException from others.)
     */
    static IOException refusedIfLink(Path where, IOException e) {
        String text = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (text != null && text.contains("Too many levels of symbolic links")) {
            return new LinkRefusedException(where.toString());
        }
        return e;
    }

    private static void closeQuietly(Closeable c, Exception pending) {
        try {
            c.close();
        } catch (IOException e) {
            pending.addSuppressed(e);
        }
    }

    /**
     * The control file was opened and the kernel refused the value written to it ({@code write(2)}
     * failed, with the errno of {@link #getCause()}), as opposed to a file that could not be
     * opened at all. libcgroup tells the two apart (ECGOTHER against ECGROUPVALUENOTEXIST).
     */
    public static final class ValueRefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        public ValueRefusedException(IOException writeFailure) {
            super(writeFailure.getMessage(), writeFailure);
        }

        /** The write's own failure. */
        public IOException writeFailure() {
            return (IOException) getCause();
        }
    }

    /** A symbolic link met on the way to a control file: never followed. */
    public static final class LinkRefusedException extends FileSystemException {
        public LinkRefusedException(String file) {
            super(file, null, "is a symbolic link; refusing to follow it out of the cgroup hierarchy");
        }

        @Override
        public String getMessage() {
            return getFile() + " " + getReason();
        }
    }
}
