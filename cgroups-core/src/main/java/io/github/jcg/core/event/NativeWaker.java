package io.github.jcg.core.event;

import io.github.jcg.core.Errno;
import io.github.jcg.core.KernelRefusedException;
import io.github.jcg.core.internal.posix.EventCalls;
import io.github.jcg.core.internal.posix.Posix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits in one {@code poll(2)} through jnr-ffi: PSI triggers signal only there ({@code POLLPRI}
 * on the pressure file they were written to), so the group directories' inotify descriptor and
 * an eventfd for {@link #wakeUp()} join them, and one thread waits for all three without a
 * thread of the watcher's own. Used only when triggers are asked for: it loads jnr-ffi.
 */
final class NativeWaker implements Waker {
    /** The longest single poll: a thread interrupt cannot end poll(2), so it is looked at this often. */
    private static final int SLICE_MILLIS = 200;
    private static final int CAP_SYS_RESOURCE = 24;

    private final EventCalls c = Posix.events();
    private final int wakeFd;
    private final int inotifyFd;
    private final Map<Integer, Integer> groupOfWatch = new HashMap<>();
    private final List<Trigger> triggers = new ArrayList<>();
    private final byte[] eventBuffer = new byte[4096];
    private boolean closed;

    private record Trigger(int group, int number, int fd) {
    }

    NativeWaker() {
        wakeFd = c.eventfd(0, EventCalls.O_CLOEXEC | EventCalls.O_NONBLOCK);
        if (wakeFd < 0) {
            throw new KernelRefusedException("cannot make an eventfd to wait for group events: " + errno(), null, null, null,
                    Errno.ofNumber(Posix.lastErrno()), null);
        }
        // no inotify descriptor (the user's instances used up) leaves the triggers and polling
        inotifyFd = c.inotify_init1(EventCalls.O_CLOEXEC | EventCalls.O_NONBLOCK);
    }

    @Override
    public boolean watch(int group, Path dir) {
        if (inotifyFd < 0) {
            return false;
        }
        int wd = c.inotify_add_watch(inotifyFd, dir.toString(), EventCalls.IN_MODIFY | EventCalls.IN_ONLYDIR);
        if (wd < 0) {
            return false;
        }
        groupOfWatch.put(wd, group);
        return true;
    }

    @Override
    public void trigger(int group, int number, Path file, PressureTrigger trigger) {
        String where = file.getFileName().toString();
        int fd = c.open(file.toString(), EventCalls.O_RDWR | EventCalls.O_NONBLOCK | EventCalls.O_CLOEXEC);
        if (fd < 0) {
            Errno e = Errno.ofNumber(Posix.lastErrno());
            throw new KernelRefusedException("cannot open " + file + " to set the PSI trigger " + trigger + ": " + e
                    + (e == Errno.EACCES || e == Errno.EPERM ? " (a PSI trigger needs write access to the file)" : ""),
                    null, where, trigger.kernelText(), e, null);
        }
        // the kernel overwrites the last byte written with a NUL: send one, or lose the window's last digit
        byte[] text = (trigger.kernelText() + "\0").getBytes(StandardCharsets.US_ASCII);
        if (c.write(fd, text, text.length) != text.length) {
            int errno = Posix.lastErrno();
            c.close(fd);
            throw refused(file, trigger, errno);
        }
        triggers.add(new Trigger(group, number, fd));
    }

    private static KernelRefusedException refused(Path file, PressureTrigger trigger, int errno) {
        Errno e = Errno.ofNumber(errno);
        String why;
        if (e == Errno.EOPNOTSUPP) {
            why = "PSI is off in this kernel (boot it with psi=1)";
        } else if (e == Errno.EINVAL && trigger.needsPrivilege() && !hasCapability(CAP_SYS_RESOURCE)) {
            why = "without CAP_SYS_RESOURCE the kernel takes only windows that are a multiple of 2s";
        } else if (e == Errno.EPERM || e == Errno.EACCES) {
            why = "setting PSI triggers needs CAP_SYS_RESOURCE on this kernel";
        } else {
            why = "the window must be 500ms to 10s, the stall at most the window";
        }
        return new KernelRefusedException("the kernel refused the PSI trigger '" + trigger.kernelText() + "' (" + trigger
                + ") on " + file + ": " + e + "; " + why,
                null, file.getFileName().toString(), trigger.kernelText(), e, null, true);
    }

    /** Whether this process holds a capability, from /proc/self/status ({@code CapEff}, hexadecimal). */
    static boolean hasCapability(int capability) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    return (Long.parseUnsignedLong(line.substring(7).strip(), 16) >>> capability & 1) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unknown: say nothing about it
        }
        return true;
    }

    @Override
    public void forget(int group) {
        groupOfWatch.entrySet().removeIf(e -> {
            if (e.getValue() == group) {
                c.inotify_rm_watch(inotifyFd, e.getKey());
                return true;
            }
            return false;
        });
        triggers.removeIf(t -> {
            if (t.group == group) {
                c.close(t.fd);
                return true;
            }
            return false;
        });
    }

    @Override
    public void await(long timeoutNanos, Woken woken) throws InterruptedException {
        int n = 2 + triggers.size();
        ByteBuffer fds = ByteBuffer.allocate(n * EventCalls.POLLFD_SIZE).order(ByteOrder.nativeOrder());
        fds.putInt(wakeFd).putShort(EventCalls.POLLIN).putShort((short) 0);
        fds.putInt(inotifyFd).putShort(EventCalls.POLLIN).putShort((short) 0); // a negative fd is skipped by poll
        for (Trigger t : triggers) {
            fds.putInt(t.fd).putShort(EventCalls.POLLPRI).putShort((short) 0);
        }
        long millis = timeoutNanos < 0 ? SLICE_MILLIS : Math.min(SLICE_MILLIS, (timeoutNanos + 999_999) / 1_000_000);
        byte[] array = fds.array();
        int ready = c.poll(array, n, (int) millis);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (ready <= 0) {
            return; // timeout, or EINTR: the caller loops
        }
        if (revents(array, 0) != 0) {
            c.read(wakeFd, new byte[8], 8);
        }
        if (revents(array, 1) != 0) {
            readInotify(woken);
        }
        for (int i = 0; i < triggers.size(); i++) {
            short r = revents(array, 2 + i);
            Trigger t = triggers.get(i);
            if ((r & EventCalls.POLLPRI) != 0 && (r & (EventCalls.POLLERR | EventCalls.POLLNVAL)) == 0) {
                woken.triggers.add(new int[] {t.group, t.number});
            } else if (r != 0) {
                // POLLERR: the pressure file went away with its group; a read of the group tells
                woken.groups.set(t.group);
            }
        }
    }

    private static short revents(byte[] fds, int i) {
        return ByteBuffer.wrap(fds).order(ByteOrder.nativeOrder()).getShort(i * EventCalls.POLLFD_SIZE + 6);
    }

    private void readInotify(Woken woken) {
        long got;
        while ((got = c.read(inotifyFd, eventBuffer, eventBuffer.length)) > 0) {
            ByteBuffer b = ByteBuffer.wrap(eventBuffer, 0, (int) got).order(ByteOrder.nativeOrder());
            while (b.remaining() >= EventCalls.INOTIFY_EVENT_SIZE) {
                int wd = b.getInt();
                int mask = b.getInt();
                b.getInt(); // cookie
                int len = b.getInt();
                String name = nameAt(b, len);
                if ((mask & EventCalls.IN_Q_OVERFLOW) != 0) {
                    woken.all = true;
                    continue;
                }
                Integer group = groupOfWatch.get(wd);
                if (group != null && ((mask & (EventCalls.IN_IGNORED | EventCalls.IN_DELETE_SELF)) != 0
                        || NOTIFYING_FILES.contains(name))) {
                    woken.groups.set(group);
                }
            }
        }
    }

    /** The NUL-padded name of an inotify event, consumed from the buffer. */
    private static String nameAt(ByteBuffer b, int len) {
        int start = b.position();
        int end = start;
        while (end < start + len && b.get(end) != 0) {
            end++;
        }
        String name = new String(b.array(), start, end - start, StandardCharsets.UTF_8);
        b.position(start + len);
        return name;
    }

    private String errno() {
        return Errno.ofNumber(Posix.lastErrno()).toString();
    }

    @Override
    public synchronized void wakeUp() {
        if (!closed) {
            byte[] one = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(1).array();
            c.write(wakeFd, one, 8);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Trigger t : triggers) {
            c.close(t.fd);
        }
        triggers.clear();
        if (inotifyFd >= 0) {
            c.close(inotifyFd);
        }
        c.close(wakeFd);
    }
}
