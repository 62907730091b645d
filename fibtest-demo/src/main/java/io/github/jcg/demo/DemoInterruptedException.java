package io.github.jcg.demo;

/** The demo was stopped by a signal (Ctrl-C); the cleanup has run and said what it did. */
public final class DemoInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DemoInterruptedException() {
        super("interrupted");
    }
}
