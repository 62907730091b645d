package io.github.jcg.core.event;

import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Waits for the timeout alone: polling only, where notifications are off or cannot be had. */
final class SleepWaker implements Waker {
    private final Semaphore wake = new Semaphore(0);

    @Override
    public boolean watch(int group, Path dir) {
        return false;
    }

    @Override
    public void trigger(int group, int number, Path file, PressureTrigger trigger) {
        throw new UnsupportedOperationException("PSI triggers need the native waker");
    }

    @Override
    public void forget(int group) {
        // nothing was watched
    }

    @Override
    public void await(long timeoutNanos, Woken woken) throws InterruptedException {
        if (timeoutNanos < 0) {
            wake.acquire();
        } else {
            wake.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void wakeUp() {
        wake.release();
    }

    @Override
    public void close() {
        wake.release();
    }
}
