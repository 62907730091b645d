package io.github.jcg.core.kernel;

/**
 * The main class of {@link RealKernel#sleepingJvm()}: a process with many threads (the JVM's own
 * plus two of ours) that does nothing for five minutes, for tests that move threads.
 */
final class SleepingJvm {
    private SleepingJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(SleepingJvm::sleep, "sleeper-" + i);
            t.setDaemon(true);
            t.start();
        }
        // the test reads this before it counts threads: the JVM's own have started by now
        System.out.println("ready");
        System.out.flush();
        sleep();
    }

    private static void sleep() {
        try {
            Thread.sleep(300_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
