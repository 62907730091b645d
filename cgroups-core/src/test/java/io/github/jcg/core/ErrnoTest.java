package io.github.jcg.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ErrnoTest {

    @Test
    void typedJdkExceptionsMapToTheirErrno() {
        assertThat(Errno.of(new NoSuchFileException("/x"))).isEqualTo(Errno.ENOENT);
        assertThat(Errno.of(new AccessDeniedException("/x"))).isEqualTo(Errno.EACCES);
        assertThat(Errno.of(new FileAlreadyExistsException("/x"))).isEqualTo(Errno.EEXIST);
        assertThat(Errno.of(new DirectoryNotEmptyException("/x"))).isEqualTo(Errno.ENOTEMPTY);
        assertThat(Errno.of(new NotDirectoryException("/x"))).isEqualTo(Errno.ENOTDIR);
    }

    @Test
    void otherFailuresAreRecognisedByTheirStrerrorText() {
        // what FileChannel.write throws when the kernel answers a cgroup write with an errno
        assertThat(Errno.of(new IOException("Invalid argument"))).isEqualTo(Errno.EINVAL);
        assertThat(Errno.of(new IOException("Device or resource busy"))).isEqualTo(Errno.EBUSY);
        assertThat(Errno.of(new IOException("No such process"))).isEqualTo(Errno.ESRCH);
        assertThat(Errno.of(new IOException("No space left on device"))).isEqualTo(Errno.ENOSPC);
        assertThat(Errno.of(new IOException("Numerical result out of range"))).isEqualTo(Errno.ERANGE);
        assertThat(Errno.of(new IOException("Operation not supported"))).isEqualTo(Errno.EOPNOTSUPP);
        assertThat(Errno.of(new IOException("Operation not permitted"))).isEqualTo(Errno.EPERM);
        assertThat(Errno.of(new IOException("Resource temporarily unavailable"))).isEqualTo(Errno.EAGAIN);
        assertThat(Errno.of(new IOException("No such device"))).isEqualTo(Errno.ENODEV);
        assertThat(Errno.of(new IOException("Read-only file system"))).isEqualTo(Errno.EROFS);
    }

    @Test
    void aFileSystemExceptionIsJudgedByItsReasonNotThePathInItsMessage() {
        FileSystemException e = new FileSystemException("/sys/fs/cgroup/Invalid argument/cgroup.procs", null,
                "Device or resource busy");

        assertThat(Errno.of(e)).isEqualTo(Errno.EBUSY);
    }

    @Test
    void unknownTextAndNoTextAreUnknown() {
        assertThat(Errno.of(new IOException("something odd"))).isEqualTo(Errno.UNKNOWN);
        assertThat(Errno.of(new IOException((String) null))).isEqualTo(Errno.UNKNOWN);
        assertThat(Errno.UNKNOWN).hasToString("unknown errno");
    }

    @Test
    void realJdkFailuresMapToTheErrnoTheKernelGave(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("cpu.max"), "max");
        Path full = Files.createDirectories(dir.resolve("group/child"));

        IOException underAFile = catchThrowableOfType(IOException.class, () -> Files.createDirectory(file.resolve("sub")));
        IOException notEmpty = catchThrowableOfType(IOException.class, () -> Files.delete(full.getParent()));
        IOException exists = catchThrowableOfType(IOException.class, () -> Files.createDirectory(full));
        IOException missing = catchThrowableOfType(IOException.class, () -> Files.readString(dir.resolve("gone")));

        assertThat(Errno.of(underAFile)).isEqualTo(Errno.ENOTDIR);
        assertThat(Errno.of(notEmpty)).isEqualTo(Errno.ENOTEMPTY);
        assertThat(Errno.of(exists)).isEqualTo(Errno.EEXIST);
        assertThat(Errno.of(missing)).isEqualTo(Errno.ENOENT);
    }

    @Test
    void numbersAndTextAreTheLinuxOnes() {
        assertThat(Errno.EINVAL.number()).isEqualTo(22);
        assertThat(Errno.EBUSY.number()).isEqualTo(16);
        assertThat(Errno.ENOENT.number()).isEqualTo(2);
        assertThat(Errno.ERANGE.number()).isEqualTo(34);
        assertThat(Errno.EINVAL).hasToString("EINVAL (Invalid argument)");
    }
}
