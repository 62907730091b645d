package io.github.jcg.core.event;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Waits with the JDK's {@link WatchService}: on Linux inotify, which the kernel's cgroup files
 * on a v2 hierarchy signal ({@code kernfs_notify} raises {@code IN_MODIFY} on
 * {@code cgroup.events}, {@code memory.events}, {@code pids.events}). No native binding of
 * jcg's own. v1 files raise nothing; the watcher polls those.
 */
final class WatchServiceWaker implements Waker {
    private final WatchService service;
    private final Map<WatchKey, Integer> groupOf = new HashMap<>();

    private WatchServiceWaker(WatchService service) {
        this.service = service;
    }

    /** A waker, or null where the JDK cannot make a watch service (the user's inotify instances used up). */
    static WatchServiceWaker open() {
        try {
            return new WatchServiceWaker(FileSystems.getDefault().newWatchService());
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    @Override
    public boolean watch(int group, Path dir) {
        try {
            groupOf.put(dir.register(service, StandardWatchEventKinds.ENTRY_MODIFY), group);
            return true;
        } catch (IOException | ClosedWatchServiceException | UnsupportedOperationException e) {
            // out of inotify watches, or a directory gone meanwhile: polling still sees it
            return false;
        }
    }

    @Override
    public void trigger(int group, int number, Path file, PressureTrigger trigger) {
        throw new UnsupportedOperationException("PSI triggers need the native waker");
    }

    @Override
    public void forget(int group) {
        groupOf.entrySet().removeIf(e -> {
            if (e.getValue() == group) {
                e.getKey().cancel();
                return true;
            }
            return false;
        });
    }

    @Override
    public void await(long timeoutNanos, Woken woken) throws InterruptedException {
        try {
            WatchKey key = timeoutNanos < 0 ? service.take() : service.poll(timeoutNanos, TimeUnit.NANOSECONDS);
            while (key != null) {
                take(key, woken);
                key = service.poll();
            }
        } catch (ClosedWatchServiceException e) {
            // wakeUp() closed it: the watcher is closing
        }
    }

    private void take(WatchKey key, Woken woken) {
        Integer group = groupOf.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                woken.all = true;
            } else if (group != null && event.context() instanceof Path name && NOTIFYING_FILES.contains(name.toString())) {
                woken.groups.set(group);
            }
        }
        key.reset();
    }

    @Override
    public void wakeUp() {
        close();
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing to do about a failed close of an inotify descriptor
        }
    }
}
